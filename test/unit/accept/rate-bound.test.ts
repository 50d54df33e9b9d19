import { describe, expect, it } from "vitest";
import { isBeyondRateBound, pathRateInterval, rateBasisOf } from "../../../src/accept/rate-bound.ts";
import type { SampleIdentity } from "../../../src/inputs/types.ts";
import type { ChangeRate } from "../../../src/report/types.ts";
import { hypergeometricLower, hypergeometricUpper } from "../../../src/stats/exact-bounds.ts";

const random = (population: number, sampled: number): ChangeRate => ({
  applies: true,
  confidence: 0.95,
  method: "hypergeometric",
  population,
  sampled,
  changed: 0,
});

describe("pathRateInterval", () => {
  it("is the exact two-sided hypergeometric interval: 9 of 500 of 1,000", () => {
    const interval = pathRateInterval(9, 500, random(1000, 500));
    expect(interval).toEqual({
      low: hypergeometricLower(9, 1000, 500, 0.025) / 1000,
      high: hypergeometricUpper(9, 1000, 500, 0.025) / 1000,
      population: 1000,
      confidence: 0.95,
    });
    expect(interval?.high).toBeCloseTo(0.029, 10);
  });

  it("is the observed rate itself on a census (N = n)", () => {
    expect(pathRateInterval(20, 1000, { ...random(1000, 1000), method: "census" })).toMatchObject({
      low: 0.02,
      high: 0.02,
    });
  });

  it("widens for cover picks: every pick may be among the changed ones", () => {
    const withPicks = pathRateInterval(9, 500, { ...random(1000, 498), picked: 2, pickedChanged: 0 });
    expect(withPicks?.high).toBe((2 + hypergeometricUpper(9, 998, 498, 0.025)) / 1000);
    expect(withPicks?.low).toBe(hypergeometricLower(7, 998, 498, 0.025) / 1000);
  });

  it("gives none when the run's bound does not apply", () => {
    expect(pathRateInterval(9, 500, { applies: false, confidence: 0.95 })).toBeUndefined();
    expect(pathRateInterval(9, 500, undefined)).toBeUndefined();
  });
});

describe("isBeyondRateBound", () => {
  const basis = { random: true, population: 1000 };
  it.each([
    [20, 1000, 2.9, false], // the whole source at 2%
    [12, 500, 2.9, false], // another seed, above the accepted sample's 1.8% but inside the bound
    [7, 250, 2.9, false], // one shard at 2.8%
    [50, 500, 2.9, true], // 10%: beyond with confidence
    [30, 1000, 2.9, true], // census at 3%: the rate is known and above
    [0, 500, 0, false],
  ])("%i of %i against maxRate %f%% is beyond: %s", (count, trials, limit, beyond) => {
    expect(isBeyondRateBound(count, trials, limit, basis)).toBe(beyond);
  });

  it("compares the point rate when the trials are not a random sample", () => {
    expect(isBeyondRateBound(7, 250, 2.9, { random: false })).toBe(false);
    expect(isBeyondRateBound(8, 250, 2.9, { random: false })).toBe(true);
  });

  it("sets cover picks aside: 3 matches of which 2 may be picks are not beyond 0.1%", () => {
    expect(isBeyondRateBound(3, 100, 0.1, { random: true, population: 1000, picked: 2 })).toBe(false);
    expect(isBeyondRateBound(3, 100, 0.1, { random: true, population: 1000 })).toBe(true);
  });
});

describe("rateBasisOf", () => {
  const identity = (strategy: SampleIdentity["strategy"]): SampleIdentity =>
    ({ strategy, size: 500, totalRecords: 1000, indices: [1, 2, 3], seed: 0 }) as unknown as SampleIdentity;
  it("is random with the source's size for random and all, a point rate otherwise", () => {
    expect(rateBasisOf(identity("random"), { kind: "records", complete: true })).toEqual({
      random: true,
      population: 1000,
    });
    expect(rateBasisOf(identity("first"), { kind: "records", complete: true })).toEqual({ random: false });
    expect(rateBasisOf(identity("random"), { kind: "tables", complete: true })).toEqual({ random: false });
    expect(rateBasisOf(identity("random"), { kind: "records", complete: false })).toEqual({ random: false });
  });
});
