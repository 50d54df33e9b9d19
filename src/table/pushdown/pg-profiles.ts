// What each side says about itself over all of its rows, computed by the database: the numeric
// columns' summaries, quantiles and (old side) decile edges, PSI's bin counts, and the top values
// of the text columns — with the embedded engine's definitions (engine/side-profiles.ts,
// category-counts.ts), so both engines report the same distributions.
import { type BinTolerance, binUpperBound } from "../engine/bin-bounds.ts";
import { MAX_CATEGORY_COLUMNS, TOP_VALUES } from "../engine/category-counts.ts";
import { DECILES, SUMMARY_QUANTILES } from "../engine/side-profiles.ts";
import type { CategoryStats, NumericSummary, SchemaReport } from "../types.ts";
import { finiteSql, isNumberClass, jsonTextSql } from "./pg-cells.ts";
import type { PgSession } from "./pg-session.ts";
import { type PgTable, pgCell } from "./pg-tables.ts";
import { SqlParams } from "./sql-params.ts";

/** A numeric column's numbers on one side (undefined for columns without a finite number). */
export interface PgNumbers {
  summary: NumericSummary;
  deciles?: number[];
}

/** Why: the distribution view's inputs for every numeric column of a side, in two passes. */
export async function profilePgSide(
  session: PgSession,
  table: PgTable,
  options: { deciles: boolean },
): Promise<(PgNumbers | undefined)[]> {
  const numeric = table.columns.flatMap((column, index) => (isNumberClass(column.valueClass) ? [index] : []));
  const profiles: (PgNumbers | undefined)[] = table.columns.map(() => undefined);
  if (numeric.length === 0) return profiles;
  const value = (index: number) => finiteSql(pgCell(index), table.columns[index]);
  // Each finite value is computed once per row (OFFSET 0 keeps the subquery from being inlined).
  const [row] = await session.rows(
    `SELECT ${numeric
      .map((_, i) => `count(v${i}), avg(v${i}), stddev_pop(v${i}), min(v${i}), max(v${i})`)
      .join(
        ", ",
      )} FROM (SELECT ${numeric.map((index, i) => `${value(index)} AS v${i}`).join(", ")} FROM ${table.table} OFFSET 0) v`,
  );
  const counted = numeric.map((index, i) => ({
    index,
    count: Number(row[i * 5]),
    mean: Number(row[i * 5 + 1]),
    std: Number(row[i * 5 + 2]),
    min: Number(row[i * 5 + 3]),
    max: Number(row[i * 5 + 4]),
  }));
  const present = counted.filter((column) => column.count > 0);
  if (present.length === 0) return profiles;
  const quantiles = [...SUMMARY_QUANTILES, ...(options.deciles ? DECILES : [])];
  const params = new SqlParams();
  const asked = present.map((column) => quantilePositions(column.count, quantiles));
  // percentile_disc(f) is the value at position ceil(count · f) − 1, as the embedded engine's
  // quantile_disc: half a position above one position lands on it, safe from rounding.
  const [found] = await session.rows(
    `SELECT ${present
      .map(
        (column, i) =>
          `array_to_json(percentile_disc(${params.bind(
            asked[i].map((position) => (position + 0.5) / column.count),
            "float8[]",
          )}) WITHIN GROUP (ORDER BY ${value(column.index)}))::text`,
      )
      .join(", ")} FROM ${table.table}`,
    params.values,
  );
  present.forEach((column, i) => {
    const values = (JSON.parse(String(found[i])) as unknown[]).map(Number);
    const at = new Map(asked[i].map((position, p) => [position, values[p]]));
    const [p1, p50, p99, ...deciles] = quantiles.map((q) => interpolatedQuantile(at, column.count, q));
    const { count, mean, std, min, max } = column;
    profiles[column.index] = {
      summary: { count, mean, std, min, max, p1, p50, p99 },
      ...(options.deciles && { deciles }),
    };
  });
  return profiles;
}

