// Per-column statistics over the matched row pairs, computed by the database in one pass: rows
// compared, nulls per side, null↔value changes, and how far numbers moved (noise included), with
// the meanings of the embedded engine's (engine/column-stats.ts).
import type { PlannedColumn } from "../engine/column-plan.ts";
import { finiteSql, isNumberClass, nullishSql, type PgColumn } from "./pg-cells.ts";
import type { PgSession } from "./pg-session.ts";
import { type PgTable, pgCell } from "./pg-tables.ts";

/** One column's statistics before `changed` (the comparator's count) joins them. */
export interface PgColumnStats {
  column: string;
  compared: number;
  maxAbs?: number;
  maxRel?: number;
  meanAbs?: number;
  nulls: { old: number; new: number };
  nullChanges: { toNull: number; fromNull: number };
}

const FIELDS = 9;

/** Why: the report's per-column table without bringing a single row out of the database. */
export async function pgColumnStats(
  session: PgSession,
  oldTable: PgTable,
  newTable: PgTable,
  columns: PlannedColumn[],
): Promise<PgColumnStats[]> {
  if (columns.length === 0) return [];
  const side = (column: PlannedColumn, which: "old" | "new") => {
    const index = column[which];
    const table = which === "old" ? oldTable : newTable;
    const alias = which === "old" ? "o" : "n";
    return index === undefined
      ? { cell: "NULL", column: undefined }
      : { cell: `${alias}.${pgCell(index)}`, column: table.columns[index] };
  };
  const aggregates = columns.flatMap((column) => {
    const o = side(column, "old");
    const n = side(column, "new");
    const [oz, nz] = [nullishSql(o.cell, o.column), nullishSql(n.cell, n.column)];
    const count = (condition: string) => `count(*) FILTER (WHERE ${condition})`;
    const numeric = [o.column, n.column].every(
      (entry): entry is PgColumn => entry !== undefined && isNumberClass(entry.valueClass),
    );
    let moved = ["NULL", "NULL", "NULL", "0"];
    if (numeric) {
      const [a, b] = [finiteSql(o.cell, o.column as PgColumn), finiteSql(n.cell, n.column as PgColumn)];
      // Two integers are subtracted exactly (beyond 2^53 a double cannot tell them apart).
      const exact =
        o.column?.valueClass === "int" && n.column?.valueClass === "int"
          ? `abs((${o.cell})::numeric - (${n.cell})::numeric)::float8`
          : `abs(${a} - ${b})`;
      const distance = `(CASE WHEN ${a} IS NOT NULL AND ${b} IS NOT NULL THEN ${exact} END)`;
      const scale = `greatest(abs(${a}), abs(${b}))`;
      moved = [
        `max(${distance})`,
        `max(CASE WHEN ${scale} = 0 THEN 0 ELSE ${distance} / ${scale} END)`,
        `sum(${distance})`,
        `count(${distance})`,
      ];
    }
    return [
      "count(*)",
      count(oz),
      count(nz),
      count(`NOT ${oz} AND ${nz}`),
      count(`${oz} AND NOT ${nz}`),
      ...moved,
    ];
  });
  const [row] = await session.rows(
    `SELECT ${aggregates.join(", ")} FROM twinrun_pairs p JOIN ${oldTable.table} o ON o.r = p.o JOIN ${newTable.table} n ON n.r = p.n`,
  );
  return columns.map((column, i) => {
    const at = i * FIELDS;
    const number = (value: unknown) => (value === null ? 0 : Number(value));
    const numericPairs = number(row[at + 8]);
    return {
      column: column.name,
      compared: number(row[at]),
      ...(numericPairs > 0 && {
        maxAbs: Math.max(number(row[at + 5]), 0),
        maxRel: Math.max(number(row[at + 6]), 0),
        meanAbs: number(row[at + 7]) / numericPairs,
      }),
      nulls: { old: number(row[at + 1]), new: number(row[at + 2]) },
      nullChanges: { toNull: number(row[at + 3]), fromNull: number(row[at + 4]) },
    };
  });
}
