// One numeric column's finite numbers, sorted once inside the engine (a table whose row i holds the
// i-th smallest): every exact quantile is then two values read by position, and PSI's bin counts
// are counts of values up to a bound. One column at a time, so memory holds one column's numbers
// whatever the table's width.
import { type BinTolerance, binUpperBound, doubleSql } from "./bin-bounds.ts";
import { columnEncoding, knownNumberSql } from "./cell-sql.ts";
import { cellColumn, type LoadedTable } from "./load-table.ts";
import type { TableEngine } from "./table-engine.ts";

const SORTED_TABLE = "profile_sorted";

/** A column's sorted finite numbers in the engine, while `use` runs. */
export interface SortedNumbers {
  /** How many there are. */
  count: number;
  /** Exact quantiles, as quantile_cont defines them. */
  quantiles(levels: readonly number[]): Promise<number[]>;
  /** Values per bin: bin i holds values at most edges[i] or within tolerance of it, the last bin the rest. */
  binCounts(edges: readonly number[], tolerance: BinTolerance): Promise<number[]>;
}

/**
 * Why: the report's quantiles are exact, and one sort per column costs a fraction of the engine's
 * quantile aggregate over many levels; the sorted numbers also count PSI's bins without a scan of
 * the cells. `mask` is the column's kind mask (its profile's), so no cell is typed again.
 */
export async function withSortedNumbers<T>(
  engine: TableEngine,
  table: LoadedTable,
  index: number,
  mask: number,
  use: (sorted: SortedNumbers) => Promise<T>,
): Promise<T> {
  const number = knownNumberSql(cellColumn(index), columnEncoding(table, index), mask);
  // Rows are kept in the order the query gives (the engine preserves insertion order): rowid is rank.
  await engine.run(
    `CREATE OR REPLACE TABLE ${SORTED_TABLE} AS SELECT v FROM (SELECT ${number} AS v FROM ${table.table}) ` +
      "WHERE isfinite(v) ORDER BY v",
  );
  try {
    const [[count]] = await engine.rows(`SELECT count(*) FROM ${SORTED_TABLE}`);
    return await use({
      count: Number(count),
      quantiles: (levels) => sortedQuantiles(engine, Number(count), levels),
      binCounts: (edges, tolerance) => sortedBinCounts(engine, Number(count), edges, tolerance),
    });
  } finally {
    await engine.run(`DROP TABLE IF EXISTS ${SORTED_TABLE}`);
  }
}

/** Where a quantile falls among n sorted values: the two ranks around (n − 1) · q and the share between. */
export function quantileRanks(count: number, level: number): { low: number; high: number; fraction: number } {
  const rank = (count - 1) * level;
  const low = Math.floor(rank);
  return { low, high: Math.ceil(rank), fraction: rank - low };
}

/** Why: quantile_cont's interpolation, step for step, so the figures are the engine's to the last bit. */
export function interpolate(low: number, high: number, fraction: number): number {
  return low * (1 - fraction) + high * fraction;
}

async function sortedQuantiles(
  engine: TableEngine,
  count: number,
  levels: readonly number[],
): Promise<number[]> {
  if (count === 0) return levels.map(() => Number.NaN);
  const ranks = levels.map((level) => quantileRanks(count, level));
  const wanted = [...new Set(ranks.flatMap(({ low, high }) => [low, high]))];
  const found = await engine.rows(
    `SELECT rowid, v FROM ${SORTED_TABLE} WHERE rowid IN (${wanted.join(", ")})`,
  );
  const valueAt = new Map(found.map(([rank, value]) => [Number(rank), Number(value)]));
  const at = (rank: number) => valueAt.get(rank) ?? Number.NaN;
  return ranks.map(({ low, high, fraction }) =>
    low === high ? at(low) : interpolate(at(low), at(high), fraction),
  );
}

async function sortedBinCounts(
  engine: TableEngine,
  count: number,
  edges: readonly number[],
  tolerance: BinTolerance,
): Promise<number[]> {
  // A value falls in the first bin whose bound it is at most: bin i holds the values above every
  // earlier bound and at most its own, so with the bounds' running maximum m, bin i counts
  // (values ≤ m[i]) − (values ≤ m[i − 1]).
  const bounds: number[] = [];
  for (const edge of edges) {
    const bound = binUpperBound(edge, tolerance);
    bounds.push(bounds.length === 0 ? bound : Math.max(bounds[bounds.length - 1], bound));
  }
  const atMost = await countAtMost(engine, count, bounds);
  return [...atMost.map((upTo, i) => upTo - (i === 0 ? 0 : atMost[i - 1])), count - (atMost.at(-1) ?? 0)];
}

/** Values read per bound and round of the search. */
const PROBES = 64;

/**
 * How many sorted values are at most each bound: a search over ranks, all bounds at once, that
 * reads PROBES values per bound and round by position (a few rounds, whatever the count), instead
 * of comparing every value with every bound.
 */
async function countAtMost(engine: TableEngine, count: number, bounds: readonly number[]): Promise<number[]> {
  // The answer for bound b lies in [low, high]: values before low are ≤ b, values from high on are > b.
  const low = bounds.map(() => 0);
  const high = bounds.map(() => count);
  for (;;) {
    const probes = bounds.map((_, b) => probeRanks(low[b], high[b]));
    const wanted = [...new Set(probes.flat())];
    if (wanted.length === 0) return low;
    const found = await engine.rows(
      `SELECT rowid, v FROM ${SORTED_TABLE} WHERE rowid IN (${wanted.join(", ")})`,
    );
    const valueAt = new Map(found.map(([rank, value]) => [Number(rank), Number(value)]));
    for (const [b, bound] of bounds.entries()) {
      for (const rank of probes[b]) {
        if ((valueAt.get(rank) ?? Number.NaN) <= bound) low[b] = Math.max(low[b], rank + 1);
        else high[b] = Math.min(high[b], rank);
      }
    }
  }
}

/** Ranks to read in [low, high): all of them when few, else PROBES spread evenly from low. */
function probeRanks(low: number, high: number): number[] {
  const size = high - low;
  if (size <= 0) return [];
  if (size <= PROBES) return Array.from({ length: size }, (_, i) => low + i);
  return Array.from({ length: PROBES }, (_, i) => low + Math.floor((size * i) / PROBES));
}
