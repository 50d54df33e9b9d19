import { describe, expect, it } from "vitest";
import { evaluateGate } from "../../../src/gate/gate.ts";

const summary = (trials: number, changed: number) => ({
  trials,
  same: trials - changed,
  changed,
  failures: { old: 0, new: 0, both: 0 },
  truncatedTrials: 0,
});

describe("evaluateGate", () => {
  it.each([
    {
      name: "no change passes",
      trials: 100,
      changed: 0,
      max: { count: 0 },
      verdict: "equivalent",
      exitCode: 0,
    },
    {
      name: "one change fails the default gate",
      trials: 100,
      changed: 1,
      max: { count: 0 },
      verdict: "changed",
      exitCode: 1,
    },
    {
      name: "changes within a count pass",
      trials: 100,
      changed: 3,
      max: { count: 3 },
      verdict: "changed",
      exitCode: 0,
    },
    {
      name: "changes beyond a count fail",
      trials: 100,
      changed: 4,
      max: { count: 3 },
      verdict: "changed",
      exitCode: 1,
    },
    {
      name: "a rate is a percentage of trials",
      trials: 200,
      changed: 4,
      max: { ratePercent: 2 },
      verdict: "changed",
      exitCode: 0,
    },
    {
      name: "just over a rate fails",
      trials: 200,
      changed: 5,
      max: { ratePercent: 2 },
      verdict: "changed",
      exitCode: 1,
    },
    {
      name: "no trials is an error",
      trials: 0,
      changed: 0,
      max: { count: 0 },
      verdict: "error",
      exitCode: 2,
    },
  ] as const)("$name", ({ trials, changed, max, verdict, exitCode }) => {
    const decision = evaluateGate(summary(trials, changed), max);
    expect(decision.verdict).toBe(verdict);
    expect(decision.exitCode).toBe(exitCode);
    expect(decision.passed).toBe(exitCode === 0);
  });

  it("renders the threshold as the user wrote it", () => {
    expect(evaluateGate(summary(1, 0), { ratePercent: 0.5 }).maxChanged).toBe("0.5%");
    expect(evaluateGate(summary(1, 0), { count: 2 }).maxChanged).toBe("2");
  });

  it("fails an inconclusive run whatever the threshold, saying which limit and how to raise it", () => {
    const stats = [
      {
        limit: "output-size" as const,
        message:
          "stdout is larger than twinrun's output limit of 64 MB; raise the limit with TWINRUN_MAX_OUTPUT_MB=256",
        sides: { old: 0, new: 0, both: 2 },
        trials: 2,
        exampleIndices: [0, 4],
      },
    ];
    const decision = evaluateGate(
      { ...summary(10, 0), same: 8, inconclusive: 2 },
      { ratePercent: 50 },
      undefined,
      stats,
    );
    expect(decision).toMatchObject({ verdict: "inconclusive", passed: false, exitCode: 1 });
    expect(decision.reason).toContain("2 trials inconclusive");
    expect(decision.reason).toContain("TWINRUN_MAX_OUTPUT_MB=256");
  });

  it("keeps the verdict changed when a run has both changed and inconclusive trials", () => {
    const decision = evaluateGate({ ...summary(10, 1), inconclusive: 1 }, { count: 5 });
    expect(decision).toMatchObject({ verdict: "changed", passed: false, exitCode: 1 });
  });
});
