// The pool every worker-based adapter (command worker mode, Python, module threads) needs:
// at most `concurrency` inputs at once, idle workers reused, dead ones forgotten, and one
// idempotent stop. A trial goes to whichever worker is free first: a fresh worker starts in the
// background, and a busy one that finishes meanwhile takes the trial instead, so a run whose
// first worker keeps up never waits for a second start-up. Adapters keep only what is theirs:
// how to spawn, start, call and shut down a worker.
import type { Side } from "../types.ts";
import { Slots } from "./slots.ts";
import { withTimeout } from "./with-timeout.ts";

/** What the set needs of a worker (a process or a thread). */
export interface PooledWorker {
  /** Settles when the worker is gone, however it went. */
  readonly ended: Promise<unknown>;
  /** False once the worker died or can no longer be trusted with an input. */
  isUsable(): boolean;
}

export interface WorkerSetOptions<W extends PooledWorker> {
  side: Side;
  concurrency: number;
  spawn: () => W;
  /**
   * Settles when a fresh worker can take an input, or failed to start (then the trial it goes
   * to reports that start as its own failure). Absent: a worker takes inputs as soon as spawned.
   */
  ready?: (worker: W) => Promise<unknown>;
  /** Stops one worker for good; resolves when it is gone. */
  shutdown: (worker: W) => Promise<void>;
}

/** A bounded set of reusable workers. */
export class WorkerSet<W extends PooledWorker> {
  private readonly options: WorkerSetOptions<W>;
  private readonly slots: Slots;
  private readonly workers = new Set<W>();
  private idle: W[] = [];
  /** Trials holding a slot that wait for a worker, first come first served. */
  private readonly waiting: Array<(worker: W) => void> = [];
  /** Workers spawned for waiting trials that are still starting. */
  private starting = 0;
  private stopped: Promise<void> | undefined;

  constructor(options: WorkerSetOptions<W>) {
    this.options = options;
    this.slots = new Slots(options.concurrency);
  }

  /** True once stop() was called. */
  get stopping(): boolean {
    return this.stopped !== undefined;
  }

  /** Starts a worker and tracks it until it ends. */
  spawn(): W {
    const worker = this.options.spawn();
    this.workers.add(worker);
    worker.ended.then(() => this.forget(worker));
    return worker;
  }

  /** Puts a worker back for the next input (unless it died or the set is stopping). */
  release(worker: W): void {
    if (this.stopped === undefined && worker.isUsable()) this.handOver(worker);
  }

  /** Shuts one worker down and forgets it. */
  async discard(worker: W): Promise<void> {
    this.forget(worker);
    await this.options.shutdown(worker);
  }

  /** Runs `use` while holding a slot, on whichever worker is free first. */
  async withWorker<R>(use: (worker: W) => Promise<R>): Promise<R> {
    this.assertRunning();
    await this.slots.acquire();
    try {
      this.assertRunning();
      return await use(this.takeIdle() ?? (await this.nextFree()));
    } finally {
      this.slots.release();
    }
  }

  /** Shuts every worker down. Idempotent. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.idle = [];
      await Promise.all([...this.workers].map((worker) => this.options.shutdown(worker)));
    })();
    return this.stopped;
  }

  // Waits for a released or freshly started worker, starting one if the waiting trials need it.
  private nextFree(): Promise<W> {
    return new Promise<W>((resolve) => {
      this.waiting.push(resolve);
      this.startForWaiting();
    });
  }

  // One start-up per waiting trial at most, within the concurrency; the rest wait for releases.
  private startForWaiting(): void {
    while (
      this.stopped === undefined &&
      this.waiting.length > this.starting &&
      this.workers.size < this.options.concurrency
    ) {
      const worker = this.spawn();
      this.starting++;
      const ready = this.options.ready?.(worker) ?? Promise.resolve();
      ready.then(
        () => this.started(worker),
        () => this.started(worker),
      );
    }
  }

  // A fresh worker goes to a waiting trial even when its start failed: that trial reports it,
  // so a component that cannot start twice is never retried without end.
  private started(worker: W): void {
    this.starting--;
    const waiter = this.waiting.shift();
    if (waiter !== undefined) waiter(worker);
    else if (this.stopped === undefined && worker.isUsable()) this.idle.push(worker);
  }

  private handOver(worker: W): void {
    const waiter = this.waiting.shift();
    if (waiter !== undefined) waiter(worker);
    else this.idle.push(worker);
  }

  // An idle worker that died meanwhile is skipped: the next input simply gets a fresh one.
  private takeIdle(): W | undefined {
    let worker = this.idle.pop();
    while (worker !== undefined && !worker.isUsable()) worker = this.idle.pop();
    return worker;
  }

  // A worker gone while trials wait may leave them short of a start-up: start one for them.
  private forget(worker: W): void {
    this.workers.delete(worker);
    this.idle = this.idle.filter((candidate) => candidate !== worker);
    this.startForWaiting();
  }

  private assertRunning(): void {
    if (this.stopped !== undefined) {
      throw new Error(`twinrun bug: ${this.options.side} adapter got an input after stop()`);
    }
  }
}

/** What stopProcessWorker needs of a worker process. */
export interface StoppableProcess {
  readonly ended: Promise<unknown>;
  closeInput(): void;
  kill(signal?: NodeJS.Signals): void;
}

/** Closes a worker process's stdin and sends SIGTERM; SIGKILL when it is still there after graceMs. */
export async function stopProcessWorker(worker: StoppableProcess, graceMs: number): Promise<void> {
  worker.closeInput();
  worker.kill("SIGTERM");
  if ((await withTimeout(worker.ended, graceMs)) === "timeout") {
    worker.kill("SIGKILL");
    await worker.ended;
  }
}
