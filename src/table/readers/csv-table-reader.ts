// CSV tables: streamed through csv-parse and hashed in the same pass. The header row names the
// columns; every later row becomes one table row, typed as CSV input records are.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { toInputFileError } from "../../inputs/assert-readable-file.ts";
import { asBytes } from "../../inputs/bytes.ts";
import { DEFAULT_CHUNK_BYTES, type ReadOptions } from "../../inputs/record-sink.ts";
import type { ReadTableOptions, TableFileSummary, TableRowSink } from "../read-table.ts";
import {
  assertUniqueCsvHeader,
  countCsvLines,
  createCsvParser,
  fieldCountError,
  isBlankCsvRow,
  toCsvSyntaxError,
} from "./csv-parsing.ts";
import { createCsvRowBuilder } from "./csv-row-values.ts";

/**
 * Why: CSV is the table format analysts hand over. A table has no "skip bad rows" mode: a row
 * whose field count differs from the header fails the read, as does broken quoting, because a
 * comparison over silently dropped rows would report them as missing.
 */
export function readCsvTable(
  path: string,
  sink: TableRowSink,
  options: ReadTableOptions & ReadOptions,
): Promise<TableFileSummary> {
  const hash = createHash("sha256");
  const file = createReadStream(path, { highWaterMark: options.chunkBytes ?? DEFAULT_CHUNK_BYTES });
  const parser = createCsvParser();
  let nextLine = 1;
  let header: string[] | undefined;
  let buildRow: ((cells: readonly string[]) => Record<string, unknown>) | undefined;
  let rows = 0;

  const handleRow = (cells: string[]): void => {
    const line = nextLine;
    nextLine += countCsvLines(cells);
    if (isBlankCsvRow(cells)) return;
    if (buildRow === undefined || header === undefined) {
      assertUniqueCsvHeader(path, line, cells);
      header = cells;
      buildRow = createCsvRowBuilder(cells, options.csvStrings);
      return;
    }
    if (cells.length !== header.length) throw fieldCountError(path, line, header.length, cells.length);
    rows += 1;
    sink.row(line, buildRow(cells));
  };

  return new Promise<TableFileSummary>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      file.destroy();
      parser.destroy();
      reject(error);
    };
    file.on("data", (chunk) => hash.update(asBytes(chunk as Buffer)));
    file.on("error", (error) => fail(toInputFileError(path, error)));
    parser.on("data", (cells: string[]) => {
      if (settled) return;
      try {
        handleRow(cells);
      } catch (error) {
        fail(error);
      }
    });
    parser.on("error", (error) => fail(toCsvSyntaxError(path, nextLine, error)));
    parser.on("end", () => {
      if (settled) return;
      settled = true;
      resolve({ columns: header ?? [], rows, sha256: hash.digest("hex") });
    });
    file.pipe(parser);
  });
}
