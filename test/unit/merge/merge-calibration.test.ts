import { describe, expect, it } from "vitest";
import type { CalibrationReport, NoisyPath } from "../../../src/calibrate/types.ts";
import { mergeCalibrations } from "../../../src/merge/merge-calibration.ts";
import type { RecordsReport } from "../../../src/report/types.ts";
import { makePathStats, makeReport } from "../reporters/report-factory.ts";

function noisy(path: string, overrides: Partial<NoisyPath>): NoisyPath {
  return {
    path,
    differed: 10,
    compared: 10,
    kinds: { value: 10 },
    run: { differed: 40, compared: 40, noise: 40, beyond: 0, pValue: 1, rateBeyond: false },
    ...overrides,
  };
}

function calibrated(calibration: Partial<CalibrationReport>, paths: RecordsReport["paths"] = []) {
  return makeReport({
    summary: { trials: 40, same: 40, changed: 0 },
    paths,
    calibration: {
      trials: 10,
      indices: [],
      margin: 4,
      level: 0.001,
      noiseTrials: 0,
      paths: [],
      ...calibration,
    },
  }) as RecordsReport;
}

describe("mergeCalibrations", () => {
  it("adds the shards' calibration inputs and noise trials, and each noisy path's counts", () => {
    const merged = mergeCalibrations([
      calibrated({ indices: [1, 7], trials: 10, noiseTrials: 30, paths: [noisy("id", {})] }),
      calibrated({ indices: [3], trials: 10, noiseTrials: 25, paths: [noisy("id", {})] }),
    ]);
    expect(merged).toMatchObject({ trials: 20, indices: [1, 3, 7], noiseTrials: 55 });
    expect(merged?.paths).toEqual([
      expect.objectContaining({
        path: "id",
        differed: 20,
        compared: 20,
        kinds: { value: 20 },
        flag: "--ignore id",
        run: { differed: 80, compared: 80, noise: 80, beyond: 0, pValue: 1, rateBeyond: false },
      }),
    ]);
  });

  it("counts a shard where a path was stable old vs old: its inputs compared, its changes there beyond the noise", () => {
    const score = noisy("score", {
      differed: 2,
      compared: 10,
      kinds: { value: 2 },
      maxRel: 1.2e-7,
      maxAbs: 3e-6,
      run: { differed: 4, compared: 40, noise: 4, beyond: 0, pValue: 0.5, rateBeyond: false },
    });
    const merged = mergeCalibrations([
      calibrated({ paths: [score] }),
      calibrated({ paths: [] }, [makePathStats({ path: "score", compared: 40, changed: 40 })]),
    ]);
    const [path] = merged!.paths;
    expect(path).toMatchObject({ path: "score", differed: 2, compared: 20, maxRel: 1.2e-7 });
    expect(path.flag).toBe("--tol score=rel:5e-7");
    // 44 of 80 new vs old against 2 of 20 old vs old: significantly more, so the gate fails on it.
    expect(path.run).toMatchObject({ differed: 44, compared: 80, noise: 4, beyond: 40, rateBeyond: true });
    expect(path.run.pValue).toBeLessThan(0.001);
  });

  it("keeps no calibration when no shard calibrated", () => {
    expect(mergeCalibrations([makeReport() as RecordsReport])).toBeUndefined();
  });
});
