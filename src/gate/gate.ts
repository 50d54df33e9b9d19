// The gate: turns a report's counts into a verdict and an exit code. Exit codes are decided
// here and in src/errors.ts, nowhere else.
import type { MaxChanged } from "../config/types.ts";
import { ExitCode } from "../errors.ts";
import type { AcceptedReport, InconclusiveStats, Report, Verdict } from "../report/types.ts";

export interface GateDecision {
  verdict: Verdict;
  passed: boolean;
  exitCode: ExitCode;
  /** The threshold as the user wrote it, e.g. "0" or "2%". */
  maxChanged: string;
  /** Changed trials the gate counted: all of them, or only those accepted differences do not cover. */
  counted: number;
  /** Why the gate failed when the counts alone would pass. */
  reason?: string;
}

/** Renders a threshold the way a user writes it. */
export function formatMaxChanged(maxChanged: MaxChanged): string {
  return "count" in maxChanged ? String(maxChanged.count) : `${maxChanged.ratePercent}%`;
}

/**
 * Judges the summary: changed trials beyond the threshold fail the gate (exit 1). With accepted
 * differences only the changed trials they do not cover count, and under strictAccepted an
 * entry that matched nothing fails the gate too. The verdict still says what happened.
 */
export function evaluateGate(
  summary: Report["summary"],
  maxChanged: MaxChanged,
  accepted?: Pick<AcceptedReport, "uncoveredTrials" | "strict" | "entries">,
  inconclusive?: readonly InconclusiveStats[],
): GateDecision {
  const allowed = "count" in maxChanged ? maxChanged.count : (maxChanged.ratePercent / 100) * summary.trials;
  const inconclusiveTrials = summary.inconclusive ?? 0;
  const verdict: Verdict =
    summary.trials === 0
      ? "error"
      : summary.changed > 0
        ? "changed"
        : inconclusiveTrials > 0
          ? "inconclusive"
          : "equivalent";
  const counted = accepted === undefined ? summary.changed : accepted.uncoveredTrials;
  const unused = accepted?.strict ? accepted.entries.filter((entry) => entry.status === "unused") : [];
  const reasons: string[] = [];
  if (unused.length > 0) {
    reasons.push(
      `${unused.length} accepted entr${unused.length === 1 ? "y" : "ies"} matched nothing (strictAccepted): ${unused.map((entry) => entry.path).join(", ")}`,
    );
  }
  // An output twinrun did not observe could hide any change: never a pass, whatever the threshold.
  if (inconclusiveTrials > 0) reasons.push(describeInconclusive(inconclusiveTrials, inconclusive));
  const reason = reasons.length > 0 ? reasons.join("; ") : undefined;
  const passed = verdict !== "error" && counted <= allowed && reason === undefined;
  const exitCode = verdict === "error" ? ExitCode.usage : passed ? ExitCode.equivalent : ExitCode.changed;
  return {
    verdict,
    passed,
    exitCode,
    maxChanged: formatMaxChanged(maxChanged),
    counted,
    ...(reason !== undefined && { reason }),
  };
}

/** `2 trials inconclusive: stdout is larger than twinrun's output limit of 64 MB, …; raise the limit with …`. */
export function describeInconclusive(trials: number, stats: readonly InconclusiveStats[] = []): string {
  const what = `${trials} trial${trials === 1 ? "" : "s"} inconclusive (twinrun could not observe an output)`;
  if (stats.length === 0) return what;
  const first = stats[0];
  const more =
    stats.length > 1
      ? ` (and ${stats.length - 1} other limit${stats.length > 2 ? "s" : ""}; see the report's inconclusive section)`
      : "";
  return `${what}: ${first.message}${more}`;
}
