// One worker thread running a component's module: it loads the module once, says "ready" (or
// why it cannot), then answers one call at a time, matched by id. Its console output (stdout and
// stderr) is kept as a rolling tail, like a command component's stderr.
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { StderrTail } from "../process/stderr-tail.ts";
import type { CallReplyMessage, ModuleWorkerData, StartupErrorMessage, WorkerMessage } from "./types.ts";

/** The thread entry shipped with the package (plain JavaScript; it registers tsx). */
export const WORKER_BOOTSTRAP = new URL("./worker-bootstrap.mjs", import.meta.url);

/** How a thread's start ended: ready, the module's own load error, or the thread died first. */
export type ThreadStart =
  | { kind: "ready" }
  | { kind: "startup-error"; message: StartupErrorMessage }
  | { kind: "exit"; reason: string };

/** What a thread did with a call: answered it, or died while running it. */
export type ThreadReply = { kind: "reply"; message: CallReplyMessage } | { kind: "exit"; reason: string };

/** A started worker thread and its protocol state. */
export class ModuleThread {
  /** console.log / console.error output since the last reset. */
  readonly output = new StderrTail();
  /** Resolves once the module loaded or could not; never rejects. */
  readonly started: Promise<ThreadStart>;
  /** Resolves with why the thread ended; never rejects. */
  readonly ended: Promise<string>;
  private readonly worker: Worker;
  private nextId = 0;
  private waiting: { id: number; resolve: (reply: ThreadReply) => void } | undefined;
  private resolveStart: (start: ThreadStart) => void = () => {};
  private endReason: string | undefined;
  private crashError: string | undefined;

  constructor(data: ModuleWorkerData, env: Record<string, string>) {
    this.worker = new Worker(WORKER_BOOTSTRAP, {
      workerData: data,
      env: { ...process.env, ...env, ...tsconfigEnv(data.file, env) },
      stdout: true,
      stderr: true,
    });
    this.worker.stdout.on("data", (chunk: Buffer) => this.output.push(chunk));
    this.worker.stderr.on("data", (chunk: Buffer) => this.output.push(chunk));
    this.started = new Promise<ThreadStart>((resolve) => {
      this.resolveStart = resolve;
    });
    this.worker.on("message", (message: WorkerMessage) => this.receive(message));
    this.worker.on("error", (error: Error) => {
      // An uncaught exception inside the thread (a timer that throws, an unhandled rejection).
      this.crashError ??= `${error.name}: ${error.message}`;
    });
    this.ended = new Promise<string>((resolve) => {
      this.worker.once("exit", (code: number) => {
        const reason =
          this.crashError !== undefined
            ? `the worker thread died of an uncaught error: ${this.crashError}`
            : `the worker thread exited with code ${code}`;
        this.endReason = reason;
        this.resolveStart({ kind: "exit", reason });
        this.settle({ kind: "exit", reason });
        resolve(reason);
      });
    });
  }

  /** True until the thread ended or was terminated. */
  isUsable(): boolean {
    return this.endReason === undefined;
  }

  /** Sends one input; resolves with the reply or the thread's end. One call at a time. */
  call(inputText: string): Promise<ThreadReply> {
    if (this.waiting !== undefined)
      throw new Error("twinrun bug: a module thread got a second call in flight");
    if (this.endReason !== undefined) return Promise.resolve({ kind: "exit", reason: this.endReason });
    const id = this.nextId++;
    return new Promise<ThreadReply>((resolve) => {
      this.waiting = { id, resolve };
      this.worker.postMessage({ type: "call", id, inputText });
    });
  }

  /** Stops the thread at once, even in the middle of a synchronous endless loop. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private receive(message: WorkerMessage): void {
    if (message.type === "output") {
      this.output.push(message.text);
      return;
    }
    if (message.type === "ready") {
      this.resolveStart({ kind: "ready" });
      return;
    }
    if (message.type === "startup-error") {
      this.resolveStart({ kind: "startup-error", message });
      return;
    }
    if (this.waiting?.id === message.id) this.settle({ kind: "reply", message });
  }

  private settle(reply: ThreadReply): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(reply);
  }
}

/**
 * Why: tsx reads tsconfig.json from the working folder, which a worker thread cannot change; the
 * component's own tsconfig (nearest one above its file) is named explicitly instead.
 */
function tsconfigEnv(file: string, env: Record<string, string>): Record<string, string> {
  if (env.TSX_TSCONFIG_PATH !== undefined) return {};
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "tsconfig.json");
    if (existsSync(candidate)) return { TSX_TSCONFIG_PATH: candidate };
    if (path.dirname(dir) === dir) return {};
  }
}
