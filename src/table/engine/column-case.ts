// Matching column names ignoring case (`ignoreColumnCase`): a new column whose name differs from
// an old one's only in case takes the old spelling, so every later step (keys, rules, schema,
// statistics) sees one column. Only unambiguous pairs match: `Score` and `SCORE` both in new
// stay as they are.
import type { LoadedTable } from "./load-table.ts";

/** The new table with old spellings, and the pairs so matched. */
export interface CaseMatch {
  newTable: LoadedTable;
  key?: string[];
  matched: { old: string; new: string }[];
}

/** Why: pipelines rename `Score` to `score` without changing behaviour downstream code sees case-blind. */
export function matchColumnCase(
  oldTable: LoadedTable,
  newTable: LoadedTable,
  key: readonly string[] | undefined,
): CaseMatch {
  const oldNames = new Set(oldTable.columns);
  const newNames = new Set(newTable.columns);
  const unmatched = (names: string[], other: Set<string>) => {
    const byLower = new Map<string, string[]>();
    for (const name of names.filter((name) => !other.has(name)))
      byLower.set(name.toLowerCase(), [...(byLower.get(name.toLowerCase()) ?? []), name]);
    return byLower;
  };
  const oldByLower = unmatched(oldTable.columns, newNames);
  const newByLower = unmatched(newTable.columns, oldNames);
  const renames = new Map<string, string>();
  for (const [lower, spellings] of newByLower) {
    const old = oldByLower.get(lower);
    if (spellings.length === 1 && old?.length === 1) renames.set(spellings[0], old[0]);
  }
  const matched = [...renames].map(([newName, oldName]) => ({ old: oldName, new: newName }));
  const allOld = new Map(oldTable.columns.map((name) => [name.toLowerCase(), name]));
  return {
    newTable: { ...newTable, columns: newTable.columns.map((name) => renames.get(name) ?? name) },
    ...(key !== undefined && {
      key: key.map((name) => (oldNames.has(name) ? name : (allOld.get(name.toLowerCase()) ?? name))),
    }),
    matched,
  };
}
