// The worker set: a trial goes to whichever worker is free first, fresh workers start in the
// background, and a worker that cannot start is reported by the trial it was meant for.
import { describe, expect, it } from "vitest";
import { type PooledWorker, WorkerSet } from "../../../../adapters/shared/worker-set.ts";

// A worker whose start-up and end the test decides.
class StubWorker implements PooledWorker {
  readonly ended: Promise<void>;
  readonly ready: Promise<void>;
  alive = true;
  markReady: () => void = () => {};
  end: () => void = () => {};

  constructor(readonly id: number) {
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
    this.ended = new Promise((resolve) => {
      this.end = () => {
        this.alive = false;
        resolve();
      };
    });
  }

  isUsable(): boolean {
    return this.alive;
  }
}

function stubSet(concurrency: number) {
  const spawned: StubWorker[] = [];
  const set = new WorkerSet<StubWorker>({
    side: "old",
    concurrency,
    spawn: () => {
      const worker = new StubWorker(spawned.length);
      spawned.push(worker);
      return worker;
    },
    ready: (worker) => worker.ready,
    shutdown: async (worker) => worker.end(),
  });
  return { set, spawned };
}

// A trial as the adapters run one: use the worker, then put it back.
function runTrial<R>(set: WorkerSet<StubWorker>, use: (worker: StubWorker) => Promise<R>): Promise<R> {
  return set.withWorker(async (worker) => {
    const result = await use(worker);
    set.release(worker);
    return result;
  });
}

// Lets every pending promise callback run.
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("WorkerSet", () => {
  it("hands a trial to a busy worker that frees up before a fresh one has started", async () => {
    const { set, spawned } = stubSet(2);
    const first = set.spawn();
    first.markReady();
    set.release(first);

    let finishFirst: () => void = () => {};
    const firstTrial = runTrial(
      set,
      (worker) => new Promise<number>((resolve) => (finishFirst = () => resolve(worker.id))),
    );
    const secondTrial = runTrial(set, async (worker) => worker.id);
    await settle();
    expect(spawned).toHaveLength(2); // a second worker starts for the waiting trial…
    finishFirst();
    expect(await firstTrial).toBe(0);
    expect(await secondTrial).toBe(0); // …but the first, free again, takes the trial
    spawned[1]!.markReady();
    await settle();
    // The fresh worker joins the idle ones for the next trial.
    expect(await runTrial(set, async (worker) => worker.id)).toBe(1);
    expect(spawned).toHaveLength(2);
    await set.stop();
  });

  it("hands the waiting trials the fresh workers in the order they started, never more than the concurrency", async () => {
    const { set, spawned } = stubSet(2);
    const trials = [1, 2, 3].map(() =>
      runTrial(set, async (worker) => {
        await settle();
        return worker.id;
      }),
    );
    await settle();
    expect(spawned).toHaveLength(2);
    spawned[1]!.markReady();
    await settle();
    spawned[0]!.markReady();
    const [first, second, third] = await Promise.all(trials);
    expect([first, second]).toEqual([1, 0]);
    expect([0, 1]).toContain(third);
    expect(spawned).toHaveLength(2);
    await set.stop();
  });

  it("gives a worker that could not start to the trial it was started for, instead of starting another", async () => {
    const { set, spawned } = stubSet(1);
    const trial = runTrial(set, async (worker) => (worker.isUsable() ? "ran" : "start failed"));
    await settle();
    spawned[0]!.end(); // it died during start-up
    spawned[0]!.markReady();
    expect(await trial).toBe("start failed");
    expect(spawned).toHaveLength(1);
    await set.stop();
  });

  it("starts a replacement once a killed worker is gone, for a trial that waits for it", async () => {
    const { set, spawned } = stubSet(1);
    const first = set.spawn();
    first.markReady();
    set.release(first);
    // The trial kills its worker (as a timeout does) and is done before the process has ended.
    const killing = set.withWorker(async (worker) => {
      worker.alive = false;
      return worker.id;
    });
    const waiting = runTrial(set, async (worker) => worker.id);
    expect(await killing).toBe(0);
    await settle();
    expect(spawned).toHaveLength(1); // the killed worker still counts until it is gone
    first.end();
    await settle();
    expect(spawned).toHaveLength(2);
    spawned[1]!.markReady();
    expect(await waiting).toBe(1);
    await set.stop();
    expect(spawned.every((worker) => !worker.alive)).toBe(true);
  });
});
