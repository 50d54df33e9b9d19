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
  // Three levels, so each cell's SQL is evaluated once per row pair (OFFSET 0 keeps a level from
  // being inlined into the next): the cells' nullness and finite values, then the distances, then
  // the counts and sums.
  const cells: string[] = [];
  const distances: string[] = [];
  const aggregates = columns.flatMap((column, i) => {
    const o = side(column, "old");
    const n = side(column, "new");
    cells.push(`${nullishSql(o.cell, o.column)} AS oz${i}`, `${nullishSql(n.cell, n.column)} AS nz${i}`);
    distances.push(`oz${i}`, `nz${i}`);
    const count = (condition: string) => `count(*) FILTER (WHERE ${condition})`;
    const numeric = [o.column, n.column].every(
      (entry): entry is PgColumn => entry !== undefined && isNumberClass(entry.valueClass),
    );
    let moved = ["NULL", "NULL", "NULL", "0"];
    if (numeric) {
      cells.push(
        `${finiteSql(o.cell, o.column as PgColumn)} AS a${i}`,
        `${finiteSql(n.cell, n.column as PgColumn)} AS b${i}`,
      );
      // Two integers are subtracted exactly (beyond 2^53 a double cannot tell them apart).
      const exact = o.column?.valueClass === "int" && n.column?.valueClass === "int";
      if (exact) cells.push(`abs((${o.cell})::numeric - (${n.cell})::numeric)::float8 AS e${i}`);
      distances.push(
        `(CASE WHEN a${i} IS NOT NULL AND b${i} IS NOT NULL THEN ${exact ? `e${i}` : `abs(a${i} - b${i})`} END) AS d${i}`,
        `greatest(abs(a${i}), abs(b${i})) AS s${i}`,
      );
      moved = [
        `max(d${i})`,
        `max(CASE WHEN s${i} = 0 THEN 0 ELSE d${i} / s${i} END)`,
        `sum(d${i})`,
        `count(d${i})`,
      ];
    }
    return [
      "count(*)",
      count(`oz${i}`),
      count(`nz${i}`),
      count(`NOT oz${i} AND nz${i}`),
      count(`oz${i} AND NOT nz${i}`),
      ...moved,
    ];
  });
  const [row] = await session.rows(
    `SELECT ${aggregates.join(", ")} FROM (SELECT ${distances.join(", ")} FROM (SELECT ${cells.join(", ")} ` +
      `FROM twinrun_pairs p JOIN ${oldTable.table} o ON o.r = p.o JOIN ${newTable.table} n ON n.r = p.n OFFSET 0) c OFFSET 0) d`,
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
