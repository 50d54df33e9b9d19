import { describe, expect, it } from "vitest";
import type { Report } from "../../../src/report/types.ts";
import { listCiNotes } from "../../../src/reporters/ci-notes.ts";
import { createPaint } from "../../../src/reporters/style.ts";
import { viewReport } from "../../../src/reporters/view-model.ts";
import { makeAcceptedReport } from "./ci-report-factory.ts";
import { makeReport } from "./report-factory.ts";

function notes(report: Report): string {
  const lines = listCiNotes(viewReport(report), createPaint(false));
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

describe("the CI notes under the terminal report", () => {
  it("prints nothing for a plain run", () => {
    expect(notes(makeReport())).toBe("");
  });

  it("names the shard and how many of the sample's inputs it ran", () => {
    const report = makeReport({ shard: { index: 2, count: 4 }, sample: { indices: [1, 5, 9], size: 12 } });
    expect(notes(report)).toBe(
      "Shard 2/4: 3 of the 12 sampled inputs (combine the shard reports with `twinrun merge`).\n",
    );
  });

  it("lists every accepted entry as used, unused or exceeded", () => {
    const report = makeAcceptedReport();
    report.accepted!.entries.push({
      path: "x",
      kinds: ["type"],
      maxChanged: "1",
      matchedTrials: 4,
      status: "exceeded",
    });
    expect(notes(report).split("\n")).toEqual([
      "Accepted differences (twinrun.accepted.yaml): 2 changed input(s) covered, 3 not covered; the gate counted 3.",
      "  used      age_bucket [value] ≤ 2%: matched 2 input(s)",
      "  unused    legacy.flag [removed] ≤ 1: matched nothing; remove it once the change is gone",
      "  exceeded  x [type] ≤ 1: matched 4 input(s), beyond its range, so it covers nothing",
      "",
    ]);
  });
});
