import { describe, expect, it } from "vitest";
import { LogBinCounter, mergeLogBins } from "../../../src/aggregate/log-bins.ts";

describe("log-scale bins", () => {
  it("puts each positive value in the bin of its power of ten and skips what has no logarithm", () => {
    const counter = new LogBinCounter(1);
    for (const value of [0.5, 0.7, 3, 1e-12, 0, -1, Number.NaN, Infinity]) counter.add(value);
    expect(counter.bins()).toEqual([
      { lower: 1e-12, upper: 1e-11, count: 1 },
      { lower: 0.1, upper: 1, count: 2 },
      { lower: 1, upper: 10, count: 1 },
    ]);
  });

  it("merges shards by adding the counts of equal bins", () => {
    const a = new LogBinCounter(4);
    const b = new LogBinCounter(4);
    for (const value of [1.2, 5]) a.add(value);
    for (const value of [1.3, 900]) b.add(value);
    expect(mergeLogBins([a.bins(), undefined, b.bins()])).toEqual([
      { lower: 1, upper: 1.78, count: 2 },
      { lower: 3.16, upper: 5.62, count: 1 },
      { lower: 562, upper: 1000, count: 1 },
    ]);
    expect(mergeLogBins([undefined])).toBeUndefined();
  });
});
