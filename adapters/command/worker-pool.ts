// worker mode: a pool of long-lived workers, one per concurrency slot, started lazily. Each run()
// takes an idle worker, sends one input line and waits for one answer line. A worker that dies,
// answers garbage or times out fails that input and is discarded; the next input gets a fresh one.
import { performance } from "node:perf_hooks";
import { type ExitInfo, isCommandNotFound } from "../process/exit-info.ts";
import { assertCanLaunch, startError } from "../process/launch-check.ts";
import { STOP_GRACE_MS } from "../process/process-tree.ts";
import { lastStderrLine } from "../process/stderr-tail.ts";
import type { LaunchSpec } from "../process/types.ts";
import { type InputClock, type TimedOut, untilAborted } from "../shared/input-timeout.ts";
import { outputLimitFailure } from "../shared/output-limit.ts";
import { stopProcessWorker, WorkerSet } from "../shared/worker-set.ts";
import type { Outcome, Side, TrialInput } from "../types.ts";
import { exitFailureOutcome, failureOutcome, outcomeFromOutput, quoteStart } from "./outcomes.ts";
import { WorkerProcess, type WorkerReply } from "./worker-process.ts";

export interface WorkerPoolOptions {
  side: Side;
  launch: LaunchSpec;
  /** Whether inputs have a timeout (the decorator owns its length); a cold worker's allowance applies only then. */
  timeoutMs: number;
  concurrency: number;
  /** How long start() watches the first worker for an early exit. */
  startGraceMs: number;
  /** Extra time a fresh worker gets for its first input (imports, model loading). */
  startupAllowanceMs: number;
}

/** Runs inputs on a pool of worker processes; see the file comment. */
export class WorkerPool {
  private readonly options: WorkerPoolOptions;
  private readonly workers: WorkerSet<WorkerProcess>;
  /** Workers that have answered at least one input (their startup is over). */
  private readonly warm = new WeakSet<WorkerProcess>();
  private launched = false;

  constructor(options: WorkerPoolOptions) {
    this.options = options;
    this.workers = new WorkerSet({
      side: options.side,
      concurrency: options.concurrency,
      spawn: () => new WorkerProcess(options.launch),
      shutdown: (worker) => stopProcessWorker(worker, STOP_GRACE_MS),
    });
  }

