// One Python worker process: started with the worker script, it imports the user's module once,
// says "ready" (or "startup-error"), then answers one call at a time. Strictly one call in
// flight, matched by id; a worker that says anything out of turn is killed.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ExitInfo } from "../process/exit-info.ts";
import type { StderrTail } from "../process/stderr-tail.ts";
import { WorkerChild } from "../shared/worker-child.ts";
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
  /** twinrun's limit on one reply line, in characters (default: the environment's). */
  outputLimitChars?: number;
}

/** A spawned worker and its protocol state. */
export class PythonWorker {
  readonly pid: number | undefined;
  /** stderr since the previous call finished (reset by the adapter after each call). */
  readonly stderr: StderrTail;
  /** Resolves once the worker is ready or could not start; never rejects. */
  readonly started: Promise<StartResult>;
  /** Resolves when the process ended; never rejects. */
  readonly ended: Promise<ExitInfo>;
  private readonly child: WorkerChild;
  private nextId = 1;
  private waiting: { id: number; resolve: (reply: CallReply) => void } | undefined;
  private settleStart: (result: StartResult) => void = () => {};
  private startSettled = false;
  private stray: string | undefined;

  constructor(launch: WorkerLaunch) {
    this.started = new Promise<StartResult>((resolve) => {
      this.settleStart = resolve;
    });
    this.child = new WorkerChild(
      {
        file: launch.python,
        args: [WORKER_SCRIPT, JSON.stringify(launch.config)],
        shell: false,
        cwd: launch.cwd,
        env: launch.env,
        ...(launch.outputLimitChars !== undefined && { outputLimitChars: launch.outputLimitChars }),
      },
      {
        onLine: (line) => this.receive(decodeMessage(line)),
        onEnd: (exit) => {
          this.finishStart({ kind: "exit", exit });
          this.settle({ kind: "exit", exit });
        },
      },
    );
    this.pid = this.child.pid;
    this.stderr = this.child.stderr;
    this.ended = this.child.ended;
  }

  /** True while the worker runs and has kept to the protocol: it may take the next call. */
  isUsable(): boolean {
    return this.child.isUsable();
  }

  /** The first line the worker wrote out of step (it was killed for it), if any. */
  strayLine(): string | undefined {
    return this.stray;
  }

  /** Sends one input; resolves with the worker's reply, its exit, or an out-of-step line. */
  call(inputText: string): Promise<CallReply> {
    if (this.waiting !== undefined)
      throw new Error("twinrun bug: a Python worker got a second call in flight");
    const id = this.nextId++;
    return new Promise<CallReply>((resolve) => {
      const exit = this.child.exitInfo();
      if (exit !== undefined) {
        resolve({ kind: "exit", exit });
        return;
      }
      this.waiting = { id, resolve };
      this.child.write(encodeCall(id, inputText));
    });
  }

  /** Marks the worker unusable and signals its whole process group. */
  kill(signal: NodeJS.Signals = "SIGKILL"): void {
    this.child.kill(signal);
  }

  /** Closes stdin: the worker's read loop ends and it exits. */
  closeInput(): void {
    this.child.closeInput();
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
    this.stray ??= line;
    this.kill();
    this.finishStart({ kind: "garbage", line });
    this.settle({ kind: "garbage", line });
  }

  private finishStart(result: StartResult): void {
    if (this.startSettled) return;
    this.startSettled = true;
    if (result.kind !== "ready") this.child.markUnusable();
    this.settleStart(result);
  }

  private settle(reply: CallReply): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(reply);
  }
}
