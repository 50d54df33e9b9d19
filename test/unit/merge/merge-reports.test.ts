import { describe, expect, it } from "vitest";
import { parseAcceptedText } from "../../../src/accept/load-accepted.ts";
import { AcceptanceTracker } from "../../../src/accept/tracker.ts";
import { TwinrunError } from "../../../src/errors.ts";
import { evaluateGate } from "../../../src/gate/gate.ts";
import { mergeReports } from "../../../src/merge/merge-reports.ts";
import type { Report } from "../../../src/report/types.ts";
import { makeExample, makePathStats, makeReport, type ReportOverrides } from "../reporters/report-factory.ts";

const settings = { compare: { tolerance: { abs: 1e-12, rel: 1e-9 }, rules: [] }, report: { examples: 3 } };

function shard(index: number, count: number, overrides: ReportOverrides = {}): Report {
  return makeReport({
    shard: { index, count },
    gate: { maxChanged: "2", passed: true, exitCode: 0 },
    settings,
    ...overrides,
  });
}

const first = shard(1, 2, {
  verdict: "changed",
  sample: { indices: [1, 5, 9], size: 6 },
  summary: {
    trials: 3,
    same: 1,
    changed: 2,
    failures: { new: 1 },
    changeRate: { applies: false, reason: "a shard", confidence: 0.95, sampled: 3, changed: 2 },
  },
  paths: [
    makePathStats({ path: "score", compared: 2, changed: 1, maxAbs: 0.5, maxRel: 0.1, exampleIndices: [5] }),
    makePathStats({ path: "$", compared: 3, changed: 1, kinds: { failure: 1 }, exampleIndices: [9] }),
  ],
  examples: [makeExample({ index: 5 }), makeExample({ index: 9 })],
  timing: { old: { p50: 10, p95: 20, totalMs: 30 }, new: { p50: 12, p95: 40, totalMs: 36 }, wallMs: 100 },
});
const second = shard(2, 2, {
  verdict: "changed",
  sample: { indices: [2, 4, 7], size: 6 },
  summary: {
    trials: 3,
    same: 1,
    changed: 2,
    changeRate: { applies: false, reason: "a shard", confidence: 0.95, sampled: 3, changed: 2 },
  },
  paths: [
    makePathStats({
      path: "score",
      compared: 3,
      changed: 2,
      maxAbs: 2,
      maxRel: 0.05,
      exampleIndices: [2, 7],
    }),
  ],
  examples: [makeExample({ index: 2 }), makeExample({ index: 7 })],
  timing: { old: { p50: 20, p95: 25, totalMs: 60 }, new: { p50: 12, p95: 30, totalMs: 36 }, wallMs: 150 },
});

function mergeError(reports: Report[]): string {
  try {
    mergeReports(reports.map((report, i) => ({ name: `s${i + 1}.json`, report })));
  } catch (error) {
    expect(error).toBeInstanceOf(TwinrunError);
    expect((error as TwinrunError).exitCode).toBe(2);
    return (error as TwinrunError).message;
  }
  throw new Error("expected the merge to be refused");
}