  /** Starts one worker and checks it survives its first moments; throws ComponentStartError if not. */
  async start(): Promise<void> {
    assertCanLaunch(this.options.side, this.options.launch);
    const worker = this.workers.spawn();
    let timer: NodeJS.Timeout | undefined;
    const alive = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.options.startGraceMs);
    });
    const exit = await Promise.race([worker.ended, alive]);
    clearTimeout(timer);
    if (exit !== undefined) throw this.startFailure(exit, worker.stderr.text(), worker.strayLine());
    this.workers.release(worker);
  }

  /** Runs one input on an idle (or fresh) worker; rejects only with ComponentStartError. */
  run(input: TrialInput, clock: InputClock): Promise<Outcome | TimedOut> {
    return this.workers.withWorker((worker) => this.runOnWorker(worker, input, clock));
  }

  /** Stops every worker: close stdin and SIGTERM, then SIGKILL after STOP_GRACE_MS. Idempotent. */
  stop(): Promise<void> {
    return this.workers.stop();
  }

  private async runOnWorker(
    worker: WorkerProcess,
    input: TrialInput,
    clock: InputClock,
  ): Promise<Outcome | TimedOut> {
    // A fresh worker's first input also pays for its imports and model loading.
    const signal = clock.start(this.warm.has(worker) ? 0 : this.options.startupAllowanceMs);
    const startedAt = performance.now();
    const reply = await untilAborted(worker.send(input.text), signal);
    const durationMs = performance.now() - startedAt;

    if (reply === "aborted") {
      const stderr = worker.stderr.text();
      worker.kill(); // the worker's whole process group
      return { status: "timed-out", durationMs, stderr };
    }
    if (reply.kind === "exit") return this.outcomeOfExit(reply, durationMs, worker.stderr.text());
    this.launched = true;
    if (reply.kind === "overflow") {
      const failure = outputLimitFailure("a worker's output line", reply.limitChars);
      return { status: "failure", failure, durationMs };
    }

    // Lines the worker printed right after its answer arrive now: an answer that came with more
    // lines cannot be trusted to belong to this input.
    await nextIoTurn();
    const extra = worker.strayLine();
    if (extra !== undefined) return protocolOutcome(reply.line, extra, durationMs, worker.stderr.text());
    const outcome = outcomeFromOutput(reply.line, durationMs, worker.stderr.text());
    if (outcome.status === "failure") {
      worker.kill(); // Garbage on the protocol line: its next answers cannot be trusted.
      return outcome;
    }
    this.warm.add(worker);
    worker.stderr.reset();
    this.workers.release(worker);
    return outcome;
  }

  private outcomeOfExit(
    reply: Extract<WorkerReply, { kind: "exit" }>,
    durationMs: number,
    stderr: string,
  ): Outcome {
    const { exit } = reply;
    if (exit.spawnErrorCode !== undefined) {
      assertCanLaunch(this.options.side, this.options.launch);
      throw startError(
        this.options.side,
        `could not spawn ${JSON.stringify(this.options.launch.file)} (${exit.spawnErrorCode})`,
        this.options.launch.cwd,
      );
    }
    if (!this.launched && isCommandNotFound(exit, stderr)) throw this.startFailure(exit, stderr);
    this.launched = true;
    const outcome = exitFailureOutcome(exit, durationMs, stderr, true);
    if (outcome.status === "failure" && reply.partialLine.trim() !== "") {
      outcome.failure.message += `; it left an unfinished output line: ${quoteStart(reply.partialLine)}`;
    }
    return outcome;
  }

  private startFailure(exit: ExitInfo, stderr: string, strayLine?: string): Error {
    const { side, launch } = this.options;
    if (strayLine !== undefined) {
      const reason =
        `the worker printed ${quoteStart(strayLine)} on stdout before it got any input; a worker must print ` +
        "exactly one JSON line per input line and nothing else (write logs to stderr)";
      return startError(side, reason, launch.cwd);
    }
    if (exit.spawnErrorCode !== undefined) {
      return startError(
        side,
        `could not spawn ${JSON.stringify(launch.file)} (${exit.spawnErrorCode})`,
        launch.cwd,
      );
    }
    if (isCommandNotFound(exit, stderr)) {
      const reason = lastStderrLine(stderr) ?? "exit status 127";
      return startError(side, `command not found: ${JSON.stringify(launch.file)} (${reason})`, launch.cwd);
    }
    const how =
      exit.signal !== undefined ? `was killed by ${exit.signal}` : `exited with status ${exit.exitCode}`;
    const tail =
      stderr.trim() === ""
        ? "; it printed nothing on stderr"
        : `; its stderr ends with:\n${tailLines(stderr)}`;
    const hint =
      exit.exitCode === 0 ? " (a worker must keep reading JSON lines from stdin until it closes)" : "";
    return startError(side, `the worker ${how} right after starting${hint}${tail}`, launch.cwd);
  }
}

/** One I/O turn of the event loop: output already written to the pipe is read by then. */
function nextIoTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

// A worker that printed more than one line for one input broke the protocol; it was killed (see
// WorkerProcess.receiveLine), so the next input goes to a fresh worker and never pairs with a stale line.
function protocolOutcome(answer: string, extra: string, durationMs: number, stderr: string): Outcome {
  return failureOutcome(
    "protocol",
    `the worker printed more than one line for one input (${quoteStart(answer)}, then ${quoteStart(extra)}); ` +
      "a worker must print exactly one JSON line per input line (write logs to stderr); twinrun restarted it",
    durationMs,
    { stderr },
  );
}

// The last lines of a stderr text, indented, at most ~1 KB: enough for a Python traceback's end.
function tailLines(stderr: string): string {
  const text = stderr.trimEnd();
  const tail = text.length > 1000 ? `…${text.slice(-1000)}` : text;
  return tail
    .split(/\r?\n/)
    .map((line) => `  ${line}`)
    .join("\n");
}
