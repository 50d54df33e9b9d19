// CSV tables: streamed through the shared CSV pass (inputs/csv-stream.ts), hashed as they are read.
// The header row names the columns; every later row becomes one table row, typed as CSV input
// records are.
import { assertUniqueCsvHeader, csvFieldCountError } from "../../inputs/csv-parsing.ts";
import { streamCsvRows } from "../../inputs/csv-stream.ts";
import type { ReadOptions } from "../../inputs/record-sink.ts";
import type { ReadTableOptions, TableFileSummary, TableRowSink } from "../read-table.ts";
import { createCsvRowBuilder } from "./csv-row-values.ts";

/**
 * Why: CSV is the table format analysts hand over. A table has no "skip bad rows" mode: a row
 * whose field count differs from the header fails the read, as does broken quoting, because a
 * comparison over silently dropped rows would report them as missing.
 */
export async function readCsvTable(
  path: string,
  sink: TableRowSink,
  options: ReadTableOptions & ReadOptions,
): Promise<TableFileSummary> {
  let columns: string[] = [];
  let buildRow: ((cells: readonly string[]) => Record<string, unknown>) | undefined;
  let rows = 0;
  const sha256 = await streamCsvRows(path, options, (cells, line) => {
    if (buildRow === undefined) {
      assertUniqueCsvHeader(path, line, cells, "column");
      columns = cells;
      buildRow = createCsvRowBuilder(cells, options.csvStrings);
    } else if (cells.length !== columns.length) {
      throw csvFieldCountError(path, line, columns.length, cells.length);
    } else {
      rows += 1;
      sink.row(line, buildRow(cells));
    }
  });
  return { columns, rows, sha256 };
}
