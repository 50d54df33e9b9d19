// Test helpers for loading table files through the engine: temp files, and every row of a loaded
// table (with its line) as the comparator would see it.
import { decodeCell, setCell } from "../../../src/table/engine/decode-cell.ts";
import { cellTextSql, loadTable } from "../../../src/table/engine/load-table.ts";
import { linesOfRows } from "../../../src/table/engine/row-lines.ts";
import { withTableEngine } from "../../../src/table/engine/table-engine.ts";
import type { TableFormat } from "../../../src/table/types.ts";

export { createTempFiles } from "../inputs/sample-request.ts";

/** Every row of a table file with its line, plus what loading it found. */
export async function readAllRows(
  path: string,
  format: TableFormat,
  options: { csvStrings?: boolean } = {},
): Promise<{
  summary: { columns: string[]; rows: number; sha256: string };
  rows: [number, Record<string, unknown>][];
}> {
  return withTableEngine({ memoryLimit: "256MB", threads: 1 }, async (engine) => {
    const table = await loadTable(engine, "old", path, format, options.csvStrings ?? false);
    const cells = table.columns.map((_, i) => `, ${cellTextSql(table, i)}`).join("");
    const found = await engine.rows(`SELECT rowid${cells} FROM ${table.table} ORDER BY rowid`);
    const lines = await linesOfRows(
      table,
      found.map((row) => Number(row[0])),
    );
    const rows = found.map((row): [number, Record<string, unknown>] => {
      const values: Record<string, unknown> = {};
      for (const [i, name] of table.columns.entries())
        setCell(values, name, decodeCell(row[i + 1] as string | null, table.encoding, table.absentCells));
      return [lines.get(Number(row[0])) ?? -1, values];
    });
    return { summary: { columns: table.columns, rows: table.rows, sha256: table.facts.sha256 }, rows };
  });
}
