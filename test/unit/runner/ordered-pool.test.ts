import { describe, expect, it } from "vitest";
import { runOrderedPool } from "../../../src/runner/ordered-pool.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("runOrderedPool", () => {
  it("hands results back in input order even when later items finish first", async () => {
    const seen: number[] = [];
    await runOrderedPool({
      items: [0, 1, 2, 3, 4, 5],
      concurrency: 3,
      run: async (item) => {
        await sleep((6 - item) * 5);
        return item * 10;
      },
      onResult: (result) => seen.push(result),
    });
    expect(seen).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it("never runs more than `concurrency` items at once", async () => {
    let running = 0;
    let peak = 0;
    await runOrderedPool({
      items: Array.from({ length: 40 }, (_, i) => i),
      concurrency: 4,
      run: async () => {
        running++;
        peak = Math.max(peak, running);
        await sleep(2);
        running--;
      },
      onResult: () => {},
    });
    expect(peak).toBe(4);
  });

  it("keeps waiting results bounded while one slow item blocks the head", async () => {
    let started = 0;
    const items = {
      *[Symbol.iterator]() {
        for (let i = 0; i < 1000; i++) {
          started++;
          yield i;
        }
      },
    };
    let startedWhileHeadRan = 0;
    await runOrderedPool({
      items,
      concurrency: 2,
      run: async (item) => {
        if (item === 0) {
          await sleep(50);
          startedWhileHeadRan = started;
        }
      },
      onResult: () => {},
    });
    expect(startedWhileHeadRan).toBeLessThanOrEqual(2 * 4 + 1);
  });

  it("stops starting items once aborted and drops late results", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const { completed } = await runOrderedPool({
      items: Array.from({ length: 100 }, (_, i) => i),
      concurrency: 2,
      signal: controller.signal,
      run: async (item) => {
        if (item === 5) controller.abort();
        await sleep(1);
        return item;
      },
      onResult: (result) => seen.push(result),
    });
    expect(seen.length).toBeLessThan(10);
    expect(completed).toBe(seen.length);
    expect(seen).toEqual(seen.map((_, i) => i));
  });

  it("rejects with the first error a task throws", async () => {
    await expect(
      runOrderedPool({
        items: [1, 2, 3],
        concurrency: 2,
        run: async (item) => {
          if (item === 2) throw new Error("boom");
          return item;
        },
        onResult: () => {},
      }),
    ).rejects.toThrow("boom");
  });

  it("resolves at once for no items", async () => {
    await expect(
      runOrderedPool({ items: [], concurrency: 2, run: async () => 1, onResult: () => {} }),
    ).resolves.toEqual({
      completed: 0,
    });
  });
});
