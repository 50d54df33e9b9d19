// The pool every worker-based adapter (command worker mode, Python, module threads) needs:
// at most `concurrency` inputs at once, idle workers reused, dead ones forgotten, and one
// idempotent stop. Adapters keep only what is theirs: how to spawn, call and shut down a worker.
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
  /** Stops one worker for good; resolves when it is gone. */
  shutdown: (worker: W) => Promise<void>;
}

/** A bounded set of reusable workers. */
export class WorkerSet<W extends PooledWorker> {
  private readonly options: WorkerSetOptions<W>;
  private readonly slots: Slots;
  private readonly workers = new Set<W>();
  private idle: W[] = [];
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
    if (this.stopped === undefined && worker.isUsable()) this.idle.push(worker);
  }

  /** Shuts one worker down and forgets it. */
  async discard(worker: W): Promise<void> {
    this.forget(worker);
    await this.options.shutdown(worker);
  }

  /** Runs `use` while holding a slot, on an idle worker or a fresh one. */
  async withWorker<R>(use: (worker: W) => Promise<R>): Promise<R> {
    this.assertRunning();
    await this.slots.acquire();
    try {
      this.assertRunning();
      return await use(this.takeIdle() ?? this.spawn());
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

  // An idle worker that died meanwhile is skipped: the next input simply gets a fresh one.
  private takeIdle(): W | undefined {
    let worker = this.idle.pop();
    while (worker !== undefined && !worker.isUsable()) worker = this.idle.pop();
    return worker;
  }

  private forget(worker: W): void {
    this.workers.delete(worker);
    this.idle = this.idle.filter((candidate) => candidate !== worker);
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
