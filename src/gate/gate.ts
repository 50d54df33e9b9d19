// The gate: turns a report's counts into a verdict and an exit code. Exit codes are decided
// here and in src/errors.ts, nowhere else.
import type { MaxChanged } from "../config/types.ts";
import { ExitCode } from "../errors.ts";
import type { Report, Verdict } from "../report/types.ts";

export interface GateDecision {
  verdict: Verdict;
  passed: boolean;
  exitCode: ExitCode;
  /** The threshold as the user wrote it, e.g. "0" or "2%". */
  maxChanged: string;
}

/** Renders a threshold the way a user writes it. */
export function formatMaxChanged(maxChanged: MaxChanged): string {
  return "count" in maxChanged ? String(maxChanged.count) : `${maxChanged.ratePercent}%`;
}

/** Judges the summary: changed trials beyond the threshold fail the gate (exit 1). */
export function evaluateGate(summary: Report["summary"], maxChanged: MaxChanged): GateDecision {
  const allowed = "count" in maxChanged ? maxChanged.count : (maxChanged.ratePercent / 100) * summary.trials;
  const verdict: Verdict = summary.trials === 0 ? "error" : summary.changed > 0 ? "changed" : "equivalent";
  const passed = verdict !== "error" && summary.changed <= allowed;
  const exitCode = verdict === "error" ? ExitCode.usage : passed ? ExitCode.equivalent : ExitCode.changed;
  return { verdict, passed, exitCode, maxChanged: formatMaxChanged(maxChanged) };
}
