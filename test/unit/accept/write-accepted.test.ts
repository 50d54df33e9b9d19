import { describe, expect, it } from "vitest";
import { parseAcceptedText } from "../../../src/accept/load-accepted.ts";
import { AcceptanceTracker } from "../../../src/accept/tracker.ts";
import {
  buildAcceptedEntries,
  formatRateUp,
  mergeAcceptedEntries,
  renderAcceptedYaml,
} from "../../../src/accept/write-accepted.ts";
import { makeChangedReport, makePathStats, makeReport } from "../reporters/report-factory.ts";

describe("formatRateUp", () => {
  it.each([
    [0.6, "0.6%"],
    [10, "10%"],
    [100 / 3, "34%"],
    [0.7, "0.7%"],
    [0.00211, "0.0022%"],
    [99.5, "100%"],
    [100, "100%"],
    [20, "20%"],
    [3 / 7, "0.43%"],
  ])("rounds %d%% up to %s", (percent, expected) => {
    expect(formatRateUp(percent)).toBe(expected);
    expect(Number(expected.slice(0, -1))).toBeGreaterThanOrEqual(Math.min(percent, 100) - 1e-12);
  });
});

describe("buildAcceptedEntries", () => {
  const report = makeChangedReport({
    summary: { trials: 500, changed: 4 },
    paths: [
      makePathStats({ path: "score", compared: 500, changed: 3, kinds: { value: 3 } }),
      makePathStats({ path: "$", compared: 500, changed: 1, kinds: { failure: 1 } }),
      makePathStats({ path: "rows[*].x", compared: 500, changed: 2, kinds: { type: 1, value: 2 } }),
    ],
  });

  it("writes one entry per changed path with its kinds and the observed share rounded up", () => {
    expect(buildAcceptedEntries(report, "r.json")).toEqual([
      expect.objectContaining({ path: "$", kinds: ["failure"], maxChanged: "0.2%" }),
      expect.objectContaining({ path: "rows[*].x", kinds: ["value", "type"], maxChanged: "0.4%" }),
      expect.objectContaining({
        path: "score",
        kinds: ["value"],
        maxChanged: "0.6%",
        note: expect.stringContaining("3 of 500"),
      }),
    ]);
  });

  it("produces a file that covers exactly the run it came from", () => {
    const text = renderAcceptedYaml(buildAcceptedEntries(report, "r.json"));
    expect(text.startsWith("# twinrun accepted differences")).toBe(true);
    const file = parseAcceptedText(text, "/x/twinrun.accepted.yaml", "twinrun.accepted.yaml");
    const tracker = new AcceptanceTracker(file, { strict: false });
    for (let i = 0; i < 3; i++) tracker.add([{ path: "score", kind: "value", old: 1, new: 2 }]);
    tracker.add([{ path: "$", kind: "failure" }]);
    tracker.add([
      { path: "rows[7].x", kind: "type", old: 1, new: 1.5 },
      { path: "rows[9].x", kind: "value", old: 1, new: 2 },
    ]);
    tracker.add([{ path: "rows[1].x", kind: "value", old: 1, new: 2 }]);
    expect(tracker.result(500)).toMatchObject({ coveredTrials: 6, uncoveredTrials: 0 });
  });

  it.each([
    ["an interrupted run", makeChangedReport({ complete: false }), /incomplete/],
    ["a run without a verdict", makeReport({ verdict: "error", error: "no trials" }), /no verdict/],
  ])("refuses %s", (_name, bad, message) => {
    expect(() => buildAcceptedEntries(bad, "r.json")).toThrow(message);
  });

  it("has nothing to accept in an equivalent report", () => {
    expect(buildAcceptedEntries(makeReport(), "r.json")).toEqual([]);
  });
});

describe("mergeAcceptedEntries", () => {
  it("keeps reviewers' notes and other entries, widening kinds and ranges of the same path", () => {
    const merged = mergeAcceptedEntries(
      [
        { path: "score", kinds: ["value"], maxChanged: "1%", note: "rounding fix" },
        { path: "kept", kinds: ["type"], maxChanged: 2 },
      ],
      [
        { path: "score", kinds: ["type"], maxChanged: "0.5%", note: "seen on …" },
        { path: "fresh", kinds: ["value"], maxChanged: "3%", note: "seen on …" },
      ],
    );
    expect(merged).toEqual([
      { path: "score", kinds: ["value", "type"], maxChanged: "1%", note: "rounding fix" },
      { path: "kept", kinds: ["type"], maxChanged: 2 },
      { path: "fresh", kinds: ["value"], maxChanged: "3%", note: "seen on …" },
    ]);
  });
});
