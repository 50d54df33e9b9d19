// What each side's table says about itself, over all of its rows: each column's kinds of values
// (the OR of its cells' kind bits, or the declared type) and, for numeric columns, the summary,
// quantiles and decile edges of its finite numbers — all computed by the engine.

import { distinctEdges } from "../psi.ts";
import type { ColumnType, NumericSummary } from "../types.ts";
import type { BinTolerance } from "./bin-bounds.ts";
import { csvKindSql, csvParsedNumberSql } from "./cell-kind-sql.ts";
import { columnEncoding, kindSql, numberSql } from "./cell-sql.ts";
import { cellColumn, type LoadedTable } from "./load-table.ts";
import { withSortedNumbers } from "./sorted-numbers.ts";
import type { TableEngine } from "./table-engine.ts";

/** One column of one side. */
export interface ColumnProfile {
  /** The OR of the cells' kind bits (column-types.ts). */
  mask: number;
  /** Cell counts over all rows, which the per-column statistics of the row pairs start from. */
  cells: CellCounts;
  /** Deciles only where asked for (the old side: they are PSI's bin edges); bins where asked for. */
  numbers?: { summary: NumericSummary; deciles?: number[]; bins?: ColumnBins };
}

/** PSI's bins of one side's column: bin i holds values ≤ edges[i] (within tolerance), the last bin the rest. */
export interface ColumnBins {
  edges: number[];
  counts: number[];
}

/** How many of a column's cells are present, present but null (or NaN), hold a value, hold a finite number. */
export interface CellCounts {
  present: number;
  nullish: number;
  valued: number;
  finite: number;
}

/** What a side's profile counts besides kinds and summaries. */
export interface ProfileOptions {
  /** The side's deciles (the old side: they are PSI's bin edges). */
  deciles: boolean;
  /**
   * The bins to count for a column (by name): its tolerance and the edges (the new side: the old
   * side's); without edges, the column's own distinct deciles. Undefined: no bins.
   */
  binsOf?: (column: string) => { edges?: readonly number[]; tolerance: BinTolerance } | undefined;
}

export const SUMMARY_QUANTILES = [0.01, 0.5, 0.99];
export const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
/** Aggregates per column in the profile query. */
const FIELDS = 9;

/**
 * Why: the schema view needs each column's kinds, the distribution view its numbers. One scan
 * types every cell once (a CSV cell's parsed number serves its kind and its value) and counts;
 * then each numeric column's finite numbers are sorted once for its exact quantiles and bins.
 */
