// Judging accepted entries against what a run (or a merge of shards) saw: which entries were
// used, unused or exceeded, and how many changed trials stay uncovered for the gate.
import type { MaxChanged } from "../config/types.ts";
import type { AcceptedEntryReport, AcceptedReport } from "../report/types.ts";

/** The counts evaluateAcceptance derives from the combinations. */
export interface AcceptanceCounts {
  matchedTrials: number[];
  status: AcceptedEntryReport["status"][];
  coveredTrials: number;
  uncoveredTrials: number;
}

/**
 * Why: one function judges a run and a merge alike, from the same sums. An entry matched on
 * more trials than its maxChanged allows is "exceeded" and covers nothing: an approval of
 * "≤ 2% of inputs" does not stretch to 30%. A changed trial is covered only when every one of
 * its differences had an entry and none of those entries is exceeded.
 */
export function evaluateAcceptance(
  maxChanged: readonly MaxChanged[],
  combinations: AcceptedReport["combinations"],
  trials: number,
): AcceptanceCounts {
  const matchedTrials = maxChanged.map(() => 0);
  for (const combination of combinations) {
    for (const entry of combination.entries) matchedTrials[entry] += combination.trials;
  }
  const status = matchedTrials.map((matched, entry): AcceptedEntryReport["status"] =>
    matched === 0 ? "unused" : isWithinMaxChanged(matched, maxChanged[entry], trials) ? "used" : "exceeded",
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
