// The Python adapter: calls a user's Python function in persistent workers, one per concurrency
// slot, started once and fed inputs over a pipe. An exception is a failure outcome and the worker
// goes on; a worker that dies or times out fails that input and is replaced for the next one.
import { performance } from "node:perf_hooks";
import { STOP_GRACE_MS } from "../process/process-tree.ts";
import { type InputClock, type TimedOut, untilAborted, withInputTimeout } from "../shared/input-timeout.ts";
import { withTimeout } from "../shared/with-timeout.ts";
import { stopProcessWorker, WorkerSet } from "../shared/worker-set.ts";
import type { Outcome, RecordAdapter, TrialInput } from "../types.ts";
import { outcomeFromReply } from "./outcomes.ts";
import { PythonWorker, type StartResult } from "./python-worker.ts";
import { assertCanStartPython, startFailureOf } from "./start-failure.ts";
import type { PythonAdapterOptions } from "./types.ts";

/** The interpreter used when neither the config's `python` nor TWINRUN_PYTHON names one. */
export const DEFAULT_PYTHON = "python3";

/** Default time a fresh worker gets to import the user's module (pandas, models, …). */
export const DEFAULT_PYTHON_STARTUP_TIMEOUT_MS = 60_000;

/** How a worker's start ended, or that it took longer than the start-up timeout. */
type WorkerStart = StartResult | { kind: "timeout"; timeoutMs: number };

/** Creates the adapter for one side's Python function. */
export function createPythonAdapter(options: PythonAdapterOptions): RecordAdapter {
  return withInputTimeout(new PythonAdapter(options), { timeoutMs: options.timeoutMs, awaited: "output" });
}

class PythonAdapter {
  private readonly options: PythonAdapterOptions;
  private readonly workers: WorkerSet<PythonWorker>;
  /** Each worker's start, waited for once (within the start-up timeout). */
  private readonly starts = new WeakMap<PythonWorker, Promise<WorkerStart>>();

  constructor(options: PythonAdapterOptions) {
    this.options = options;
    this.workers = new WorkerSet({
      side: options.side,
      concurrency: options.concurrency,
      spawn: () => spawnWorker(options),
      ready: (worker) => this.waitUntilStarted(worker),
      shutdown: (worker) => stopProcessWorker(worker, STOP_GRACE_MS),
    });
  }

  /** Starts one worker and waits until it imported the module; throws ComponentStartError if it cannot. */
  async start(): Promise<void> {
    assertCanStartPython(this.options);
    const worker = this.workers.spawn();
    const result = await this.waitUntilStarted(worker);
    if (result.kind !== "ready") {
      worker.kill();
      throw startFailureOf(this.options, result, worker.stderr.text());
    }
    worker.stderr.reset();
    this.workers.release(worker);
  }

  /** Runs one input on an idle (or fresh) worker; never rejects for the component's own failure. */
  run(input: TrialInput, clock: InputClock): Promise<Outcome | TimedOut> {
    return this.workers.withWorker((worker) => this.runOnWorker(worker, input, clock));
  }

  /** Stops every worker: close stdin and SIGTERM, then SIGKILL after a grace period. Idempotent. */
  stop(): Promise<void> {
    return this.workers.stop();
  }

  private async runOnWorker(
    worker: PythonWorker,
    input: TrialInput,
    clock: InputClock,
  ): Promise<Outcome | TimedOut> {
    // A replacement worker imports the module first; that time is not the input's duration.
    const started = await this.waitUntilStarted(worker);
    if (started.kind !== "ready") {
      worker.kill();
      const error = startFailureOf(this.options, started, worker.stderr.text());
      return { status: "failure", failure: { kind: "crash", message: error.message }, durationMs: 0 };
    }
    worker.stderr.reset(); // what the import printed is not this input's
    const startedAt = performance.now();
    const reply = await untilAborted(worker.call(input.text), clock.start());
    const durationMs = performance.now() - startedAt;
    if (reply === "aborted") {
      const stderr = worker.stderr.text();
      worker.kill();
      return { status: "timed-out", durationMs, stderr };
    }
    // A line the worker wrote right after its reply arrives now; the reply then cannot be trusted.
    if (reply.kind === "reply") await new Promise((resolve) => setImmediate(resolve));
    const stray = reply.kind === "reply" ? worker.strayLine() : undefined;
    const outcome =
      stray === undefined
        ? outcomeFromReply(reply, durationMs, worker.stderr.text())
        : outcomeFromReply({ kind: "garbage", line: stray }, durationMs, worker.stderr.text());
    worker.stderr.reset();
    this.workers.release(worker);
    return outcome;
  }

  private waitUntilStarted(worker: PythonWorker): Promise<WorkerStart> {
    let start = this.starts.get(worker);
    if (start === undefined) {
      const timeoutMs = this.options.startupTimeoutMs ?? DEFAULT_PYTHON_STARTUP_TIMEOUT_MS;
      start = withTimeout(worker.started, timeoutMs).then(
        (result): WorkerStart => (result === "timeout" ? { kind: "timeout", timeoutMs } : result),
      );
      this.starts.set(worker, start);
    }
    return start;
  }
}

function spawnWorker(options: PythonAdapterOptions): PythonWorker {
  return new PythonWorker({
    python: options.python,
    cwd: options.cwd,
    env: options.env,
    ...(options.outputLimitChars !== undefined && { outputLimitChars: options.outputLimitChars }),
    config: {
      module: options.module,
      function: options.function,
      style: options.style,
      cwd: options.cwd,
      path: options.path,
      key: options.key ?? null,
      seedEachCall: options.seedEachCall,
    },
  });
}