export async function profileSide(
  engine: TableEngine,
  table: LoadedTable,
  options: ProfileOptions,
): Promise<ColumnProfile[]> {
  if (table.columns.length === 0) return [];
  const csv = (i: number) => columnEncoding(table, i) === "csv";
  const parsed = table.columns.map(
    (_, i) => `${cellColumn(i)}, ${csv(i) ? csvParsedNumberSql(cellColumn(i)) : "NULL::DOUBLE"} AS x${i}`,
  );
  const typed = table.columns.map((_, i) => {
    const kind = csv(i)
      ? csvKindSql(cellColumn(i), `x${i}`)
      : kindSql(cellColumn(i), columnEncoding(table, i));
    return `${kind} AS k${i}, ${cellColumn(i)}, x${i}`;
  });
  const numbered = table.columns.map((_, i) => {
    const number = csv(i) ? `(CASE WHEN k${i} IN (1, 2) THEN x${i} END)` : numberSql(cellColumn(i), `k${i}`);
    return `k${i}, ${cellColumn(i)}, ${number} AS n${i}`;
  });
  const valued = table.columns.map((_, i) => `k${i}, ${cellColumn(i)}, ${finiteSql(`n${i}`)} AS v${i}`);
  // A JSON row may lack the column (SQL NULL); elsewhere every row has a cell.
  const present = (i: number) => (table.absentCells ? `${cellColumn(i)} IS NOT NULL` : "TRUE");
  const aggregates = (stddev: (value: string) => string) =>
    table.columns.map(
      (_, i) =>
        `bit_or(k${i}), count(v${i}), avg(v${i}), ${stddev(`v${i}`)}, min(v${i}), max(v${i}), ` +
        `count(CASE WHEN ${present(i)} THEN 1 END), count(CASE WHEN ${present(i)} AND k${i} = 0 THEN 1 END), ` +
        `count(CASE WHEN k${i} <> 0 THEN 1 END)`,
    );
  const query = (stddev: (value: string) => string) =>
    engine.rows(
      `SELECT ${aggregates(stddev).join(", ")} FROM (SELECT ${valued.join(", ")} FROM (SELECT ${numbered.join(", ")} ` +
        `FROM (SELECT ${typed.join(", ")} FROM (SELECT ${parsed.join(", ")} FROM ${table.table}))))`,
    );
  const [row] = await query((value) => `stddev_pop(${value})`).catch((error: unknown) => {
    // The engine's variance overflows past about 1e154; a column holding such numbers is measured
    // scaled down (its small values then count as 0, which cannot move a deviation that large).
    if (!/STDDEV_POP is out of range/.test(String(error))) throw error;
    return query((value) => `stddev_pop(${value} * 1e-200) * 1e200`);
  });
  const profiles: ColumnProfile[] = [];
  for (const [i, column] of table.columns.entries()) {
    const at = i * FIELDS;
    const count = Number(row[at + 1]);
    const profile: ColumnProfile = {
      mask: Number(row[at] ?? 0),
      cells: {
        present: Number(row[at + 6]),
        nullish: Number(row[at + 7]),
        valued: Number(row[at + 8]),
        finite: count,
      },
    };
    profiles.push(profile);
    if (count === 0) continue;
    const [mean, std, min, max] = [2, 3, 4, 5].map((offset) => Number(row[at + offset]));
    const levels = [...SUMMARY_QUANTILES, ...(options.deciles ? DECILES : [])];
    profile.numbers = await withSortedNumbers(engine, table, i, profile.mask, async (sorted) => {
      const [p1, p50, p99, ...deciles] = await sorted.quantiles(levels);
      const bins = options.binsOf?.(column);
      const edges = bins?.edges ?? (options.deciles ? distinctEdges(deciles) : undefined);
      return {
        summary: { count, mean, std, min, max, p1, p50, p99 },
        ...(options.deciles && { deciles }),
        ...(bins !== undefined &&
          edges !== undefined && {
            bins: { edges: [...edges], counts: await sorted.binCounts(edges, bins.tolerance) },
          }),
      };
    });
  }
  return profiles;
}

/**
 * Why: both sides' profiles, old first: its deciles are PSI's bin edges, which the new side's
 * profile counts its bins by in the same breath.
 */
export async function profileSides(
  engine: TableEngine,
  oldTable: LoadedTable,
  newTable: LoadedTable,
  toleranceOf: (column: string) => BinTolerance,
): Promise<{ old: ColumnProfile[]; new: ColumnProfile[] }> {
  const oldProfiles = await profileSide(engine, oldTable, {
    deciles: true,
    binsOf: (column) => ({ tolerance: toleranceOf(column) }),
  });
  const newProfiles = await profileSide(engine, newTable, {
    deciles: false,
    binsOf: (column) => {
      const index = oldTable.columns.indexOf(column);
      const edges = index === -1 ? undefined : oldProfiles[index].numbers?.bins?.edges;
      return edges === undefined ? undefined : { edges, tolerance: toleranceOf(column) };
    },
  });
  return { old: oldProfiles, new: newProfiles };
}

/** A number that is finite, else NULL (statistics and quantiles leave NaN and ±Infinity out). */
function finiteSql(number: string): string {
  return `(CASE WHEN isfinite(${number}) THEN ${number} END)`;
}

/** A column's type from its cells' kinds, or as declared (Parquet). */
export function sideColumnType(
  table: Pick<LoadedTable, "declared">,
  index: number,
  profile: ColumnProfile,
  typeOfMask: (mask: number) => ColumnType,
): ColumnType {
  const declared = table.declared?.[index];
  if (declared === undefined) return typeOfMask(profile.mask);
  return declared;
}