/** Why: PSI's bin counts per side; a value within the column's tolerance of an edge falls in that edge's bin. */
export async function pgBinCounts(
  session: PgSession,
  table: PgTable,
  bins: { index: number; edges: number[]; tolerance: BinTolerance }[],
): Promise<number[][]> {
  if (bins.length === 0) return [];
  const params = new SqlParams();
  // A row's finite value, then its bin, each computed once per column (OFFSET 0 keeps each level
  // from being inlined into the counts, which would evaluate the bin once per count).
  const values = bins.map(({ index }, b) => `${finiteSql(pgCell(index), table.columns[index])} AS v${b}`);
  const binned = bins.map(({ edges, tolerance }, b) => {
    const bounds = edges.map((edge) => params.bind(binUpperBound(edge, tolerance), "float8"));
    return `(CASE WHEN v${b} IS NULL THEN NULL ${bounds.map((bound, e) => `WHEN v${b} <= ${bound} THEN ${e}`).join(" ")} ELSE ${edges.length} END) AS b${b}`;
  });
  const aggregates = bins.flatMap(({ edges }, b) =>
    Array.from({ length: edges.length + 1 }, (_, e) => `count(*) FILTER (WHERE b${b} = ${e})`),
  );
  const [row] = await session.rows(
    `SELECT ${aggregates.join(", ")} FROM (SELECT ${binned.join(", ")} FROM ` +
      `(SELECT ${values.join(", ")} FROM ${table.table} OFFSET 0) v OFFSET 0) b`,
    params.values,
  );
  let at = 0;
  return bins.map(({ edges }) => Array.from({ length: edges.length + 1 }, () => Number(row[at++])));
}

/** Why: per text column on both sides, its top values with each side's count, and the totals. */
export async function pgCategories(
  session: PgSession,
  oldTable: PgTable,
  newTable: PgTable,
  schema: SchemaReport,
): Promise<CategoryStats[]> {
  const stringOf = (table: PgTable, index: number) => {
    const column = table.columns[index];
    return column.valueClass === "text"
      ? `(${pgCell(index)})::text`
      : `(${jsonTextSql(pgCell(index), column)})::json #>> '{}'`;
  };
  const columns = oldTable.columns
    .flatMap((column, oldIndex) => {
      const newIndex = newTable.columns.findIndex((entry) => entry.name === column.name);
      const name = column.name;
      if (newIndex === -1 || schema.types.old[name] !== "string" || schema.types.new[name] !== "string")
        return [];
      return [{ name, oldIndex, newIndex }];
    })
    .slice(0, MAX_CATEGORY_COLUMNS);
  const stats: CategoryStats[] = [];
  for (const { name, oldIndex, newIndex } of columns) {
    const params = new SqlParams();
    const rows = await session.rows(
      "SELECT v, sum(o), sum(n), count(*) OVER (), sum(sum(o)) OVER (), sum(sum(n)) OVER () FROM (" +
        `SELECT ${stringOf(oldTable, oldIndex)} AS v, 1 AS o, 0 AS n FROM ${oldTable.table} UNION ALL ` +
        `SELECT ${stringOf(newTable, newIndex)} AS v, 0 AS o, 1 AS n FROM ${newTable.table}) t ` +
        `WHERE v IS NOT NULL GROUP BY v ORDER BY greatest(sum(o), sum(n)) DESC, v COLLATE "C" LIMIT ${params.bind(TOP_VALUES, "int")}`,
      params.values,
    );
    if (rows.length === 0) continue;
    const [first] = rows;
    stats.push({
      column: name,
      distinct: Number(first[3]),
      totals: { old: Number(first[4]), new: Number(first[5]) },
      values: rows.map((row) => ({ value: String(row[0]), old: Number(row[1]), new: Number(row[2]) })),
    });
  }
  return stats;
}

/** The positions (from 0, ascending) whose values give the quantiles by interpolation. */
function quantilePositions(count: number, quantiles: readonly number[]): number[] {
  const positions = new Set<number>();
  for (const q of quantiles) {
    const rank = (count - 1) * q;
    positions.add(Math.floor(rank));
    positions.add(Math.ceil(rank));
  }
  return [...positions].sort((a, b) => a - b);
}

/**
 * The interpolated quantile from the two sorted values around its rank (count − 1) · q, computed
 * as the embedded engine's quantile_cont computes it, so both engines report the same quantiles.
 */
function interpolatedQuantile(at: Map<number, number>, count: number, q: number): number {
  const rank = (count - 1) * q;
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  const low = at.get(below) ?? Number.NaN;
  if (below === above) return low;
  const high = at.get(above) ?? Number.NaN;
  const fraction = rank - below;
  return low * (1 - fraction) + high * fraction;
}
