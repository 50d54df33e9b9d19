// Follows a run trial by trial and records which accepted entry covers each difference, in
// sums that add over shards: trials per combination of entries, and entries per changed path.
// Memory: one counter per distinct combination and per changed path, never per trial.
import { countWildcards } from "../compare/path-pattern.ts";
import { foldPath } from "../compare/paths.ts";
import type { Difference } from "../compare/types.ts";
import type { AcceptedReport } from "../report/types.ts";
import { evaluateAcceptance, formatAcceptedLimit } from "./evaluate.ts";
import { matchesWholePath, parseDifferencePath } from "./match-path.ts";
import type { RateBasis } from "./rate-bound.ts";
import type { AcceptedFile } from "./types.ts";

const NO_ENTRY = -1;
const MATCH_CACHE_LIMIT = 10_000;

/** Why: the run feeds each changed trial's differences here; result() gives the report section. */
export class AcceptanceTracker {
  private readonly accepted: AcceptedFile;
  private readonly strict: boolean;
  /** Entry indices, most specific first (fewest wildcards, then most segments, then file order). */
  private readonly order: number[];
  private readonly cache = new Map<string, number>();
  private readonly combinations = new Map<string, AcceptedReport["combinations"][number]>();
  private readonly paths = new Map<string, { entries: Set<number>; unmatched: boolean }>();

  constructor(accepted: AcceptedFile, options: { strict: boolean }) {
    this.accepted = accepted;
    this.strict = options.strict;
    const { entries } = accepted;
    this.order = entries
      .map((_, index) => index)
      .sort(
        (a, b) =>
          countWildcards(entries[a].segments) - countWildcards(entries[b].segments) ||
          entries[b].segments.length - entries[a].segments.length ||
          a - b,
      );
  }

  /** The entry that covers one difference: the most specific whose pattern and kinds match; -1 for none. */
  findEntry(difference: Difference): number {
    const key = `${difference.kind} ${difference.path}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const steps = parseDifferencePath(difference.path);
    const { entries } = this.accepted;
    const found =
      this.order.find(
        (index) =>
          entries[index].kinds.includes(difference.kind) && matchesWholePath(entries[index].segments, steps),
      ) ?? NO_ENTRY;
    if (this.cache.size >= MATCH_CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, found);
    return found;
  }

  /** Adds one changed trial (a trial without differences is not changed and is not added). */
  add(differences: readonly Difference[]): void {
    if (differences.length === 0) return;
    const used = new Set<number>();
    let unmatched = false;
    for (const difference of differences) {
      const entry = this.findEntry(difference);
      const folded = foldPath(difference.path);
      let pathState = this.paths.get(folded);
      if (pathState === undefined) {
        pathState = { entries: new Set(), unmatched: false };
        this.paths.set(folded, pathState);
      }
      if (entry === NO_ENTRY) {
        unmatched = true;
        pathState.unmatched = true;
      } else {
        used.add(entry);
        pathState.entries.add(entry);
      }
    }
    const entries = [...used].sort((a, b) => a - b);
    const key = `${unmatched ? "!" : ""}${entries.join(",")}`;
    const combination = this.combinations.get(key);
    if (combination === undefined) this.combinations.set(key, { entries, unmatched, trials: 1 });
    else combination.trials++;
  }

  /** The report section, judged against the run's trial count and what its trials are a sample of. */
  result(trials: number, basis?: RateBasis): AcceptedReport {
    return buildAcceptedReport({
      file: this.accepted.file,
      strict: this.strict,
      entries: this.accepted.entries.map((entry) => ({
        path: entry.path,
        kinds: entry.kinds,
        ...formatAcceptedLimit(entry.limit),
        ...(entry.note !== undefined && { note: entry.note }),
      })),
      limits: this.accepted.entries.map((entry) => entry.limit),
      paths: [...this.paths].map(([path, state]) => ({
        path,
        entries: [...state.entries].sort((a, b) => a - b),
        unmatched: state.unmatched,
      })),
      combinations: [...this.combinations.values()],
      trials,
      ...(basis !== undefined && { basis }),
    });
  }
}

/** Why: runs and merges build the section the same way from (entries, sums, trials). */
export function buildAcceptedReport(parts: {
  file: string;
  strict: boolean;
  entries: Omit<AcceptedReport["entries"][number], "matchedTrials" | "status">[];
  limits: Parameters<typeof evaluateAcceptance>[0];
  paths: AcceptedReport["paths"];
  combinations: AcceptedReport["combinations"];
  trials: number;
  basis?: RateBasis;
}): AcceptedReport {
  const counts = evaluateAcceptance(parts.limits, parts.combinations, parts.trials, parts.basis);
  return {
    file: parts.file,
    strict: parts.strict,
    entries: parts.entries.map((entry, index) => ({
      ...entry,
      matchedTrials: counts.matchedTrials[index],
      status: counts.status[index],
    })),
    coveredTrials: counts.coveredTrials,
    uncoveredTrials: counts.uncoveredTrials,
    paths: [...parts.paths].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    combinations: [...parts.combinations].sort((a, b) => combinationKey(a).localeCompare(combinationKey(b))),
  };
}

function combinationKey(combination: AcceptedReport["combinations"][number]): string {
  return `${combination.unmatched ? "!" : ""}${combination.entries.join(",")}`;
}
