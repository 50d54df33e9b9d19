// What each side's table says about itself, over all of its rows: each column's kinds of values
// (the OR of its cells' kind bits, or the declared type) and, for numeric columns, the summary,
// quantiles and decile edges of its finite numbers — all computed by the engine.
import type { ColumnType, NumericSummary } from "../types.ts";
import { kindSql, numberSql } from "./cell-sql.ts";
import { cellColumn, type LoadedTable } from "./load-table.ts";
import type { TableEngine } from "./table-engine.ts";

/** One column of one side. */
export interface ColumnProfile {
  /** The OR of the cells' kind bits (column-types.ts). */
  mask: number;
  numbers?: { summary: NumericSummary; deciles: number[] };
}

const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** Why: the schema view needs each column's kinds; the distribution view its numbers. */
export async function profileSide(engine: TableEngine, table: LoadedTable): Promise<ColumnProfile[]> {
  if (table.columns.length === 0) return [];
  const typed = table.columns.flatMap((_, i) => {
    const cell = cellColumn(i);
    return [`${kindSql(cell, table.encoding)} AS k${i}`, `${cell}`];
  });
  const valued = table.columns.flatMap((_, i) => [
    `k${i}`,
    `(CASE WHEN isfinite(${numberSql(cellColumn(i), `k${i}`)}) THEN ${numberSql(cellColumn(i), `k${i}`)} END) AS v${i}`,
  ]);
  const aggregates = (stddev: (value: string) => string) =>
    table.columns.flatMap((_, i) => [
      `bit_or(k${i})`,
      `count(v${i})`,
      `avg(v${i})`,
      stddev(`v${i}`),
      `min(v${i})`,
      `max(v${i})`,
      `quantile_cont(v${i}, [0.01, 0.5, 0.99])`,
      `quantile_cont(v${i}, [${DECILES.join(", ")}])`,
    ]);
  const query = (stddev: (value: string) => string) =>
    engine.rows(
      `SELECT ${aggregates(stddev).join(", ")} FROM (SELECT ${valued.join(", ")} FROM (SELECT ${typed.join(", ")} FROM ${table.table}))`,
    );
  const [row] = await query((value) => `stddev_pop(${value})`).catch((error: unknown) => {
    // The engine's variance overflows past about 1e154; a column holding such numbers is measured
    // scaled down (its small values then count as 0, which cannot move a deviation that large).
    if (!/STDDEV_POP is out of range/.test(String(error))) throw error;
    return query((value) => `stddev_pop(${value} * 1e-200) * 1e200`);
  });
  return table.columns.map((_, i) => {
    const at = i * 8;
    const count = Number(row[at + 1]);
    const profile: ColumnProfile = { mask: Number(row[at] ?? 0) };
    if (count === 0) return profile;
    const [p1, p50, p99] = listOf(row[at + 6]);
    profile.numbers = {
      summary: {
        count,
        mean: Number(row[at + 2]),
        std: Number(row[at + 3]),
        min: Number(row[at + 4]),
        max: Number(row[at + 5]),
        p1,
        p50,
        p99,
      },
      deciles: listOf(row[at + 7]),
    };
    return profile;
  });
}

/** Why: PSI's bin counts per side; a value within the column's tolerance of an edge falls in that edge's bin. */
export async function binCounts(
  engine: TableEngine,
  table: LoadedTable,
  bins: { index: number; edges: number[]; tolerance: { abs: number; rel: number } }[],
): Promise<number[][]> {
  if (bins.length === 0) return [];
  const typed = bins.map(
    ({ index }, i) => `${cellColumn(index)} AS t${i}, ${kindSql(cellColumn(index), table.encoding)} AS k${i}`,
  );
  const valued = bins.map(
    (_, i) =>
      `(CASE WHEN isfinite(${numberSql(`t${i}`, `k${i}`)}) THEN ${numberSql(`t${i}`, `k${i}`)} END) AS v${i}`,
  );
  const binned = bins.map(({ edges, tolerance }, i) => {
    const value = `v${i}`;
    const within = (edge: number) =>
      `${value} <= ${edge} OR abs(${value} - ${edge}) <= greatest(${tolerance.abs}, ${tolerance.rel} * greatest(abs(${value}), ${Math.abs(edge)}))`;
    return `(CASE WHEN ${value} IS NULL THEN NULL ${edges.map((edge, e) => `WHEN ${within(edge)} THEN ${e}`).join(" ")} ELSE ${edges.length} END) AS b${i}`;
  });
  const aggregates = bins.flatMap(({ edges }, i) =>
    Array.from({ length: edges.length + 1 }, (_, e) => `count(*) FILTER (WHERE b${i} = ${e})`),
  );
  const [row] = await engine.rows(
    `SELECT ${aggregates.join(", ")} FROM (SELECT ${binned.join(", ")} FROM (SELECT ${valued.join(", ")} FROM (SELECT ${typed.join(", ")} FROM ${table.table})))`,
  );
  let at = 0;
  return bins.map(({ edges }) => {
    const counts = row.slice(at, at + edges.length + 1).map(Number);
    at += edges.length + 1;
    return counts;
  });
}

/** A column's type from its cells' kinds, or as declared (Parquet). */
export function sideColumnType(
  table: LoadedTable,
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
