// Root-cause hints for a table comparison: for each changed path (most changed first), the
// conditions on the old row's columns (never the key columns) that separate the row pairs where
// it changed. The search is the record hints' own, over a bounded set of rows (hint-rows.ts);
// when that set is a sample, each hint found is counted again over every matched pair, so the
// coverage and precision shown are the whole table's, and hints that do not hold up are dropped.
import { createBitset, setBit } from "../../hints/bitset.ts";
import { describeCondition } from "../../hints/describe-condition.ts";
import type { Candidate } from "../../hints/field-conditions.ts";
import { findHints, HINT_THRESHOLDS } from "../../hints/find-hints.ts";
import { MAX_PATHS_WITH_HINTS } from "../../hints/hint-collector.ts";
import type { Hint } from "../../hints/types.ts";
import type { PathStats } from "../../report/types.ts";
import type { LoadedTable } from "../engine/load-table.ts";
import type { TableEngine } from "../engine/table-engine.ts";
import type { ChangedPathsLog } from "./changed-paths-log.ts";
import { type CountRequest, countHintsExactly, type ExactCounts } from "./exact-hint-counts.ts";
import { type HintColumn, type HintRows, readHintRows } from "./hint-rows.ts";
import type { ChangedPath } from "./path-tally.ts";

export interface TableHintOptions {
  /** Key columns: identifiers, never a hint's field. */
  key?: readonly string[];
  /** Matched row pairs (the population hints speak of). */
  matched: number;
}

/** Why: "which rows changed" is the question a table report's reader asks first. */
export async function findTableHints(
  engine: TableEngine,
  oldTable: LoadedTable,
  log: ChangedPathsLog,
  options: TableHintOptions,
): Promise<Map<string, Hint[]>> {
  const paths = hintPaths(log.paths(), options.matched);
  const columns = hintColumns(oldTable.columns, options.key);
  if (paths.length === 0 || columns.length === 0) return new Map();
  const rows = await readHintRows(engine, oldTable, columns, options.matched);
  return searchHints(
    paths,
    rows,
    options.matched,
    rows.complete
      ? undefined
      : (requests, parentOf) => countHintsExactly(engine, oldTable, columns, requests, parentOf),
  );
}

/** Why: the paths worth a search: changed often enough, not on every pair, the most changed first. */
export function hintPaths(paths: readonly ChangedPath[], matched: number): ChangedPath[] {
  return paths
    .filter((entry) => entry.changed >= HINT_THRESHOLDS.minCovered && entry.changed < matched)
    .slice(0, MAX_PATHS_WITH_HINTS);
}

/** Why: hints speak of the old row's columns, never of the key columns (identifiers). */
export function hintColumns(names: readonly string[], key: readonly string[] | undefined): HintColumn[] {
  const keyNames = new Set(key ?? []);
  return names.flatMap((name, index) => (keyNames.has(name) ? [] : [{ name, index }]));
}

/** Counts the candidates again over every matched pair, when the rows searched were a sample. */
export type CountExactly = (
  requests: CountRequest[],
  parentOf: (path: string) => string | null,
) => Promise<ExactCounts[]>;

/** Why: one search over the rows read, whichever engine read them (embedded or pushdown). */
export async function searchHints(
  paths: readonly ChangedPath[],
  rows: HintRows,
  matched: number,
  countExactly?: CountExactly,
): Promise<Map<string, Hint[]>> {
  const out = new Map<string, Hint[]>();
  const fields = rows.inputs.list();
  const size = rows.inputs.trials;
  const ordinals = Array.from({ length: size }, (_, i) => i);
  const population = createBitset(size);
  for (const ordinal of ordinals) setBit(population, ordinal);
  const found = paths.map((entry) => {
    const at = rows.changedAt.get(entry.id) ?? [];
    const changed = createBitset(size);
    for (const ordinal of at) setBit(changed, ordinal);
    const candidates = findHints(fields, { size, ordinals, population, changed, changedCount: at.length });
    return { ...entry, candidates };
  });
  const requests = found.flatMap((entry) =>
    entry.candidates.map((candidate) => ({ pathId: entry.id, condition: candidate.condition })),
  );
  const parents = new Map(fields.map((field) => [field.path, field.parent?.path ?? null]));
  const exact =
    countExactly === undefined
      ? undefined
      : await countExactly(requests, (path) => parents.get(path) ?? null);
  let next = 0;
  for (const entry of found) {
    const hints: Hint[] = [];
    for (const candidate of entry.candidates) {
      const counts = exact?.[next++] ?? { count: candidate.count, covered: candidate.covered };
      const hint = toHint(candidate, counts, entry.changed, matched);
      if (hint !== undefined) hints.push(hint);
    }
    if (hints.length > 0) out.set(entry.path, hints);
  }
  return out;
}

/** The paths with their hints attached. */
export function attachTableHints(paths: PathStats[], hints: Map<string, Hint[]>): PathStats[] {
  return paths.map((stats) => {
    const found = hints.get(stats.path);
    return found === undefined ? stats : { ...stats, hints: found };
  });
}

/** A hint with the table's figures, or undefined when they miss the thresholds. */
function toHint(candidate: Candidate, counts: ExactCounts, total: number, matched: number): Hint | undefined {
  const { count, covered } = counts;
  if (
    count === 0 ||
    covered < HINT_THRESHOLDS.minCovered ||
    covered / total < HINT_THRESHOLDS.minCoverage ||
    covered / count < HINT_THRESHOLDS.minPrecision
  )
    return undefined;
  return {
    text: describeCondition(candidate.condition),
    condition: candidate.condition,
    covered,
    total,
    precision: Math.round((covered / count) * 10_000) / 10_000,
    unchangedCovered: count - covered,
    unchangedTotal: matched - total,
  };
}
