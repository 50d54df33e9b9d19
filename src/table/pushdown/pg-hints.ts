// Root-cause hints for a pushdown: the same search as the embedded engine's (table-hints.ts), over
// the same rows — every matched pair's old row, its non-key columns as the JSON values the
// comparator sees, in old-row order — read from the session's copy of the old side. The changed
// paths of each pair are noted in JavaScript while the comparator judges the handed pairs; that
// log, and the rows, are bounded by HINT_SAMPLE_ROWS matched pairs. Beyond it, a pushdown gives
// no hints (the embedded engine samples its rows; --no-pushdown finds them).
import type { Difference } from "../../compare/types.ts";
import { FieldColumns } from "../../hints/field-columns.ts";
import type { Hint } from "../../hints/types.ts";
import { parseLossless } from "../../json/parse.ts";
import { setCell } from "../engine/decode-cell.ts";
import { HINT_SAMPLE_ROWS } from "../hints/hint-rows.ts";
import { type ChangedPath, PathTally } from "../hints/path-tally.ts";
import { hintColumns, hintPaths, searchHints } from "../hints/table-hints.ts";
import { jsonTextSql } from "./pg-cells.ts";
import type { PgSession } from "./pg-session.ts";
import { type PgTable, pgCell } from "./pg-tables.ts";

/** Why: the comparator's verdicts, by old row position and folded path, as the embedded log keeps them. */
export class PgChangedPaths {
  private readonly tally = new PathTally();
  /** Per path id, the old row positions where it changed. */
  private readonly rows: number[][] = [];

  /** Notes one changed row pair (by its old row's position) and the paths it changed at. */
  add(oldRow: number, differences: readonly Difference[]): void {
    for (const id of this.tally.add(differences)) {
      const rows = this.rows[id] ?? [];
      rows.push(oldRow);
      this.rows[id] = rows;
    }
  }

  /** Every path seen, with its id and changed row pairs, most changed first. */
  paths(): ChangedPath[] {
    return this.tally.paths();
  }

  /** The old row positions where the path (by id) changed. */
  rowsOf(id: number): readonly number[] {
    return this.rows[id] ?? [];
  }
}

/** Why: true when a pushdown of this many matched pairs gives hints (its log and rows stay bounded). */
export function pushdownFindsHints(matched: number): boolean {
  return matched <= HINT_SAMPLE_ROWS;
}

/** Why: a pushdown's report names the rows that changed as the embedded engine's does. */
export async function findPgHints(
  session: PgSession,
  oldTable: PgTable,
  log: PgChangedPaths,
  options: { key?: readonly string[]; matched: number },
): Promise<Map<string, Hint[]>> {
  if (!pushdownFindsHints(options.matched)) return new Map();
  const paths = hintPaths(log.paths(), options.matched);
  const columns = hintColumns(
    oldTable.columns.map((column) => column.name),
    options.key,
  );
  if (paths.length === 0 || columns.length === 0) return new Map();
  const cells = columns.map((column) =>
    jsonTextSql(`t.${pgCell(column.index)}`, oldTable.columns[column.index]),
  );
  const inputs = new FieldColumns();
  const ordinalOf = new Map<number, number>();
  for await (const batch of session.stream(
    `SELECT p.o${cells.map((cell) => `, ${cell}`).join("")} FROM twinrun_pairs p ` +
      `JOIN ${oldTable.table} t ON t.r = p.o WHERE p.o IS NOT NULL AND p.n IS NOT NULL ORDER BY p.o`,
  )) {
    for (const row of batch) {
      const values: Record<string, unknown> = {};
      columns.forEach((column, i) => {
        const text = row[i + 1];
        setCell(values, column.name, text === null ? null : parseLossless(text));
      });
      ordinalOf.set(Number(row[0]), inputs.add(values));
    }
  }
  const changedAt = new Map(
    paths.map((entry) => [
      entry.id,
      log
        .rowsOf(entry.id)
        .map((oldRow) => ordinalOf.get(oldRow) ?? -1)
        .filter((ordinal) => ordinal >= 0)
        .sort((a, b) => a - b),
    ]),
  );
  return searchHints(paths, { inputs, changedAt, complete: true }, options.matched);
}
