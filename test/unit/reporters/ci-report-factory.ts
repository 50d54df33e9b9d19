// Report literals for the CI reporters: a changed report with one accepted path and one that is not.
import type { AcceptedReport, Report } from "../../../src/report/types.ts";
import { makeChangedReport, makeDifference, makeExample, makePathStats } from "./report-factory.ts";

/** `score` changed (not covered), `age_bucket` changed (covered), one unused entry. */
export function makeAcceptedReport(overrides: { strict?: boolean; passed?: boolean } = {}): Report {
  const accepted: AcceptedReport = {
    file: "/repo/twinrun.accepted.yaml",
    strict: overrides.strict ?? false,
    entries: [
      {
        path: "age_bucket",
        kinds: ["value"],
        maxChanged: "2%",
        note: "new buckets",
        matchedTrials: 2,
        status: "used",
      },
      { path: "legacy.flag", kinds: ["removed"], maxChanged: "1", matchedTrials: 0, status: "unused" },
    ],
    coveredTrials: 2,
    uncoveredTrials: 3,
    paths: [
      { path: "age_bucket", entries: [0], unmatched: false },
      { path: "score", entries: [], unmatched: true },
    ],
    combinations: [
      { entries: [0], unmatched: false, trials: 2 },
      { entries: [], unmatched: true, trials: 3 },
    ],
  };
  const passed = overrides.passed ?? false;
  return makeChangedReport({
    summary: { changed: 5 },
    paths: [
      makePathStats(),
      makePathStats({
        path: "age_bucket",
        changed: 2,
        maxAbs: undefined,
        maxRel: undefined,
        exampleIndices: [8, 9],
      }),
    ],
    examples: [
      makeExample(),
      makeExample({
        index: 8,
        differences: [
          makeDifference({ path: "age_bucket", old: "40-64", new: "25-39", abs: undefined, rel: undefined }),
        ],
        old: { status: "ok", output: { age_bucket: "40-64" }, durationMs: 1 },
        new: { status: "ok", output: { age_bucket: "25-39" }, durationMs: 1 },
      }),
    ],
    gate: { maxChanged: "0", passed, exitCode: passed ? 0 : 1, counted: 3 },
    accepted,
  });
}
