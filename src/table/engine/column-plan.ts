// Which columns a comparison covers: every column of either side, matched by name, in the old
// side's order and then the new side's own; for each, where it sits on each side.
import { cellColumn, type LoadedTable, quoteIdentifier } from "./load-table.ts";

/** One column of the comparison. */
export interface PlannedColumn {
  name: string;
  /** Its index on each side; undefined where the side lacks the column. */
  old?: number;
  new?: number;
  /** A rule ignores the whole column: shown, never compared. */
  ignored: boolean;
}

/** Why: every later query walks the same list, so a column keeps one position throughout. */
export function planColumns(
  oldTable: Pick<LoadedTable, "columns">,
  newTable: Pick<LoadedTable, "columns">,
  ignores: (column: string) => boolean,
): PlannedColumn[] {
  const newIndex = new Map(newTable.columns.map((name, i) => [name, i]));
  const oldIndex = new Map(oldTable.columns.map((name, i) => [name, i]));
  const planned: PlannedColumn[] = oldTable.columns.map((name, i) => ({
    name,
    old: i,
    ...(newIndex.has(name) && { new: newIndex.get(name) }),
    ignored: ignores(name),
  }));
  for (const [i, name] of newTable.columns.entries()) {
    if (!oldIndex.has(name)) planned.push({ name, new: i, ignored: ignores(name) });
  }
  return planned;
}

/** The SQL of a side's cell of this column under `alias`, or NULL where the side lacks it. */
export function cellSql(column: PlannedColumn, side: "old" | "new", alias: string): string {
  const index = column[side];
  return index === undefined ? "NULL::VARCHAR" : `${alias}.${cellColumn(index)}`;
}

/** True when the side has the column on every row (CSV, Parquet) or on some (JSON). */
export function isPresentSql(
  column: PlannedColumn,
  side: "old" | "new",
  table: LoadedTable,
  alias: string,
): string {
  if (column[side] === undefined) return "FALSE";
  return table.absentCells ? `(${cellSql(column, side, alias)} IS NOT NULL)` : "TRUE";
}

export { quoteIdentifier };
