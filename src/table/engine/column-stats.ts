// Per-column statistics over the matched row pairs, in one engine query: how many rows compared,
// nulls per side, null↔value changes, and how far numbers moved (in-tolerance noise included).
import type { ColumnStats } from "../types.ts";
import { knownKindSql, numberSql } from "./cell-sql.ts";
import { cellSql, isPresentSql, type PlannedColumn } from "./column-plan.ts";
import type { LoadedTable } from "./load-table.ts";
import type { TableEngine } from "./table-engine.ts";

/** What the query gives per column, before `changed` (the comparator's count) joins it. */
export type PairColumnStats = Omit<ColumnStats, "changed" | "ignored"> & {
  /** Pairs where both cells hold a value (not null, absent or NaN). */
  bothValues: number;
};

const FIELDS = 9;

/** Why: the report's per-column table without bringing a single row into JavaScript. */
export async function pairColumnStats(
  engine: TableEngine,
  oldTable: LoadedTable,
  newTable: LoadedTable,
  columns: PlannedColumn[],
  masks: { old: number[]; new: number[] },
): Promise<PairColumnStats[]> {
  if (columns.length === 0) return [];
  // Four layers, so each cell is typed once: kinds and texts, numbers, distances, then sums. The
  // sides' kind masks (from their profiles) spare most columns any pattern matching.
  const typed = columns.flatMap((column, i) => {
    const oldCell = cellSql(column, "old", "o");
    const newCell = cellSql(column, "new", "n");
    const oldKind =
      column.old === undefined ? "0" : knownKindSql(oldCell, oldTable.encoding, masks.old[column.old]);
    const newKind =
      column.new === undefined ? "0" : knownKindSql(newCell, newTable.encoding, masks.new[column.new]);
    return [
      `${oldCell} AS ot${i}`,
      `${newCell} AS nt${i}`,
      `${oldKind} AS ok${i}`,
      `${newKind} AS nk${i}`,
      `(${isPresentSql(column, "old", oldTable, "o")} OR ${isPresentSql(column, "new", newTable, "n")}) AS p${i}`,
    ];
  });
  const numbered = columns.flatMap((_, i) => [
    `ot${i}`,
    `nt${i}`,
    `ok${i}`,
    `nk${i}`,
    `p${i}`,
    `${numberSql(`ot${i}`, `ok${i}`)} AS on${i}`,
    `${numberSql(`nt${i}`, `nk${i}`)} AS nn${i}`,
  ]);
  const valued = columns.flatMap((_, i) => {
    const oldNumber = `on${i}`;
    const newNumber = `nn${i}`;
    // Integers beyond 2^53 differ by less than a double can tell; subtract them exactly.
    const exact = `abs(TRY_CAST(ot${i} AS HUGEINT) - TRY_CAST(nt${i} AS HUGEINT))::DOUBLE`;
    return [
      `p${i}`,
      `(ok${i} = 0) AS oz${i}`,
      `(nk${i} = 0) AS nz${i}`,
      `(CASE WHEN isfinite(${oldNumber}) AND isfinite(${newNumber}) THEN ` +
        `CASE WHEN ok${i} = 1 AND nk${i} = 1 AND (length(ot${i}) > 15 OR length(nt${i}) > 15) ` +
        `THEN coalesce(${exact}, abs(${oldNumber} - ${newNumber})) ELSE abs(${oldNumber} - ${newNumber}) END END) AS d${i}`,
      `greatest(abs(${oldNumber}), abs(${newNumber})) AS s${i}`,
    ];
  });
  const aggregates = columns.flatMap((_, i) => [
    `count(*) FILTER (WHERE p${i})`,
    `count(*) FILTER (WHERE p${i} AND oz${i})`,
    `count(*) FILTER (WHERE p${i} AND nz${i})`,
    `count(*) FILTER (WHERE p${i} AND NOT oz${i} AND nz${i})`,
    `count(*) FILTER (WHERE p${i} AND oz${i} AND NOT nz${i})`,
    `count(d${i})`,
    `max(d${i})`,
    `max(CASE WHEN s${i} = 0 THEN 0 ELSE d${i} / s${i} END)`,
    `sum(d${i})`,
    `count(*) FILTER (WHERE NOT oz${i} AND NOT nz${i})`,
  ]);
  const [row] = await engine.rows(
    `SELECT ${aggregates.join(", ")} FROM (SELECT ${valued.join(", ")} FROM (SELECT ${numbered.join(", ")} FROM (SELECT ${typed.join(", ")} ` +
      `FROM pairs p JOIN ${oldTable.table} o ON o.rowid = p.o JOIN ${newTable.table} n ON n.rowid = p.n)))`,
  );
  return columns.map((column, i) => {
    const at = i * (FIELDS + 1);
    const number = (value: unknown) => (value === null ? 0 : Number(value));
    const numericPairs = number(row[at + 5]);
    return {
      column: column.name,
      compared: number(row[at]),
      ...(numericPairs > 0 && {
        maxAbs: number(row[at + 6]),
        maxRel: number(row[at + 7]),
        meanAbs: number(row[at + 8]) / numericPairs,
      }),
      nulls: { old: number(row[at + 1]), new: number(row[at + 2]) },
      nullChanges: { toNull: number(row[at + 3]), fromNull: number(row[at + 4]) },
      bothValues: number(row[at + 9]),
    };
  });
}
