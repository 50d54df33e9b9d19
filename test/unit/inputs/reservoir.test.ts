import { describe, expect, it } from "vitest";
import { createRandom } from "../../../src/inputs/random.ts";
import { pickUniform, Reservoir } from "../../../src/inputs/reservoir.ts";

function sampleIndices(total: number, size: number, seed: number): number[] {
  const reservoir = new Reservoir<number>(size, createRandom(seed));
  for (let i = 0; i < total; i += 1) reservoir.offer(i);
  return reservoir.items().sort((a, b) => a - b);
}

describe("Reservoir", () => {
  it("keeps everything while fewer items than its capacity were offered", () => {
    expect(sampleIndices(5, 10, 1)).toEqual([0, 1, 2, 3, 4]);
  });

  it("keeps exactly capacity distinct items from a longer stream", () => {
    const kept = sampleIndices(1000, 100, 1);
    expect(kept).toHaveLength(100);
    expect(new Set(kept).size).toBe(100);
    expect(kept.every((i) => i >= 0 && i < 1000)).toBe(true);
  });

  it("chooses the same items for the same seed and different ones for another seed", () => {
    expect(sampleIndices(1000, 50, 9)).toEqual(sampleIndices(1000, 50, 9));
    expect(sampleIndices(1000, 50, 9)).not.toEqual(sampleIndices(1000, 50, 10));
  });

  it("includes every item with equal probability (chi-square over 2000 seeds)", () => {
    const total = 1000;
    const size = 100;
    const repetitions = 2000;
    const inclusions = new Array<number>(total).fill(0);
    for (let seed = 0; seed < repetitions; seed += 1) {
      for (const i of sampleIndices(total, size, seed)) inclusions[i] += 1;
    }
    const expected = (repetitions * size) / total;
    const chiSquare = inclusions.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // 999 degrees of freedom: p = 0.001 critical value ≈ 1143; inclusion counts are slightly
    // under-dispersed compared with a multinomial, so a fair sampler lands near 900.
    expect(chiSquare).toBeLessThan(1143);
    for (const count of inclusions) {
      expect(Math.abs(count / repetitions - 0.1)).toBeLessThan(0.035);
    }
    // The first and the last items are not favoured (a classic off-by-one in Algorithm R).
    const firstTenth = inclusions.slice(0, 100).reduce((a, b) => a + b, 0) / (100 * repetitions);
    const lastTenth = inclusions.slice(900).reduce((a, b) => a + b, 0) / (100 * repetitions);
    expect(Math.abs(firstTenth - 0.1)).toBeLessThan(0.005);
    expect(Math.abs(lastTenth - 0.1)).toBeLessThan(0.005);
  });

  it("is uniform on tiny streams too, where an off-by-one in the replacement draw shows", () => {
    const inclusions = new Array<number>(5).fill(0);
    for (let seed = 0; seed < 20_000; seed += 1) {
      for (const i of sampleIndices(5, 2, seed)) inclusions[i] += 1;
    }
    for (const count of inclusions) expect(Math.abs(count / 20_000 - 0.4)).toBeLessThan(0.02);
  });
});

describe("pickUniform", () => {
  it("picks the requested number of distinct items", () => {
    const picked = pickUniform([1, 2, 3, 4, 5, 6], 3, createRandom(1));
    expect(picked).toHaveLength(3);
    expect(new Set(picked).size).toBe(3);
  });

  it("returns everything when asked for more than it has", () => {
    expect(pickUniform([1, 2], 5, createRandom(1)).sort()).toEqual([1, 2]);
  });

  it("picks each item about equally often", () => {
    const counts = new Array<number>(10).fill(0);
    const random = createRandom(5);
    const items = Array.from({ length: 10 }, (_, i) => i);
    for (let round = 0; round < 10_000; round += 1) {
      for (const item of pickUniform(items, 2, random)) counts[item] += 1;
    }
    for (const count of counts) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });
});
