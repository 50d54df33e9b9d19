// Test helpers for table readers: temp files and a sink that keeps every row it is given.

import type { TableFileSummary } from "../../../src/table/read-table.ts";
import { readTable } from "../../../src/table/readers/index.ts";
import type { TableFormat } from "../../../src/table/types.ts";

export { createTempFiles } from "../inputs/sample-request.ts";

/** Every row of a table file with its line, plus the reader's summary. */
export async function readAllRows(
  path: string,
  format: TableFormat,
  options: { csvStrings?: boolean; chunkBytes?: number } = {},
): Promise<{ summary: TableFileSummary; rows: [number, Record<string, unknown>][] }> {
  const rows: [number, Record<string, unknown>][] = [];
  const summary = await readTable(
    path,
    format,
    { row: (line, values) => rows.push([line, values]) },
    { csvStrings: false, ...options },
  );
  return { summary, rows };
}