describe("mergeReports", () => {
  const merged = mergeReports(
    [
      { name: "b.json", report: second },
      { name: "a.json", report: first },
    ],
    new Date("2030-01-01T00:00:00Z"),
  );

  it("adds the counts and unions the sample's indices", () => {
    expect(merged.summary).toEqual({
      trials: 6,
      same: 2,
      changed: 4,
      failures: { old: 0, new: 1, both: 0 },
      truncatedTrials: 0,
      inconclusive: 0,
      changeRate: expect.objectContaining({
        applies: true,
        method: "hypergeometric",
        sampled: 6,
        changed: 4,
      }),
    });
    expect(merged.sample.indices).toEqual([1, 2, 4, 5, 7, 9]);
    expect(merged.shard).toBeUndefined();
    expect(merged.createdAt).toBe("2030-01-01T00:00:00.000Z");
  });

  it("recomputes the verdict with the gate: each shard passed, the whole does not", () => {
    expect([first.gate.passed, second.gate.passed]).toEqual([true, true]);
    expect(merged).toMatchObject({
      verdict: "changed",
      gate: { maxChanged: "2", passed: false, exitCode: 1 },
    });
  });

  it("merges paths: counts add, maxima take the max, compared counts as one run counts it", () => {
    expect(merged.paths).toEqual([
      expect.objectContaining({
        path: "score",
        compared: 5, // trials where both sides gave a value: 6 minus the one failure
        changed: 3,
        maxAbs: 2,
        maxRel: 0.1,
        kinds: { value: 6 },
        exampleIndices: [2, 5, 7],
      }),
      expect.objectContaining({ path: "$", compared: 6, changed: 1, kinds: { failure: 1 } }),
    ]);
  });

  it("keeps the first examples in input order, as many as the run kept", () => {
    expect(merged.examples.map((example) => example.index)).toEqual([2, 5, 7]);
  });

  it("approximates timing: totals add, p95 is the max, p50 the trial-weighted mean", () => {
    expect(merged.timing).toEqual({
      old: { p50: 15, p95: 25, totalMs: 90 },
      new: { p50: 12, p95: 40, totalMs: 72 },
      wallMs: 150,
    });
  });

  it("adds the error and duration bins of shards, bin by bin", () => {
    const bin = (lower: number, count: number) => ({ lower, upper: lower * 10, count });
    const withBins = (report: Report, abs: number, durationLower: number): Report => ({
      ...report,
      paths: report.paths.map((stats) =>
        stats.path === "score" ? { ...stats, errorBins: { abs: [bin(abs, 1)], rel: [bin(0.01, 2)] } } : stats,
      ),
      timing: {
        ...report.timing,
        old: { ...report.timing.old, histogramMs: [bin(durationLower, 3)] },
        new: { ...report.timing.new, histogramMs: [bin(1, 3)] },
      },
    });
    const result = mergeReports([
      { name: "a.json", report: withBins(first, 0.1, 1) },
      { name: "b.json", report: withBins(second, 1, 10) },
    ]);
    expect(result.paths.find((stats) => stats.path === "score")?.errorBins).toEqual({
      abs: [bin(0.1, 1), bin(1, 1)],
      rel: [bin(0.01, 4)],
    });
    expect(result.timing.old.histogramMs).toEqual([bin(1, 3), bin(10, 3)]);
    expect(result.timing.new.histogramMs).toEqual([bin(1, 6)]);
    // A shard without bins (an older report) leaves the merged timing without them.
    const mixed = mergeReports([
      { name: "a.json", report: withBins(first, 0.1, 1) },
      { name: "b.json", report: second },
    ]);
    expect(mixed.timing.old.histogramMs).toBeUndefined();
  });

  it("merges shards whose compare settings list the same keys in another order", () => {
    const reordered = { ...settings, compare: { rules: [], tolerance: { rel: 1e-9, abs: 1e-12 } } };
    expect(() =>
      mergeReports([
        { name: "s1.json", report: first },
        { name: "s2.json", report: { ...second, settings: reordered } },
      ]),
    ).not.toThrow();
  });

  it.each([
    ["a report that is no shard", () => [first, makeReport({ settings })], /s2\.json is not a shard report/],
    [
      "a different input file",
      () => [first, { ...second, sample: { ...second.sample, sha256: "ff" } }],
      /different samples \(sha256/,
    ],
    [
      "a different seed",
      () => [first, { ...second, sample: { ...second.sample, seed: 7 } }],
      /different samples \(seed 42 vs 7\)/,
    ],
    [
      "a different sample size",
      () => [first, { ...second, sample: { ...second.sample, size: 60 } }],
      /different samples \(size/,
    ],
    [
      "the same shard twice",
      () => [first, first],
      /overlapping shards: s1\.json and s2\.json are both shard 1\/2/,
    ],
    ["a missing shard", () => [shard(1, 3, { sample: first.sample })], /missing shards 2\/3, 3\/3/],
    [
      "different shard counts",
      () => [first, shard(2, 3, { sample: second.sample })],
      /shard of 2 but s2\.json of 3/,
    ],
    [
      "different gates",
      () => [first, { ...second, gate: { ...second.gate, maxChanged: "5%" } }],
      /different --max-changed/,
    ],
    [
      "different base commits",
      () => [
        { ...first, base: { ref: "main", commit: "aaa" } },
        { ...second, base: { ref: "main", commit: "bbb" } },
      ],
      /different base commits/,
    ],
    [
      "overlapping inputs",
      () => [first, { ...second, sample: { ...second.sample, indices: [2, 5] } }],
      /input 5 is in both/,
    ],
  ] as const)("refuses %s (exit 2)", (_name, reports, message) => {
    expect(mergeError([...reports()])).toMatch(message);
  });
});

describe("mergeReports with accepted differences", () => {
  function acceptedShard(index: number, indices: number[]): Report {
    const file = parseAcceptedText(
      "accepted:\n  - { path: score, kinds: [value], maxChanged: 3 }\n  - { path: gone, kinds: [value], maxChanged: 1 }\n",
      "/r/twinrun.accepted.yaml",
      "twinrun.accepted.yaml",
    );
    const tracker = new AcceptanceTracker(file, { strict: false });
    for (const _ of indices.slice(0, 2)) tracker.add([{ path: "score", kind: "value", old: 1, new: 2 }]);
    const accepted = tracker.result(indices.length);
    const summary = { trials: indices.length, same: indices.length - 2, changed: 2 };
    const gate = evaluateGate(
      { ...summary, failures: { old: 0, new: 0, both: 0 }, truncatedTrials: 0 },
      { count: 0 },
      accepted,
    );
    return shard(index, 2, {
      verdict: "changed",
      sample: { indices, size: 8 },
      summary,
      paths: [
        makePathStats({
          path: "score",
          compared: indices.length,
          changed: 2,
          exampleIndices: indices.slice(0, 2),
        }),
      ],
      gate: { maxChanged: "0", passed: gate.passed, exitCode: gate.exitCode, counted: gate.counted },
      accepted,
    });
  }

  it("judges the entries' ranges on the whole sample, as an unsharded run would", () => {
    const shards = [acceptedShard(1, [0, 2, 4, 6]), acceptedShard(2, [1, 3, 5, 7])];
    expect(shards.map((report) => report.gate.passed)).toEqual([true, true]);
    const merged = mergeReports(shards.map((report, i) => ({ name: `s${i}`, report })));
    expect(merged.accepted?.entries.map((entry) => [entry.matchedTrials, entry.status])).toEqual([
      [4, "exceeded"],
      [0, "unused"],
    ]);
    expect(merged.accepted).toMatchObject({ coveredTrials: 0, uncoveredTrials: 4 });
    expect(merged.gate).toMatchObject({ passed: false, exitCode: 1, counted: 4 });
  });
});
