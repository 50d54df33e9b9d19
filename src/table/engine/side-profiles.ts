// What each side's table says about itself, over all of its rows: each column's kinds of values
// (the OR of its cells' kind bits, or the declared type) and, for numeric columns, the summary,
// quantiles and decile edges of its finite numbers — all computed by the engine.
import type { ColumnType, NumericSummary } from "../types.ts";
import { type BinTolerance, binUpperBound, doubleSql } from "./bin-bounds.ts";
import { columnEncoding, kindSql, knownNumberSql, numberSql } from "./cell-sql.ts";
import { cellColumn, type LoadedTable } from "./load-table.ts";
import type { TableEngine } from "./table-engine.ts";

/** One column of one side. */
export interface ColumnProfile {
  /** The OR of the cells' kind bits (column-types.ts). */
  mask: number;
  /** Cell counts over all rows, which the per-column statistics of the row pairs start from. */
  cells: CellCounts;
  /** Deciles only where asked for (the old side: they are PSI's bin edges). */
  numbers?: { summary: NumericSummary; deciles?: number[] };
}

/** How many of a column's cells are present, present but null (or NaN), hold a value, hold a finite number. */
export interface CellCounts {
  present: number;
  nullish: number;
  valued: number;
  finite: number;
}

export const SUMMARY_QUANTILES = [0.01, 0.5, 0.99];
export const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
/** Aggregates per column in the profile query. */
const FIELDS = 10;

/**
 * Why: the schema view needs each column's kinds, the distribution view its numbers. One pass
 * types every cell once (the only pattern matching a side's cells get), counts, and gathers each
 * numeric column's quantiles in the same scan.
 */
export async function profileSide(
  engine: TableEngine,
  table: LoadedTable,
  options: { deciles: boolean },
): Promise<ColumnProfile[]> {
  if (table.columns.length === 0) return [];
  const typed = table.columns.map(
    (_, i) => `${kindSql(cellColumn(i), columnEncoding(table, i))} AS k${i}, ${cellColumn(i)}`,
  );
  const numbered = table.columns.map(
    (_, i) => `k${i}, ${cellColumn(i)}, ${numberSql(cellColumn(i), `k${i}`)} AS n${i}`,
  );
  const valued = table.columns.map((_, i) => `k${i}, ${cellColumn(i)}, ${finiteSql(`n${i}`)} AS v${i}`);
  // A JSON row may lack the column (SQL NULL); elsewhere every row has a cell.
  const present = (i: number) => (table.absentCells ? `${cellColumn(i)} IS NOT NULL` : "TRUE");
  const quantiles = [...SUMMARY_QUANTILES, ...(options.deciles ? DECILES : [])];
  // quantile_cont interpolates between the two values around rank (count − 1) · q, as the report
  // defines a quantile; a column without finite numbers gives NULL.
  const quantileList = `[${quantiles.map(doubleSql).join(", ")}]`;
  const aggregates = (stddev: (value: string) => string) =>
    table.columns.map(
      (_, i) =>
        `bit_or(k${i}), count(v${i}), avg(v${i}), ${stddev(`v${i}`)}, min(v${i}), max(v${i}), ` +
        `count(CASE WHEN ${present(i)} THEN 1 END), count(CASE WHEN ${present(i)} AND k${i} = 0 THEN 1 END), ` +
        `count(CASE WHEN k${i} <> 0 THEN 1 END), quantile_cont(v${i}, ${quantileList})`,
    );
  const query = (stddev: (value: string) => string) =>
    engine.rows(
      `SELECT ${aggregates(stddev).join(", ")} FROM (SELECT ${valued.join(", ")} FROM (SELECT ${numbered.join(", ")} ` +
        `FROM (SELECT ${typed.join(", ")} FROM ${table.table})))`,
    );
  const [row] = await query((value) => `stddev_pop(${value})`).catch((error: unknown) => {
    // The engine's variance overflows past about 1e154; a column holding such numbers is measured
    // scaled down (its small values then count as 0, which cannot move a deviation that large).
    if (!/STDDEV_POP is out of range/.test(String(error))) throw error;
    return query((value) => `stddev_pop(${value} * 1e-200) * 1e200`);
  });
  return table.columns.map((_, i) => {
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
    if (count === 0) return profile;
    const [p1, p50, p99, ...deciles] = listOf(row[at + 9]);
    const [mean, std, min, max] = [2, 3, 4, 5].map((offset) => Number(row[at + offset]));
    profile.numbers = {
      summary: { count, mean, std, min, max, p1, p50, p99 },
      ...(options.deciles && { deciles }),
    };
    return profile;
  });
}

/** A number that is finite, else NULL (statistics and quantiles leave NaN and ±Infinity out). */
function finiteSql(number: string): string {
  return `(CASE WHEN isfinite(${number}) THEN ${number} END)`;
}

/** Why: PSI's bin counts per side; a value within the column's tolerance of an edge falls in that edge's bin. */
export async function binCounts(
  engine: TableEngine,
  table: LoadedTable,
  bins: { index: number; mask: number; edges: number[]; tolerance: BinTolerance }[],
): Promise<number[][]> {
  if (bins.length === 0) return [];
  const valued = bins.map(
    ({ index, mask }, i) =>
      `${finiteSql(knownNumberSql(cellColumn(index), columnEncoding(table, index), mask))} AS v${i}`,
  );
  const binned = bins.map(({ edges, tolerance }, i) => {
    const bounds = edges.map((edge) => doubleSql(binUpperBound(edge, tolerance)));
    return `histogram(CASE WHEN v${i} IS NULL THEN NULL ${bounds.map((bound, e) => `WHEN v${i} <= ${bound} THEN ${e}`).join(" ")} ELSE ${edges.length} END)`;
  });
  const [row] = await engine.rows(
    `SELECT ${binned.join(", ")} FROM (SELECT ${valued.join(", ")} FROM ${table.table})`,
  );
  return bins.map(({ edges }, i) => {
    const counts: number[] = Array.from({ length: edges.length + 1 }, () => 0);
    for (const { key, value } of (row[i] as { entries?: { key: unknown; value: unknown }[] } | null)
      ?.entries ?? [])
      counts[Number(key)] = Number(value);
    return counts;
  });
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

function listOf(value: unknown): number[] {
  const items = (value as { items?: unknown[] } | null)?.items ?? [];
  return items.map(Number);
}
