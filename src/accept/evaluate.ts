// Judging accepted entries against what a run (or a merge of shards) saw: which entries were
// used, unused or exceeded, and how many changed trials stay uncovered for the gate.
import type { MaxChanged } from "../config/types.ts";
import type { AcceptedEntryReport, AcceptedReport } from "../report/types.ts";
import { isBeyondRateBound, POINT_BASIS, type RateBasis } from "./rate-bound.ts";
import type { AcceptedLimit } from "./types.ts";

/** The counts evaluateAcceptance derives from the combinations. */
export interface AcceptanceCounts {
  matchedTrials: number[];
  status: AcceptedEntryReport["status"][];
  coveredTrials: number;
  uncoveredTrials: number;
}

/**
 * Why: one function judges a run and a merge alike, from the same sums. An entry matched on
 * more trials than its limit allows is "exceeded" and covers nothing: an approval of
 * "≤ 2% of inputs" does not stretch to 30%. A maxRate limit is judged on the run's basis (see
 * rate-bound.ts). A changed trial is covered only when every one of its differences had an
 * entry and none of those entries is exceeded.
 */
export function evaluateAcceptance(
  limits: readonly AcceptedLimit[],
  combinations: AcceptedReport["combinations"],
  trials: number,
  basis: RateBasis = POINT_BASIS,
): AcceptanceCounts {
  const matchedTrials = limits.map(() => 0);
  for (const combination of combinations) {
    for (const entry of combination.entries) matchedTrials[entry] += combination.trials;
  }
  const status = matchedTrials.map((matched, entry): AcceptedEntryReport["status"] =>
    matched === 0 ? "unused" : isWithinLimit(matched, limits[entry], trials, basis) ? "used" : "exceeded",
  );
  let coveredTrials = 0;
  let uncoveredTrials = 0;
  for (const combination of combinations) {
    const covered = !combination.unmatched && combination.entries.every((entry) => status[entry] === "used");
    if (covered) coveredTrials += combination.trials;
    else uncoveredTrials += combination.trials;
  }
  return { matchedTrials, status, coveredTrials, uncoveredTrials };
}

/** Why: one entry's limit against the trials it matched. */
export function isWithinLimit(
  count: number,
  limit: AcceptedLimit,
  trials: number,
  basis: RateBasis,
): boolean {
  if ("maxRatePercent" in limit) return !isBeyondRateBound(count, trials, limit.maxRatePercent, basis);
  return isWithinMaxChanged(count, limit, trials);
}

/** Why: the limit as the file writes it, for report entries: maxChanged `3` / `"0.5%"` or maxRate `"2.9%"`. */
export function formatAcceptedLimit(limit: AcceptedLimit): { maxChanged: string } | { maxRate: string } {
  if ("maxRatePercent" in limit) return { maxRate: `${limit.maxRatePercent}%` };
  return { maxChanged: "count" in limit ? String(limit.count) : `${limit.ratePercent}%` };
}

/** Why: reporters name an entry's limit in one wording: `≤ 3`, `≤ 0.5%`, `rate ≤ 2.9% (95% bound)`. */
export function describeAcceptedLimit(entry: Pick<AcceptedEntryReport, "maxChanged" | "maxRate">): string {
  return entry.maxRate !== undefined ? `rate ≤ ${entry.maxRate} (95% bound)` : `≤ ${entry.maxChanged ?? "0"}`;
}

/** Why: the sentence reporters give an exceeded entry. */
export function describeExceededEntry(
  entry: Pick<AcceptedEntryReport, "path" | "matchedTrials" | "maxChanged" | "maxRate">,
): string {
  const beyond =
    entry.maxRate !== undefined
      ? `a rate above its maxRate ${entry.maxRate} with 95% confidence`
      : `more than its maxChanged ${entry.maxChanged}`;
  return `accepted entry ${entry.path} matched ${entry.matchedTrials} inputs, ${beyond}, so it covers nothing`;
}

/** Why: a count is a count; a rate is of all trials, with float slack so 0.6% of 500 allows 3. */
export function isWithinMaxChanged(count: number, maxChanged: MaxChanged, trials: number): boolean {
  if ("count" in maxChanged) return count <= maxChanged.count;
  return count * 100 <= maxChanged.ratePercent * trials * (1 + 1e-12) + 1e-9;
}

/** Why: the JUnit and Markdown reporters mark a changed path as accepted only when every change there was covered. */
export function listAcceptedPaths(accepted: AcceptedReport | undefined): Set<string> {
  const paths = new Set<string>();
  if (accepted === undefined) return paths;
  for (const entry of accepted.paths) {
    const inRange = entry.entries.every((index) => accepted.entries[index]?.status === "used");
    if (!entry.unmatched && inRange) paths.add(entry.path);
  }
  return paths;
}
