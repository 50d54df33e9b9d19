import { describe, expect, it } from "vitest";
import { evaluateGate } from "../../../src/gate/gate.ts";
import type { AcceptedEntryReport } from "../../../src/report/types.ts";

const summary = (trials: number, changed: number) => ({
  trials,
  same: trials - changed,
  changed,
  failures: { old: 0, new: 0, both: 0 },
  truncatedTrials: 0,
});

const entry = (path: string, status: AcceptedEntryReport["status"]): AcceptedEntryReport => ({
  path,
  kinds: ["value"],
  maxChanged: "1",
  matchedTrials: status === "unused" ? 0 : 1,
  status,
});

describe("evaluateGate with accepted differences", () => {
  it.each([
    {
      name: "every change covered passes",
      uncovered: 0,
      strict: false,
      entries: [entry("a", "used")],
      exitCode: 0,
    },
    {
      name: "an uncovered change fails",
      uncovered: 1,
      strict: false,
      entries: [entry("a", "used")],
      exitCode: 1,
    },
    {
      name: "an unused entry is fine without strictAccepted",
      uncovered: 0,
      strict: false,
      entries: [entry("a", "used"), entry("b", "unused")],
      exitCode: 0,
    },
    {
      name: "an unused entry fails under strictAccepted",
      uncovered: 0,
      strict: true,
      entries: [entry("a", "used"), entry("b", "unused")],
      exitCode: 1,
    },
  ])("$name", ({ uncovered, strict, entries, exitCode }) => {
    const decision = evaluateGate(
      summary(100, 3),
      { count: 0 },
      { uncoveredTrials: uncovered, strict, entries },
    );
    expect(decision.verdict).toBe("changed");
    expect(decision.counted).toBe(uncovered);
    expect(decision.exitCode).toBe(exitCode);
    expect(decision.passed).toBe(exitCode === 0);
  });

  it("says why a strict gate failed, naming the unused entries", () => {
    const decision = evaluateGate(
      summary(10, 0),
      { count: 0 },
      {
        uncoveredTrials: 0,
        strict: true,
        entries: [entry("a.b", "unused"), entry("c", "unused")],
      },
    );
    expect(decision).toMatchObject({ verdict: "equivalent", passed: false, exitCode: 1 });
    expect(decision.reason).toBe("2 accepted entries matched nothing (strictAccepted): a.b, c");
  });

  it("applies --max-changed to the uncovered trials only", () => {
    const accepted = { uncoveredTrials: 2, strict: false, entries: [] };
    expect(evaluateGate(summary(100, 9), { count: 2 }, accepted).passed).toBe(true);
    expect(evaluateGate(summary(100, 9), { count: 1 }, accepted).passed).toBe(false);
  });

  it("counts every changed trial without an accepted file", () => {
    expect(evaluateGate(summary(100, 4), { count: 0 }).counted).toBe(4);
  });
});
