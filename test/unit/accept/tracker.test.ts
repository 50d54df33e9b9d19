import { describe, expect, it } from "vitest";
import { evaluateAcceptance, isWithinMaxChanged, listAcceptedPaths } from "../../../src/accept/evaluate.ts";
import { parseAcceptedText } from "../../../src/accept/load-accepted.ts";
import { AcceptanceTracker } from "../../../src/accept/tracker.ts";
import type { Difference } from "../../../src/compare/types.ts";

function trackerFor(yaml: string, strict = false): AcceptanceTracker {
  return new AcceptanceTracker(parseAcceptedText(yaml, "/r/twinrun.accepted.yaml", "twinrun.accepted.yaml"), {
    strict,
  });
}

const value = (path: string): Difference => ({ path, kind: "value", old: 1, new: 2, abs: 1, rel: 0.5 });
const type = (path: string): Difference => ({ path, kind: "type", old: 1, new: "1" });

const AGE_AND_SCORE = `accepted:
  - { path: age_bucket, kinds: [value], maxChanged: 2 }
  - { path: "rows[*].score", kinds: [value], maxChanged: "50%" }
`;

describe("AcceptanceTracker", () => {
  it("covers a trial only when every one of its differences has an entry", () => {
    const tracker = trackerFor(AGE_AND_SCORE);
    tracker.add([value("age_bucket")]);
    tracker.add([value("age_bucket"), value("rows[3].score")]);
    tracker.add([value("age_bucket"), value("income")]);
    const result = tracker.result(10);
    // age_bucket matched 3 trials but allows 2: exceeded, so it covers nothing.
    expect(result.entries.map((entry) => [entry.path, entry.matchedTrials, entry.status])).toEqual([
      ["age_bucket", 3, "exceeded"],
      ["rows[*].score", 1, "used"],
    ]);
    expect(result).toMatchObject({ coveredTrials: 0, uncoveredTrials: 3 });
  });

  it("counts covered and uncovered trials within range", () => {
    const tracker = trackerFor(AGE_AND_SCORE);
    tracker.add([value("age_bucket")]);
    tracker.add([value("rows[id=7].score"), value("rows[8].score")]);
    tracker.add([value("income")]);
    const result = tracker.result(10);
    expect(result).toMatchObject({ coveredTrials: 2, uncoveredTrials: 1 });
    expect(result.paths).toEqual([
      { path: "age_bucket", entries: [0], unmatched: false },
      { path: "income", entries: [], unmatched: true },
      { path: "rows[*].score", entries: [1], unmatched: false },
    ]);
    expect(listAcceptedPaths(result)).toEqual(new Set(["age_bucket", "rows[*].score"]));
  });

  it("approves only the listed kinds", () => {
    const tracker = trackerFor(AGE_AND_SCORE);
    tracker.add([type("age_bucket")]);
    const result = tracker.result(10);
    expect(result).toMatchObject({ coveredTrials: 0, uncoveredTrials: 1 });
    expect(result.entries[0].status).toBe("unused");
  });

  it("gives each difference to the most specific matching entry, then the first listed", () => {
    const tracker = trackerFor(`accepted:
  - { path: "features.**", kinds: [value], maxChanged: 100 }
  - { path: features.age, kinds: [value], maxChanged: 100 }
  - { path: features.age, kinds: [value, type], maxChanged: 100 }
`);
    expect(tracker.findEntry(value("features.age"))).toBe(1);
    expect(tracker.findEntry(type("features.age"))).toBe(2);
    expect(tracker.findEntry(value("features.income"))).toBe(0);
    expect(tracker.findEntry(value("other"))).toBe(-1);
  });

  it("keeps sums per combination of entries, not per trial", () => {
    const tracker = trackerFor(AGE_AND_SCORE);
    for (let i = 0; i < 1000; i++) tracker.add([value("age_bucket"), value(`rows[${i}].score`)]);
    tracker.add([]);
    expect(tracker.result(2000).combinations).toEqual([{ entries: [0, 1], unmatched: false, trials: 1000 }]);
  });
});

describe("evaluateAcceptance", () => {
  it("recomputes statuses from summed combinations and the total trial count", () => {
    const combinations = [
      { entries: [0], unmatched: false, trials: 3 },
      { entries: [0], unmatched: true, trials: 1 },
    ];
    // 4 matches are within 1% of 400 trials but not of 100.
    expect(evaluateAcceptance([{ ratePercent: 1 }, { count: 1 }], combinations, 400)).toEqual({
      matchedTrials: [4, 0],
      status: ["used", "unused"],
      coveredTrials: 3,
      uncoveredTrials: 1,
    });
    expect(evaluateAcceptance([{ ratePercent: 1 }, { count: 1 }], combinations, 100).status[0]).toBe(
      "exceeded",
    );
  });

  it.each([
    [3, { ratePercent: 0.6 }, 500, true],
    [4, { ratePercent: 0.6 }, 500, false],
    [7, { ratePercent: 0.7 }, 1000, true],
    [1, { ratePercent: 34 }, 3, true],
    [2, { count: 2 }, 1, true],
    [3, { count: 2 }, 1000, false],
    [0, { count: 0 }, 10, true],
  ] as const)("%i changed trials within %j of %i trials: %s", (count, maxChanged, trials, expected) => {
    expect(isWithinMaxChanged(count, maxChanged, trials)).toBe(expected);
  });
});
