// The most frequent values of each text column on both sides, counted by the engine over every
// row: how a categorical column's mix moved (a renamed category, a new default), which per-cell
// counts do not show.
import type { CategoryStats, SchemaReport } from "../types.ts";
import { columnEncoding, stringSql } from "./cell-sql.ts";
import { cellColumn, type LoadedTable } from "./load-table.ts";
import type { TableEngine } from "./table-engine.ts";

/** Values kept per column, most frequent (on either side) first. */
export const TOP_VALUES = 10;
/** Text columns counted; wider tables keep the first ones in file order. */
export const MAX_CATEGORY_COLUMNS = 30;

/** Why: per text column on both sides, its top values with each side's count, and the totals. */
export async function countCategories(
  engine: TableEngine,
  oldTable: LoadedTable,
  newTable: LoadedTable,
  schema: SchemaReport,
): Promise<CategoryStats[]> {
  const columns = oldTable.columns
    .flatMap((column, oldIndex) => {
      const newIndex = newTable.columns.indexOf(column);
      if (newIndex === -1 || schema.types.old[column] !== "string" || schema.types.new[column] !== "string")
        return [];
      return [{ column, oldIndex, newIndex }];
    })
    .slice(0, MAX_CATEGORY_COLUMNS);
  const stats: CategoryStats[] = [];
  for (const { column, oldIndex, newIndex } of columns) {
    const oldValue = stringSql(cellColumn(oldIndex), columnEncoding(oldTable, oldIndex));
    const newValue = stringSql(cellColumn(newIndex), columnEncoding(newTable, newIndex));
    // Window totals are computed before LIMIT: every distinct value and every row count.
    const rows = await engine.rows(
      `SELECT v, sum(o) AS o, sum(n) AS n, count(*) OVER () AS distinct_values, ` +
        `sum(sum(o)) OVER () AS old_total, sum(sum(n)) OVER () AS new_total FROM (` +
        `SELECT ${oldValue} AS v, 1 AS o, 0 AS n FROM ${oldTable.table} UNION ALL ` +
        `SELECT ${newValue} AS v, 0 AS o, 1 AS n FROM ${newTable.table}) ` +
        `WHERE v IS NOT NULL GROUP BY v ORDER BY greatest(sum(o), sum(n)) DESC, v LIMIT ${TOP_VALUES}`,
    );
    if (rows.length === 0) continue;
    const [first] = rows;
    stats.push({
      column,
      distinct: Number(first[3]),
      totals: { old: Number(first[4]), new: Number(first[5]) },
      values: rows.map((row) => ({ value: String(row[0]), old: Number(row[1]), new: Number(row[2]) })),
    });
  }
  return stats;
}
