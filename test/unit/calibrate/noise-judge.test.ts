import { describe, expect, it } from "vitest";
import { NoiseJudge, rateTestPValue } from "../../../src/calibrate/noise-judge.ts";
import { describeNoisyPath, listLeafPaths, roundUpLimit } from "../../../src/calibrate/noise-profile.ts";
import type { Difference } from "../../../src/compare/types.ts";
import type { PathStats } from "../../../src/report/types.ts";
import type { TrialResult } from "../../../src/runner/types.ts";

const stats = (overrides: Partial<PathStats>): PathStats => ({
  path: "score",
  compared: 50,
  changed: 50,
  kinds: { value: 50 },
  exampleIndices: [],
  ...overrides,
});

const ok = { status: "ok", text: "{}", durationMs: 1 } as const;
function trial(index: number, comparison: TrialResult["comparison"]): TrialResult {
  return { index, inputText: "{}", old: ok, new: ok, comparison };
}

const scoreNoise = stats({ path: "score", maxAbs: 1e-5, maxRel: 1.2e-7 });
const idNoise = stats({ path: "id" });

describe("describeNoisyPath", () => {
  it("suggests a relative tolerance for numeric noise and an ignore for anything else", () => {
    expect(describeNoisyPath(scoreNoise)).toMatchObject({
      limit: { rel: 5e-7 },
      rule: { path: "score", tolerance: { rel: 5e-7 } },
      flag: "--tol score=rel:5e-7",
    });
    expect(describeNoisyPath(idNoise)).toMatchObject({
      rule: { path: "id", ignore: true },
      flag: "--ignore id",
    });
    expect(describeNoisyPath(stats({ path: "rows[*].ts" })).flag).toBe("--ignore 'rows[*].ts'");
    expect(describeNoisyPath(stats({ path: "$", kinds: { failure: 3 } })).rule).toBeUndefined();
  });

  it("rounds the margin times the largest difference up to one significant digit", () => {
    expect(roundUpLimit(1.2e-7)).toBe(5e-7);
    expect(roundUpLimit(2.5e-3)).toBe(1e-2);
    expect(roundUpLimit(0.26)).toBe(2);
  });
});

describe("NoiseJudge", () => {
  const judge = () => new NoiseJudge([scoreNoise, idNoise], { trials: 50, indices: [] });
  const value = (path: string, extra: Partial<Difference> = {}): Difference => ({
    path,
    kind: "value",
    ...extra,
  });

  it("keeps noise within old's own figures out of the counted differences", () => {
    const split = judge().split({
      differences: [value("score", { abs: 1e-5, rel: 3e-7 }), value("id"), value("bucket")],
      truncated: false,
    });
    expect(split.differences.map((difference) => difference.path)).toEqual(["bucket"]);
    expect(split.noise?.map((difference) => difference.path)).toEqual(["score", "id"]);
  });

  it("counts a new kind, or a magnitude beyond the limit, on a noisy path", () => {
    const split = judge().split({
      differences: [value("score", { abs: 1, rel: 6e-7 }), { path: "id", kind: "type" }],
      truncated: false,
    });
    expect(split.differences.map((difference) => difference.path)).toEqual(["score", "id"]);
    expect(split.noise).toBeUndefined();
  });

  it("counts the run's noise and flags a rate that grew beyond calibration", () => {
    const rare = new NoiseJudge([stats({ path: "flag", changed: 1 })], { trials: 50, indices: [] });
    for (let index = 0; index < 100; index++) {
      const differences = index % 2 === 0 ? [value("flag")] : [];
      rare.add(trial(index, rare.split({ differences, truncated: false })));
    }
    const [flag] = rare.result().paths;
    expect(flag.run).toMatchObject({ differed: 50, noise: 50, beyond: 0, compared: 100, rateBeyond: true });
    expect(rare.result().noiseTrials).toBe(50);
  });

  it("leaves a path that differs as often as in calibration alone", () => {
    const steady = judge();
    for (let index = 0; index < 200; index++) {
      steady.add(trial(index, steady.split({ differences: [value("id")], truncated: false })));
    }
    const id = steady.result().paths.find((path) => path.path === "id")!;
    expect(id.run).toMatchObject({ differed: 200, rateBeyond: false, pValue: 1 });
  });
});

describe("rateTestPValue", () => {
  it("is the one-sided Fisher exact p-value", () => {
    // 1 of 10 vs 9 of 10: P(X >= 9) with 20 draws, 10 differing, 10 drawn = (C(10,9)C(10,1) + C(10,10)) / C(20,10).
    expect(rateTestPValue(1, 10, 9, 10)).toBeCloseTo(101 / 184756, 12);
    expect(rateTestPValue(5, 10, 0, 10)).toBe(1);
    expect(rateTestPValue(10, 10, 10, 10)).toBeCloseTo(1, 12);
  });
});

describe("listLeafPaths", () => {
  it("names every scalar and empty container in the comparator's notation", () => {
    expect(listLeafPaths({ a: 1, b: { c: [1, {}], "odd key": null }, d: [] })).toEqual([
      "a",
      "b.c[0]",
      "b.c[1]",
      'b["odd key"]',
      "d",
    ]);
    expect(listLeafPaths(3)).toEqual(["$"]);
  });
});
