import { describe, expect, it } from "vitest";
import { judge } from "../../../src/gate/judge.ts";
import type { Report } from "../../../src/report/types.ts";
import { makeTableReport } from "../reporters/table-report-factory.ts";

function summary(trials: number, changed: number): Report["summary"] {
  return {
    trials,
    same: trials - changed,
    changed,
    failures: { old: 0, new: 0, both: 0 },
    truncatedTrials: 0,
  };
}

describe("judge", () => {
  it("passes a complete run without changes, exit 0", () => {
    expect(judge({ summary: summary(10, 0), maxChanged: { count: 0 }, complete: true })).toEqual({
      verdict: "equivalent",
      gate: { status: "passed", maxChanged: "0", passed: true, exitCode: 0 },
    });
  });

  it("fails a changed run beyond the threshold, exit 1", () => {
    const { gate } = judge({ summary: summary(10, 2), maxChanged: { count: 1 }, complete: true });
    expect(gate).toMatchObject({ status: "failed", passed: false, exitCode: 1 });
  });

  it("never passes an interrupted run, even without a change: incomplete, exit 130", () => {
    const { verdict, gate } = judge({ summary: summary(3, 0), maxChanged: { count: 0 }, complete: false });
    expect(verdict).toBe("equivalent");
    expect(gate).toMatchObject({ status: "incomplete", passed: false, exitCode: 130 });
  });

  it("applies the table gate to table reports: a changed schema fails with no changed row", () => {
    const table = makeTableReport({ columns: [] });
    const { verdict, gate } = judge({
      summary: summary(5, 0),
      maxChanged: { count: 0 },
      complete: true,
      table: { table, schemaChanged: true },
    });
    expect(verdict).toBe("changed");
    expect(gate).toMatchObject({ status: "failed", exitCode: 1, reason: expect.stringContaining("schema") });
  });

  it("gives the run's own exit code when nothing could be compared", () => {
    const { verdict, gate } = judge({
      summary: summary(1, 1),
      maxChanged: { count: 0 },
      complete: true,
      error: { message: "both sides failed", exitCode: 3 },
    });
    expect(verdict).toBe("error");
    expect(gate).toMatchObject({ status: "error", passed: false, exitCode: 3 });
  });
});
