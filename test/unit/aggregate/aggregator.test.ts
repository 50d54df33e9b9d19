import { describe, expect, it } from "vitest";
import type { Outcome } from "../../../adapters/types.ts";
import { Aggregator } from "../../../src/aggregate/aggregator.ts";
import type { Difference } from "../../../src/compare/types.ts";
import type { TrialResult } from "../../../src/runner/types.ts";

const ok = (text: string, durationMs = 1): Outcome => ({ status: "ok", text, durationMs });
const failed = (message: string): Outcome => ({
  status: "failure",
  failure: { kind: "exit", message },
  durationMs: 1,
});

function makeTrial(overrides: Partial<TrialResult> & { differences?: Difference[] } = {}): TrialResult {
  const { differences = [], ...rest } = overrides;
  return {
    index: 0,
    inputText: '{"x":1}',
    old: ok("1"),
    new: ok("1"),
    comparison: { differences, truncated: false },
    ...rest,
  };
}

describe("Aggregator", () => {
  it("counts same and changed trials and failures per side", () => {
    const aggregator = new Aggregator({ maxExamples: 5 });
    aggregator.add(makeTrial({ index: 0 }));
    aggregator.add(
      makeTrial({ index: 1, differences: [{ path: "a", kind: "value", old: 1, new: 2, abs: 1, rel: 0.5 }] }),
    );
    aggregator.add(makeTrial({ index: 2, old: failed("x"), new: failed("x") }));
    aggregator.add(makeTrial({ index: 3, new: failed("x"), differences: [{ path: "$", kind: "failure" }] }));
    const { summary } = aggregator.result();
    expect(summary).toEqual({
      trials: 4,
      same: 2,
      changed: 2,
      failures: { old: 0, new: 1, both: 1 },
      truncatedTrials: 0,
      inconclusive: 0,
    });
  });

  it("counts an inconclusive trial apart from same and changed, grouped by its limit's message", () => {
    const aggregator = new Aggregator({ maxExamples: 5 });
    const inconclusive = {
      side: "both",
      limit: "output-size",
      message: "stdout is larger than 64 MB",
    } as const;
    aggregator.add(makeTrial({ index: 0 }));
    aggregator.add(makeTrial({ index: 3, comparison: { differences: [], truncated: false, inconclusive } }));
    aggregator.add(
      makeTrial({
        index: 5,
        comparison: { differences: [], truncated: false, inconclusive: { ...inconclusive, side: "new" } },
      }),
    );
    const result = aggregator.result();
    expect(result.summary).toMatchObject({ trials: 3, same: 1, changed: 0, inconclusive: 2 });
    expect(result.inconclusive).toEqual([
      {
        limit: "output-size",
        message: "stdout is larger than 64 MB",
        sides: { old: 0, new: 1, both: 1 },
        trials: 2,
        exampleIndices: [3, 5],
      },
    ]);
  });

  it("folds array indices into [*] and counts a path once per trial", () => {
    const aggregator = new Aggregator({ maxExamples: 5 });
    aggregator.add(
      makeTrial({
        index: 7,
        differences: [
          { path: "emb[0]", kind: "value", abs: 0.1, rel: 0.01 },
          { path: "emb[3]", kind: "value", abs: 0.3, rel: 0.02 },
        ],
      }),
    );
    aggregator.add(
      makeTrial({ index: 9, differences: [{ path: "emb[1]", kind: "value", abs: 0.2, rel: 0.05 }] }),
    );
    const [stats] = aggregator.result().paths;
    expect(stats).toEqual({
      path: "emb[*]",
      compared: 2,
      changed: 2,
      maxAbs: 0.3,
      maxRel: 0.05,
      kinds: { value: 2 },
      exampleIndices: [7, 9],
      // Every numeric difference counts in the error bins, two in one trial included.
      errorBins: { abs: [{ lower: 0.1, upper: 1, count: 3 }], rel: [{ lower: 0.01, upper: 0.1, count: 3 }] },
    });
  });

  it("bins each path's numeric errors by decade and gives paths without numeric errors no bins", () => {
    const aggregator = new Aggregator({ maxExamples: 5 });
    aggregator.add(
      makeTrial({
        differences: [
          { path: "score", kind: "value", abs: 2e-7, rel: 3e-9 },
          { path: "name", kind: "value", old: "a", new: "b" },
        ],
      }),
    );
    aggregator.add(makeTrial({ differences: [{ path: "score", kind: "value", abs: 5e-3, rel: Infinity }] }));
    const byPath = new Map(aggregator.result().paths.map((stats) => [stats.path, stats]));
    expect(byPath.get("score")?.errorBins).toEqual({
      abs: [
        { lower: 1e-7, upper: 1e-6, count: 1 },
        { lower: 0.001, upper: 0.01, count: 1 },
      ],
      // A non-finite error has no bin.
      rel: [{ lower: 1e-9, upper: 1e-8, count: 1 }],
    });
    expect(byPath.get("name")?.errorBins).toBeUndefined();
  });

  it("sorts paths by how many inputs changed, then by name", () => {
    const aggregator = new Aggregator({ maxExamples: 5 });
    aggregator.add(
      makeTrial({
        differences: [
          { path: "b", kind: "value" },
          { path: "c", kind: "type" },
        ],
      }),
    );
    aggregator.add(makeTrial({ differences: [{ path: "c", kind: "type" }] }));
    aggregator.add(makeTrial({ differences: [{ path: "a", kind: "added" }] }));
    expect(aggregator.result().paths.map((stats) => stats.path)).toEqual(["c", "a", "b"]);
  });

  it("counts the root as compared in every trial and other paths only where both sides gave values", () => {
    const aggregator = new Aggregator({ maxExamples: 5 });
    aggregator.add(makeTrial({ new: failed("boom"), differences: [{ path: "$", kind: "failure" }] }));
    aggregator.add(makeTrial({ differences: [{ path: "a", kind: "value" }] }));
    const byPath = Object.fromEntries(aggregator.result().paths.map((stats) => [stats.path, stats.compared]));
    expect(byPath).toEqual({ $: 2, a: 1 });
  });

  it("keeps only the first examples, in input order, with parsed outputs", () => {
    const aggregator = new Aggregator({ maxExamples: 2 });
    for (let index = 0; index < 5; index++) {
      aggregator.add(makeTrial({ index, new: ok('{"y":2}'), differences: [{ path: "y", kind: "added" }] }));
    }
    const { examples } = aggregator.result();
    expect(examples.map((example) => example.index)).toEqual([0, 1]);
    expect(examples[0].input).toEqual({ x: 1 });
    expect(examples[0].new).toMatchObject({ status: "ok", output: { y: 2 } });
  });

  it("reports timing percentiles per side", () => {
    const aggregator = new Aggregator({ maxExamples: 0 });
    for (let index = 0; index < 100; index++) {
      aggregator.add(makeTrial({ index, old: ok("1", 10), new: ok("1", 20) }));
    }
    const { timing } = aggregator.result();
    expect(timing.old.totalMs).toBe(1000);
    expect(timing.new.p50).toBeGreaterThan(19.5);
    expect(timing.new.p50).toBeLessThan(20.5);
  });

  it("counts trials per duration bin, four bins per power of ten", () => {
    const aggregator = new Aggregator({ maxExamples: 0 });
    for (const durationMs of [1.1, 1.5, 2, 40]) {
      aggregator.add(makeTrial({ old: ok("1", durationMs), new: ok("1", durationMs * 10) }));
    }
    const { timing } = aggregator.result();
    expect(timing.old.histogramMs).toEqual([
      { lower: 1, upper: 1.78, count: 2 },
      { lower: 1.78, upper: 3.16, count: 1 },
      { lower: 31.6, upper: 56.2, count: 1 },
    ]);
    expect(timing.new.histogramMs?.map((bin) => bin.lower)).toEqual([10, 17.8, 316]);
  });
});
