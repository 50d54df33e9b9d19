// CSV: streamed through csv-parse, hashed in the same pass. The header row names the fields;
// every later row becomes one record built by createCsvRecordBuilder.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { type CsvError, parse } from "csv-parse";
import { TwinrunError } from "../errors.ts";
import { toInputFileError } from "./assert-readable-file.ts";
import { asBytes } from "./bytes.ts";
import { createCsvRecordBuilder } from "./csv-cells.ts";
import { DEFAULT_CHUNK_BYTES, type ReadOptions, type RecordSink } from "./record-sink.ts";

/** A single cell beyond this many characters is treated as a broken quote, not buffered forever. */
const MAX_RECORD_CHARS = 64 * 1024 * 1024;

/**
 * Why: CSV is the format analysts hand over. Rows whose field count differs from the header are
 * malformed records (skippable); broken quoting is fatal in both --on-bad-input modes, because
 * after it nobody can tell where the following records start.
 * Lines are counted here from the parsed fields rather than csv-parse's `info.lines`, which
 * over-counts blank `\r\n` lines; blank lines are therefore parsed (as one empty field) and skipped
 * (in a one-column CSV an empty row looks the same and is skipped too, as pandas does).
 */
export function readCsvRecords(
  path: string,
  csvStrings: boolean,
  sink: RecordSink,
  options: ReadOptions = {},
): Promise<string> {
  const hash = createHash("sha256");
  const file = createReadStream(path, { highWaterMark: options.chunkBytes ?? DEFAULT_CHUNK_BYTES });
  const parser = parse({ bom: true, relax_column_count: true, max_record_size: MAX_RECORD_CHARS });
  let nextLine = 1;
  let header: string[] | undefined;
  let buildRecord: ((cells: string[]) => string) | undefined;

  const handleRow = (cells: string[]): void => {
    const line = nextLine;
    nextLine += 1 + countNewlines(cells);
    if (cells.length === 1 && cells[0] === "") return;
    if (header === undefined || buildRecord === undefined) {
      header = readHeader(path, line, cells);
      buildRecord = createCsvRecordBuilder(header, csvStrings);
      return;
    }
    if (cells.length !== header.length) {
      sink.reject(line, `expected ${header.length} fields (as in the header), found ${cells.length}`);
      return;
    }
    sink.accept(line, buildRecord(cells));
  };

  return new Promise<string>((resolve, reject) => {
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
      resolve(hash.digest("hex"));
    });
    file.pipe(parser);
  });
}

function readHeader(path: string, line: number, cells: string[]): string[] {
  const seen = new Set<string>();
  for (const name of cells) {
    if (seen.has(name)) {
      throw new TwinrunError(
        "INPUT_INVALID",
        `${path}:${line}: the CSV header names the field ${JSON.stringify(name)} twice; ` +
          `expected unique field names (rename one of the columns)`,
      );
    }
    seen.add(name);
  }
  return cells;
}

function toCsvSyntaxError(path: string, line: number, error: unknown): TwinrunError {
  if (error instanceof TwinrunError) return error;
  const code = (error as Partial<CsvError>).code;
  const detail =
    code === "CSV_QUOTE_NOT_CLOSED"
      ? "a quoted field opened in this record is never closed"
      : code === "CSV_MAX_RECORD_SIZE"
        ? `a record is longer than ${MAX_RECORD_CHARS} characters (probably an unclosed quote)`
        : `broken CSV quoting (${error instanceof Error ? error.message : String(error)})`;
  return new TwinrunError(
    "INPUT_INVALID",
    `${path}:${line}: ${detail}; the records after it cannot be located, so this cannot be skipped: ` +
      `fix the quoting (a quote inside a quoted field is written as "")`,
    { cause: error },
  );
}

function countNewlines(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    let at = cell.indexOf("\n");
    while (at !== -1) {
      count += 1;
      at = cell.indexOf("\n", at + 1);
    }
  }
  return count;
}
