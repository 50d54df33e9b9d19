import { describe, expect, it } from "vitest";
import { judgeSlowdown } from "../../../src/gate/slowdown-gate.ts";
import { createRandom } from "../../../src/inputs/random.ts";
import {
  judgeThreshold,
  orderStatisticForInterval,
  SlowdownTracker,
} from "../../../src/slowdown/slowdown.ts";

/** Trial times around a base, with ±30% seeded jitter on each side (machine noise, not a slowdown). */
function track(oldMs: number, newMs: number, trials: number, seed: number, max?: number) {
  const random = createRandom(seed);
  const jitter = () => 0.7 + 0.6 * random.nextFloat();
  const tracker = new SlowdownTracker(2, max);
  for (let i = 0; i < trials; i++) tracker.add(oldMs * jitter(), newMs * jitter());
  return tracker.result()!;
}

describe("SlowdownTracker", () => {
  it("measures 2 ms against 8 ms as about 4x, and the gate at 2x fails", () => {
    const slowdown = track(2, 8, 100, 1, 2);
    expect(slowdown.ratio).toBeGreaterThan(3.5);
    expect(slowdown.ratio).toBeLessThan(4.5);
    expect(slowdown.low!).toBeLessThanOrEqual(slowdown.ratio);
    expect(slowdown.high!).toBeGreaterThanOrEqual(slowdown.ratio);
    expect(slowdown.high! / slowdown.low!).toBeLessThan(1.5);
    expect(slowdown.trials).toBe(98);
    expect(slowdown.warmUp).toBe(2);
    expect(slowdown.threshold).toMatchObject({ max: 2, above: 98, below: 0, slower: true });
    expect(judgeSlowdown(2, slowdown)).toMatchObject({
      passed: false,
      line: expect.stringMatching(/^slowdown: new is \d\.\d+× old \(95% CI .*p = \d\.\de-\d+\)$/),
    });
  });

  it("raises no false alarm on 2 ms against 2 ms in 20 repeated runs", () => {
    for (let seed = 0; seed < 20; seed++) {
      const slowdown = track(2, 2, 100, seed, 2);
      expect(slowdown.threshold!.slower).toBe(false);
      expect(judgeSlowdown(2, slowdown).passed).toBe(true);
      expect(slowdown.low!).toBeLessThanOrEqual(1);
      expect(slowdown.high!).toBeGreaterThanOrEqual(1);
    }
  });

  it("leaves the first trials out as warm-up and gives no interval below 6 trials", () => {
    const tracker = new SlowdownTracker(1);
    tracker.add(100, 1); // a start-up: left out
    for (const [oldMs, newMs] of [
      [1, 2],
      [1, 2],
      [1, 2],
      [2, 4],
      [3, 6],
    ])
      tracker.add(oldMs, newMs);
    const slowdown = tracker.result()!;
    expect(slowdown).toMatchObject({ trials: 5, warmUp: 1 });
    expect(slowdown.ratio).toBeCloseTo(2, 1);
    expect(slowdown.low).toBeUndefined();
  });
});

describe("judgeThreshold", () => {
  it("is a one-sided sign test without the ties", () => {
    // 9 of 10 above: P(X >= 9 | Bin(10, 1/2)) = 11/1024.
    expect(judgeThreshold(2, 9, 1).pValue).toBeCloseTo(11 / 1024, 12);
    expect(judgeThreshold(2, 9, 1).slower).toBe(true);
    expect(judgeThreshold(2, 7, 3).slower).toBe(false);
    expect(judgeThreshold(2, 0, 0)).toMatchObject({ pValue: 1, slower: false });
  });
});

describe("orderStatisticForInterval", () => {
  it("matches the sign test's table of confidence intervals for the median", () => {
    expect(orderStatisticForInterval(5, 0.025)).toBe(0);
    expect(orderStatisticForInterval(6, 0.025)).toBe(1);
    expect(orderStatisticForInterval(20, 0.025)).toBe(6);
    expect(orderStatisticForInterval(100, 0.025)).toBe(40);
  });
});

describe("SlowdownTracker.combine", () => {
  it("combines shards into exactly the slowdown one run over all their pairs states", () => {
    const random = createRandom(7);
    const pairs = Array.from({ length: 90 }, () => [1 + random.nextFloat(), 1 + 3 * random.nextFloat()]);
    const whole = new SlowdownTracker(0, 2);
    const shards = [new SlowdownTracker(0, 2), new SlowdownTracker(0, 2), new SlowdownTracker(0, 2)];
    pairs.forEach(([oldMs, newMs], i) => {
      whole.add(oldMs, newMs);
      shards[i % 3].add(oldMs, newMs);
    });
    const combined = SlowdownTracker.combine(
      shards.map((shard) => shard.result()),
      2,
    );
    expect(combined).toEqual(whole.result());
    expect(combined?.trials).toBe(90);
  });

  it("adds the shards' warm-up trials, and skips a shard without paired trials", () => {
    const one = new SlowdownTracker(1, 2);
    for (const ms of [5, 1, 1, 1]) one.add(ms, 3 * ms);
    const combined = SlowdownTracker.combine([one.result(), undefined, one.result()], 2);
    expect(combined).toMatchObject({ trials: 6, warmUp: 2, threshold: { above: 6, below: 0 } });
  });

  it("gives no figure when a shard's report has no bins (an older report): none can be combined", () => {
    const one = new SlowdownTracker(0);
    one.add(1, 2);
    const { bins: _bins, ...older } = one.result()!;
    expect(SlowdownTracker.combine([one.result(), older])).toBeUndefined();
  });
});
