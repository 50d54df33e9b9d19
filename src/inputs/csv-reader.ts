// CSV: streamed through the shared CSV pass (csv-stream.ts), hashed as it is read. The header row
// names the fields; every later row becomes one record built by createCsvRecordBuilder.
import { createCsvRecordBuilder } from "./csv-cells.ts";
import { assertUniqueCsvHeader, csvFieldCountProblem } from "./csv-parsing.ts";
import { streamCsvRows } from "./csv-stream.ts";
import type { ReadOptions, RecordSink } from "./record-sink.ts";

/**
 * Why: CSV is the format analysts hand over. Rows whose field count differs from the header are
 * malformed records (skippable); broken quoting is fatal in both --on-bad-input modes, because
 * after it nobody can tell where the following records start. Blank lines are no records (see
 * csv-parsing.ts for how lines are counted). Resolves with the file's sha256.
 */
export function readCsvRecords(
  path: string,
  csvStrings: boolean,
  sink: RecordSink,
  options: ReadOptions = {},
): Promise<string> {
  let header: { width: number; buildRecord: (cells: string[]) => string } | undefined;
  return streamCsvRows(path, { ...options, skipsBadRows: true }, (cells, line) => {
    if (header === undefined) {
      assertUniqueCsvHeader(path, line, cells, "field");
      header = { width: cells.length, buildRecord: createCsvRecordBuilder(cells, csvStrings) };
    } else if (cells.length !== header.width) {
      sink.reject(line, csvFieldCountProblem(header.width, cells.length));
    } else {
      sink.accept(line, header.buildRecord(cells));
    }
  });
}
