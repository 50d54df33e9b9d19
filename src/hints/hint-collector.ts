// Keeps what hints need while the trials stream by: each judged trial's input as a few typed
// numbers per field (FieldColumns, bounded), and which paths (or failure kinds) changed in it.
// At the end, each changed path gets the conditions that separate its changed trials.
import { foldPath } from "../compare/paths.ts";
import { parseLossless } from "../json/parse.ts";
import { describeFailingSides } from "../report/failing-sides.ts";
import type { PathStats } from "../report/types.ts";
import type { TrialResult } from "../runner/types.ts";
import { type Bitset, createBitset, setBit } from "./bitset.ts";
import { describeCondition } from "./describe-condition.ts";
import { FieldColumns } from "./field-columns.ts";
import type { Candidate } from "./field-conditions.ts";
import { findHints } from "./find-hints.ts";
import type { Hint } from "./types.ts";

/** Paths (most changed first) that get hints; the rest are rarely read. */
export const MAX_PATHS_WITH_HINTS = 10;

const BOTH_OK = 1;
const SOME_FAILED = 2;

interface ChangeGroup {
  path: string;
  failure?: string;
  ordinals: number[];
}

/** Why: one pass over the trials; hints are computed once the run is over. */
export class HintCollector {
  private readonly inputs = new FieldColumns();
  private status = new Uint8Array(64);
  private readonly groups = new Map<string, ChangeGroup>();

  /** Takes one finished trial (inconclusive trials are neither changed nor unchanged, so left out). */
  add(trial: TrialResult): void {
    if (trial.comparison.inconclusive !== undefined || this.inputs.full) return;
    const ordinal = this.inputs.add(parseInput(trial.inputText));
    if (ordinal >= this.status.length) {
      const grown = new Uint8Array(this.status.length * 2);
      grown.set(this.status);
      this.status = grown;
    }
    this.status[ordinal] = trial.old.status === "ok" && trial.new.status === "ok" ? BOTH_OK : SOME_FAILED;
    const seen = new Set<string>();
    for (const difference of trial.comparison.differences) {
      const path = foldPath(difference.path);
      const failure =
        difference.kind === "failure" ? describeFailingSides(trial.old, trial.new, difference) : undefined;
      const key = failure === undefined ? path : `${path}\u0000${failure}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let group = this.groups.get(key);
      if (group === undefined) {
        group = { path, ...(failure !== undefined && { failure }), ordinals: [] };
        this.groups.set(key, group);
      }
      group.ordinals.push(ordinal);
    }
  }

  /** The paths with their hints attached (the most changed MAX_PATHS_WITH_HINTS paths). */
  attachHints(paths: PathStats[]): PathStats[] {
    const hinted = new Set(
      [...paths]
        .sort((a, b) => b.changed - a.changed)
        .slice(0, MAX_PATHS_WITH_HINTS)
        .map((stats) => stats.path),
    );
    const byPath = new Map<string, Hint[]>();
    for (const group of this.groups.values()) {
      if (!hinted.has(group.path)) continue;
      const hints = this.hintsOf(group);
      if (hints.length > 0) byPath.set(group.path, [...(byPath.get(group.path) ?? []), ...hints]);
    }
    return paths.map((stats) => {
      const hints = byPath.get(stats.path);
      return hints === undefined ? stats : { ...stats, hints };
    });
  }

  private hintsOf(group: ChangeGroup): Hint[] {
    const size = this.inputs.trials;
    // Failures are told apart from every judged trial; other paths only from trials where both gave a value.
    const judged = (status: number) => (group.failure !== undefined ? status !== 0 : status === BOTH_OK);
    const ordinals: number[] = [];
    const population = createBitset(size);
    for (let ordinal = 0; ordinal < size; ordinal++) {
      if (judged(this.status[ordinal])) {
        ordinals.push(ordinal);
        setBit(population, ordinal);
      }
    }
    const changed: Bitset = createBitset(size);
    for (const ordinal of group.ordinals) setBit(changed, ordinal);
    const found = findHints(this.inputs.list(), {
      size,
      ordinals,
      population,
      changed,
      changedCount: group.ordinals.length,
    });
    return found.map((candidate) => toHint(candidate, group, ordinals.length));
  }
}

function toHint(candidate: Candidate, group: ChangeGroup, judged: number): Hint {
  const total = group.ordinals.length;
  const unchangedCovered = candidate.count - candidate.covered;
  return {
    text: describeCondition(candidate.condition),
    condition: candidate.condition,
    covered: candidate.covered,
    total,
    precision: Math.round((candidate.covered / candidate.count) * 10_000) / 10_000,
    unchangedCovered,
    unchangedTotal: judged - total,
    ...(group.failure !== undefined && { failure: group.failure }),
  };
}

function parseInput(text: string): unknown {
  try {
    return parseLossless(text);
  } catch {
    return undefined;
  }
}
