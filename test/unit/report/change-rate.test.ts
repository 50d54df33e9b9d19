import { describe, expect, it } from "vitest";
import type { SampleIdentity } from "../../../src/inputs/types.ts";
import {
  describeChangeRate,
  RandomPartCounter,
  sumRandomPartCounts,
} from "../../../src/report/change-rate.ts";
import { hypergeometricLower, hypergeometricUpper } from "../../../src/stats/exact-bounds.ts";

function sampleOf(overrides: Partial<SampleIdentity> = {}): SampleIdentity {
  return {
    source: "rows.jsonl",
    format: "jsonl",
    sha256: "00",
    strategy: "random",
    size: 500,
    seed: 1,
    indices: [],
    totalRecords: 2000,
    skipped: 0,
    ...overrides,
  };
}

const run = { kind: "records", complete: true, sharded: false } as const;
const counts = (trials: number, changed: number, extra = {}) => ({
  trials,
  changed,
  inconclusive: 0,
  picked: 0,
  pickedChanged: 0,
  ...extra,
});

describe("describeChangeRate", () => {
  it("bounds a clean random sample of a finite source one-sided at 95%", () => {
    const rate = describeChangeRate(sampleOf(), counts(500, 0), run);
    expect(rate).toMatchObject({
      applies: true,
      method: "hypergeometric",
      population: 2000,
      sampled: 500,
      changed: 0,
      low: 0,
      lowCount: 0,
      highCount: 10,
      high: 10 / 2000,
    });
  });

  it("gives a two-sided interval for the whole source when changes were found", () => {
    const rate = describeChangeRate(sampleOf({ totalRecords: 1000 }), counts(500, 9), run);
    expect(rate.lowCount).toBe(hypergeometricLower(9, 1000, 500, 0.025));
    expect(rate.highCount).toBe(hypergeometricUpper(9, 1000, 500, 0.025));
    expect(rate.lowCount!).toBeLessThan(18);
    expect(rate.highCount!).toBeGreaterThan(18);
  });

  it("knows the rate exactly when every input ran", () => {
    const rate = describeChangeRate(sampleOf({ strategy: "all", size: 2000 }), counts(2000, 7), run);
    expect(rate).toMatchObject({ method: "census", lowCount: 7, highCount: 7 });
  });

  it("counts untested inputs as possibly changed at the high end", () => {
    const clean = describeChangeRate(sampleOf(), counts(500, 0), run);
    const unsure = describeChangeRate(sampleOf(), counts(500, 0, { inconclusive: 3 }), run);
    expect(unsure.highCount!).toBeGreaterThan(clean.highCount!);
    expect(unsure.lowCount).toBe(0);
  });

  it("bounds a cover sample through its random part, adding the class picks as observed", () => {
    const cover = { share: 0.5, randomSize: 250, picks: [], classes: [], classesFound: 250 };
    const rate = describeChangeRate(
      sampleOf({ strategy: "cover", cover }),
      counts(250, 0, { picked: 250, pickedChanged: 2 }),
      run,
    );
    // The random part is a uniform sample of the 1,750 inputs not picked for a class.
    expect(rate.highCount).toBe(2 + hypergeometricUpper(0, 1750, 250, 0.05));
    expect(rate.lowCount).toBe(2);
    expect(rate).toMatchObject({ picked: 250, pickedChanged: 2, population: 2000 });
  });

  it("says no bound applies to first, stratified and replayed samples, shards, tables and interrupted runs", () => {
    const reasons = [
      describeChangeRate(sampleOf({ strategy: "first" }), counts(500, 0), run),
      describeChangeRate(sampleOf({ strategy: "stratified" }), counts(500, 0), run),
      describeChangeRate(sampleOf({ strategy: "replay" }), counts(500, 0), run),
      describeChangeRate(sampleOf(), counts(250, 0), { ...run, sharded: true }),
      describeChangeRate(sampleOf(), counts(500, 0), { ...run, kind: "tables" }),
      describeChangeRate(sampleOf(), counts(100, 0), { ...run, complete: false }),
    ];
    for (const rate of reasons) {
      expect(rate.applies).toBe(false);
      expect(rate.reason).toMatch(/\w/);
      expect(rate.high).toBeUndefined();
    }
    // A shard keeps its counts, so the merged report can bound the whole sample.
    expect(reasons[3]).toMatchObject({ sampled: 250, changed: 0 });
  });

  it("assumes an unbounded source when its size is unknown", () => {
    const rate = describeChangeRate(sampleOf({ totalRecords: Number.NaN }), counts(500, 0), run);
    expect(rate.method).toBe("binomial");
    expect(rate.assumption).toMatch(/far larger than the sample/);
    expect(rate.high).toBeCloseTo(1 - 0.05 ** (1 / 500), 10);
  });

  it("states the sample a target rate needs", () => {
    const rate = describeChangeRate(sampleOf({ totalRecords: 20_000_000 }), counts(500, 0), {
      ...run,
      targetRate: 0.001,
    });
    expect(rate.target).toEqual({ rate: 0.001, sampleSize: 2995 });
  });
});

describe("RandomPartCounter", () => {
  it("keeps the cover picks apart from the random part", () => {
    const cover = {
      share: 0.5,
      randomSize: 2,
      picks: [{ index: 3, classes: [] }],
      classes: [],
      classesFound: 1,
    };
    const counter = new RandomPartCounter(sampleOf({ strategy: "cover", cover }));
    counter.add(1, "same");
    counter.add(3, "changed");
    counter.add(5, "inconclusive");
    expect(counter.result()).toEqual({ trials: 2, changed: 0, inconclusive: 1, picked: 1, pickedChanged: 1 });
  });

  it("sums shard counts, or gives up when a shard kept none", () => {
    const a = describeChangeRate(sampleOf(), counts(250, 1), { ...run, sharded: true });
    const b = describeChangeRate(sampleOf(), counts(250, 2), { ...run, sharded: true });
    expect(sumRandomPartCounts([a, b])).toEqual(counts(500, 3));
    expect(sumRandomPartCounts([a, undefined])).toBeUndefined();
  });
});
