import { describe, expect, it } from "vitest";
import { columnOfPath } from "../../../src/table/column-of.ts";
import { NumericSampler, quantile } from "../../../src/table/numeric-sampler.ts";
import { populationStabilityIndex } from "../../../src/table/psi.ts";

const sorted = (values: number[]) => Float64Array.from(values).sort();

describe("quantile", () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[7], 0.99, 7],
    [[0, 10], 0.01, 0.1],
  ])("of %j at %d is %d (linear, as numpy)", (values, q, expected) => {
    expect(quantile(sorted(values), q)).toBeCloseTo(expected, 12);
  });
});

describe("NumericSampler", () => {
  it("summarises exactly while every value fits", () => {
    const sampler = new NumericSampler(1, 100);
    for (const value of [2, 4, 4, 4, 5, 5, 7, 9]) sampler.add(value);
    expect(sampler.summarize()).toMatchObject({ count: 8, mean: 5, std: 2, min: 2, max: 9, p50: 4.5 });
    expect(sampler.sampled).toBe(false);
  });

  it("keeps exact mean, min and max beyond its capacity and a fair sample for quantiles", () => {
    const sampler = new NumericSampler(7, 2000);
    for (let i = 0; i < 100_000; i++) sampler.add(i);
    const summary = sampler.summarize();
    expect(sampler.sampled).toBe(true);
    expect(summary).toMatchObject({ count: 100_000, mean: 49_999.5, min: 0, max: 99_999 });
    expect(Math.abs(summary.p50 - 50_000)).toBeLessThan(5_000);
    // A uniform sample of 0…99,999: early and late values are kept alike.
    const kept = sampler.sortedValues();
    expect(kept).toHaveLength(2000);
    const keptMean = kept.reduce((sum, value) => sum + value, 0) / kept.length;
    expect(Math.abs(keptMean - 49_999.5)).toBeLessThan(2_500);
    expect(Math.abs(summary.p1 - 1_000)).toBeLessThan(1_000);
    expect(Math.abs(summary.p99 - 99_000)).toBeLessThan(1_000);
    expect(kept.filter((value) => value >= 90_000).length).toBeGreaterThan(120);
  });
});

describe("populationStabilityIndex", () => {
  const uniform = (count: number, shift = 0) => sorted(Array.from({ length: count }, (_, i) => i + shift));

  it("is 0 for identical distributions", () => {
    expect(populationStabilityIndex(uniform(1000), uniform(1000))).toBe(0);
  });

  it("grows with the shift", () => {
    const small = populationStabilityIndex(uniform(1000), uniform(1000, 50)) ?? 0;
    const large = populationStabilityIndex(uniform(1000), uniform(1000, 500)) ?? 0;
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThan(0.1);
    expect(large).toBeGreaterThan(0.25);
  });

  it("notices a constant column moving", () => {
    expect(populationStabilityIndex(sorted([1, 1, 1, 1]), sorted([2, 2, 2, 2]))).toBeGreaterThan(1);
  });

  it("is null without values to bin", () => {
    expect(populationStabilityIndex(sorted([]), sorted([1]))).toBeNull();
  });
});

describe("columnOfPath", () => {
  it.each([
    ["score", "score"],
    ["features.x", "features"],
    ["tags[3]", "tags"],
    ['["unit price"]', "unit price"],
    ['["a.b"].c', "a.b"],
    ['["say \\"hi\\""]', 'say "hi"'],
    ["$", undefined],
  ])("maps %s to column %s", (path, column) => {
    expect(columnOfPath(path)).toBe(column);
  });
});
