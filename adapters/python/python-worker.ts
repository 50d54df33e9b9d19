// One Python worker process: started with the worker script, it imports the user's module once,
// says "ready" (or "startup-error"), then answers one call at a time. Strictly one call in
// flight, matched by id; a worker that says anything out of turn is killed.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ExitInfo, waitForEnd } from "../command/exit-info.ts";
import { type GroupProcess, killGroup, releaseGroup, spawnInGroup } from "../command/process-tree.ts";
import { StderrTail } from "../command/stderr-tail.ts";
import { LineReader } from "../shared/line-reader.ts";
import { decodeMessage, encodeCall, isCallReply } from "./protocol.ts";
import type {
  CallReplyMessage,
  ReadyMessage,
  StartupErrorMessage,
  WorkerConfig,
  WorkerMessage,
} from "./types.ts";

/** The worker script shipped with the package. */
export const WORKER_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "worker.py");

/** How the worker's start ended: ready, Python's import error, an early exit, or garbage on stdout. */
export type StartResult =
  | { kind: "ready"; message: ReadyMessage }
  | { kind: "startup-error"; message: StartupErrorMessage }
  | { kind: "exit"; exit: ExitInfo }
  | { kind: "garbage"; line: string };

/** What a worker did after a call was sent: answered it, ended, or wrote something out of step. */
export type CallReply =
  | { kind: "reply"; message: CallReplyMessage }
  | { kind: "exit"; exit: ExitInfo }
  | { kind: "garbage"; line: string };

/** How to launch a worker: interpreter, folder, environment and the script's settings. */
export interface WorkerLaunch {
  python: string;
  cwd: string;
  env: Record<string, string>;
  config: WorkerConfig;
}

/** A spawned worker and its protocol state. */
export class PythonWorker {
  readonly pid: number | undefined;
  /** stderr since the previous call finished (reset by the adapter after each call). */
  readonly stderr = new StderrTail();
  /** Resolves once the worker is ready or could not start; never rejects. */
  readonly started: Promise<StartResult>;
  /** Resolves when the process ended; never rejects. */
  readonly ended: Promise<ExitInfo>;
  private readonly subprocess: GroupProcess;
  private exit: ExitInfo | undefined;
  private usable = true;
  private nextId = 1;
  private waiting: { id: number; resolve: (reply: CallReply) => void } | undefined;
  private settleStart: (result: StartResult) => void = () => {};
  private startSettled = false;
  private announceKill: () => void = () => {};

  constructor(launch: WorkerLaunch) {
    this.subprocess = spawnInGroup({
      file: launch.python,
      args: [WORKER_SCRIPT, JSON.stringify(launch.config)],
      shell: false,
      cwd: launch.cwd,
      env: launch.env,
    });
    this.pid = this.subprocess.pid;
    this.started = new Promise<StartResult>((resolve) => {
      this.settleStart = resolve;
    });
    const splitter = new LineReader((line) => this.receive(decodeMessage(line)));
    this.subprocess.stdout.setEncoding("utf8");
    this.subprocess.stdout.on("data", (chunk: string) => splitter.push(chunk));
    this.subprocess.stderr.on("data", (chunk: Buffer) => this.stderr.push(chunk));
    this.subprocess.once("exit", () => {
      this.usable = false; // Known before the pipes close: no new call goes to a dead worker.
    });
    const killed = new Promise<void>((resolve) => {
      this.announceKill = resolve;
    });
    this.ended = waitForEnd(this.subprocess, killed).then((exit) => {
      this.exit = exit;
      this.usable = false;
      releaseGroup(this.pid);
      this.finishStart({ kind: "exit", exit });
      this.settle({ kind: "exit", exit });
      return exit;
    });
  }

  /** True while the worker runs and has kept to the protocol: it may take the next call. */
  isUsable(): boolean {
    return this.usable && this.exit === undefined;
  }

  /** Sends one input; resolves with the worker's reply, its exit, or an out-of-step line. */
  call(inputText: string): Promise<CallReply> {
    if (this.waiting !== undefined)
      throw new Error("twinrun bug: a Python worker got a second call in flight");
    const id = this.nextId++;
    return new Promise<CallReply>((resolve) => {
      if (this.exit !== undefined) {
        resolve({ kind: "exit", exit: this.exit });
        return;
      }
      this.waiting = { id, resolve };
      this.subprocess.stdin.write(encodeCall(id, inputText));
    });
  }

  /** Marks the worker unusable and signals its whole process group. */
  kill(signal: NodeJS.Signals = "SIGKILL"): void {
    this.usable = false;
    killGroup(this.pid, signal);
    if (signal === "SIGKILL") this.announceKill();
  }

  /** Closes stdin: the worker's read loop ends and it exits. */
  closeInput(): void {
    this.usable = false;
    this.subprocess.stdin.end();
  }

  private receive(message: WorkerMessage): void {
    if (!this.startSettled) {
      if (message.type === "ready" || message.type === "startup-error") {
        this.finishStart({ kind: message.type, message } as StartResult);
        return;
      }
      this.outOfStep(message);
      return;
    }
    const waiting = this.waiting;
    if (waiting !== undefined && isCallReply(message) && message.id === waiting.id) {
      this.settle({ kind: "reply", message });
      return;
    }
    this.outOfStep(message);
  }

  // Output nobody asked for: the next answer could belong to the wrong call.
  private outOfStep(message: WorkerMessage): void {
    const line = message.type === "garbage" ? message.line : JSON.stringify(message);
    this.kill();
    this.finishStart({ kind: "garbage", line });
    this.settle({ kind: "garbage", line });
  }

  private finishStart(result: StartResult): void {
    if (this.startSettled) return;
    this.startSettled = true;
    if (result.kind !== "ready") this.usable = false;
    this.settleStart(result);
  }

  private settle(reply: CallReply): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(reply);
  }
}
