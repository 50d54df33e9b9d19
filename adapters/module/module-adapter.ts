// The module adapter: calls an exported JavaScript/TypeScript function in worker threads, one per
// concurrency slot, each with its own module graph (old and new never share module state). A
// throw is a failure outcome and the thread goes on; a thread that times out is terminated, one
// that dies fails its input, and either is replaced by a fresh thread for the next input.
import { statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { ComponentStartError } from "../../src/errors.ts";
import { parseLossless } from "../../src/json/parse.ts";
import { type InputClock, type TimedOut, untilAborted, withInputTimeout } from "../shared/input-timeout.ts";
import { withTimeout } from "../shared/with-timeout.ts";
import { WorkerSet } from "../shared/worker-set.ts";
import type { Outcome, RecordAdapter, TrialInput } from "../types.ts";
import { ModuleThread, type ThreadStart } from "./module-thread.ts";
import { keepOutputTail, outcomeFromCall, threadCrashOutcome } from "./outcomes.ts";
import type { ModuleAdapterOptions } from "./types.ts";

/** Default time a fresh thread gets to load the module (tsx compiles TypeScript on first load). */
export const DEFAULT_MODULE_STARTUP_TIMEOUT_MS = 60_000;

const STACK_CHARS = 1500;

/** How a thread's start ended, or that it took longer than the start-up timeout. */
type StartResult = ThreadStart | { kind: "slow"; timeoutMs: number };

/** Creates the adapter for one side's module function. */
export function createModuleAdapter(options: ModuleAdapterOptions): RecordAdapter {
  return withInputTimeout(new ModuleAdapter(options), { timeoutMs: options.timeoutMs, awaited: "result" });
}

class ModuleAdapter {
  private readonly options: ModuleAdapterOptions;
  private readonly threads: WorkerSet<ModuleThread>;
  /** Each thread's start, waited for once (within the start-up timeout). */
  private readonly starts = new WeakMap<ModuleThread, Promise<StartResult>>();

  constructor(options: ModuleAdapterOptions) {
    this.options = options;
    this.threads = new WorkerSet({
      side: options.side,
      concurrency: options.concurrency,
      spawn: () => new ModuleThread({ file: options.file, exportName: options.export }, options.env),
      ready: (thread) => this.waitUntilStarted(thread),
      shutdown: (thread) => thread.terminate(),
    });
  }

  /** Loads the module in a first thread; throws ComponentStartError when it cannot be loaded. */
  async start(): Promise<void> {
    assertIsFile(this.options);
    const thread = this.threads.spawn();
    const start = await this.waitUntilStarted(thread);
    if (start.kind !== "ready") {
      await this.threads.discard(thread);
      throw startFailure(this.options, start, thread.output.text());
    }
    thread.output.reset();
    this.threads.release(thread);
  }

  /** Runs one input on an idle (or fresh) thread; never rejects for the component's own failure. */
  run(input: TrialInput, clock: InputClock): Promise<Outcome | TimedOut> {
    return this.threads.withWorker((thread) => this.runOnThread(thread, input, clock));
  }

  /** Terminates every thread. Idempotent. */
  stop(): Promise<void> {
    return this.threads.stop();
  }

  private async runOnThread(
    thread: ModuleThread,
    input: TrialInput,
    clock: InputClock,
  ): Promise<Outcome | TimedOut> {
    const start = await this.waitUntilStarted(thread);
    if (start.kind !== "ready") {
      // It loaded in the first thread; a fresh one failing now is this input's crash, not a start error.
      await this.threads.discard(thread);
      return threadCrashOutcome(describeStart(start), 0, thread.output.text());
    }
    const startedAt = performance.now();
    const reply = await untilAborted(thread.call(input.text), clock.start());
    const durationMs = performance.now() - startedAt;
    const output = thread.output.text();
    thread.output.reset();
    if (reply === "aborted") {
      await this.threads.discard(thread);
      return { status: "timed-out", durationMs, stderr: keepOutputTail(output) };
    }
    if (reply.kind === "exit") {
      await this.threads.discard(thread);
      return threadCrashOutcome(reply.reason, durationMs, output);
    }
    this.threads.release(thread);
    const { message } = reply;
    if (message.type === "result") {
      const value = "value" in message ? message.value : parseLossless(message.text);
      return outcomeFromCall({ kind: "result", value, text: message.text }, durationMs, output);
    }
    if (message.type === "exception")
      return outcomeFromCall({ ...message, kind: "exception" }, durationMs, output);
    const limit = message.limit === undefined ? {} : { limit: message.limit };
    return outcomeFromCall(
      { kind: "unserialisable", message: message.message, ...limit },
      durationMs,
      output,
    );
  }

  private waitUntilStarted(thread: ModuleThread): Promise<StartResult> {
    let start = this.starts.get(thread);
    if (start === undefined) {
      const timeoutMs = this.options.startupTimeoutMs ?? DEFAULT_MODULE_STARTUP_TIMEOUT_MS;
      start = withTimeout(thread.started, timeoutMs).then(
        (result): StartResult => (result === "timeout" ? { kind: "slow", timeoutMs } : result),
      );
      this.starts.set(thread, start);
    }
    return start;
  }
}

function assertIsFile(options: ModuleAdapterOptions): void {
  let isFile = false;
  try {
    isFile = statSync(options.file).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) {
    throw new ComponentStartError(
      options.side,
      `${options.side} component could not start: module file not found: ${options.file}`,
    );
  }
}

function describeStart(start: Exclude<StartResult, { kind: "ready" }>): string {
  switch (start.kind) {
    case "startup-error":
      return `the module failed to load in a fresh worker thread (${start.message.errorType}: ${start.message.message})`;
    case "exit":
      return start.reason;
    case "slow":
      return `a fresh worker thread took longer than ${start.timeoutMs} ms to load the module`;
  }
}

function startFailure(
  options: ModuleAdapterOptions,
  start: Exclude<StartResult, { kind: "ready" }>,
  output: string,
): ComponentStartError {
  const spec = `js:${options.file}#${options.export}`;
  const prefix = `${options.side} component could not start:`;
  if (start.kind === "startup-error") {
    const { errorType, message, stack } = start.message;
    const reason =
      errorType === "ExportError"
        ? `${spec}: ${message}`
        : `could not load ${spec} (${errorType}: ${message})${indentTail(stackBelowMessage(stack))}`;
    return new ComponentStartError(options.side, `${prefix} ${reason}${indentTail(output)}`);
  }
  if (start.kind === "slow") {
    return new ComponentStartError(
      options.side,
      `${prefix} loading ${spec} took longer than ${Math.round(start.timeoutMs / 1000)} s; the worker thread was stopped${indentTail(output)}`,
    );
  }
  return new ComponentStartError(
    options.side,
    `${prefix} ${start.reason} while loading ${spec}${indentTail(output)}`,
  );
}

// A stack's first line repeats the message; the frames below it say where.
function stackBelowMessage(stack: string | undefined): string {
  if (stack === undefined) return "";
  const lines = stack.split("\n");
  const firstFrame = lines.findIndex((line) => /^\s+at /.test(line));
  return firstFrame === -1 ? "" : lines.slice(firstFrame, firstFrame + 6).join("\n");
}

function indentTail(text: string): string {
  const trimmed = text.trimEnd();
  if (trimmed === "") return "";
  const tail = trimmed.length > STACK_CHARS ? `…${trimmed.slice(-STACK_CHARS)}` : trimmed;
  return `\n${tail
    .split(/\r?\n/)
    .map((line) => `    ${line.trim()}`)
    .join("\n")}`;
}
