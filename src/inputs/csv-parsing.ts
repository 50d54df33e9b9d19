// The CSV rules every CSV pass shares (input sources, tables, sample writing): one parser
// configuration, how lines are counted, which header is acceptable, and how errors are worded.
import { type CsvError, type Parser, parse } from "csv-parse";
import { TwinrunError } from "../errors.ts";

/** A single cell beyond this many characters is treated as a broken quote, not buffered forever. */
export const MAX_CSV_RECORD_CHARS = 64 * 1024 * 1024;

/**
 * Why: every CSV pass must split records identically, or a record index from the sampler would
 * name another row in the sample writer. `withByteOffsets` adds csv-parse's `info` (the byte where
 * each record ends, delimiter included), which the sample writer needs to copy rows byte for byte.
 */
export function createCsvParser(withByteOffsets = false): Parser {
  return parse({
    bom: true,
    relax_column_count: true,
    max_record_size: MAX_CSV_RECORD_CHARS,
    ...(withByteOffsets ? { info: true } : {}),
  });
}

/**
 * Why: csv-parse's own line count over-counts blank `\r\n` lines, so lines are counted from the
 * parsed cells: a record spans 1 + (newlines inside its cells) lines.
 */
export function countCsvLines(cells: readonly string[]): number {
  let count = 1;
  for (const cell of cells) {
    let at = cell.indexOf("\n");
    while (at !== -1) {
      count += 1;
      at = cell.indexOf("\n", at + 1);
    }
  }
  return count;
}

/** Why: a blank line parses as one empty cell; it is no record (in a one-column CSV too, as pandas reads it). */
export function isBlankCsvRow(cells: readonly string[]): boolean {
  return cells.length === 1 && cells[0] === "";
}

/**
 * Why: a name given twice cannot become an object key twice; the user has to rename one.
 * `noun` is what the caller's rows call a header name (an input record's "field", a table's "column").
 */
export function assertUniqueCsvHeader(
  path: string,
  line: number,
  cells: readonly string[],
  noun: "field" | "column",
): void {
  const seen = new Set<string>();
  for (const name of cells) {
    if (seen.has(name)) {
      throw new TwinrunError(
        "INPUT_INVALID",
        `${path}:${line}: the CSV header names the ${noun} ${JSON.stringify(name)} twice; ` +
          `expected unique ${noun} names (rename one of the columns)`,
      );
    }
    seen.add(name);
  }
}

/** Why: a row that does not fit the header is a malformed record; the input sampler may skip it. */
export function csvFieldCountProblem(expected: number, found: number): string {
  return `expected ${expected} fields (as in the header), found ${found}`;
}

/** Why: where such a row fails the read, say where, how many, and how to fix it. */
export function csvFieldCountError(
  path: string,
  line: number,
  expected: number,
  found: number,
): TwinrunError {
  return new TwinrunError(
    "INPUT_INVALID",
    `${path}:${line}: ${csvFieldCountProblem(expected, found)}; ` +
      `quote cells that contain a comma and give every row the header's number of fields`,
  );
}

/**
 * Why: after broken quoting nobody can tell where later rows start, so the message says how to fix
 * the quote. `skipsBadRows` marks a caller that could skip malformed rows (an input source under
 * --on-bad-input skip): its message also says why this one cannot be skipped.
 */
export function toCsvSyntaxError(
  path: string,
  line: number,
  error: unknown,
  skipsBadRows = false,
): TwinrunError {
  if (error instanceof TwinrunError) return error;
  const code = (error as Partial<CsvError>).code;
  const detail =
    code === "CSV_QUOTE_NOT_CLOSED"
      ? "a quoted field opened in this record is never closed"
      : code === "CSV_MAX_RECORD_SIZE"
        ? `a record is longer than ${MAX_CSV_RECORD_CHARS} characters (probably an unclosed quote)`
        : `broken CSV quoting (${error instanceof Error ? error.message : String(error)})`;
  const why = skipsBadRows ? "the records after it cannot be located, so this cannot be skipped: " : "";
  return new TwinrunError(
    "INPUT_INVALID",
    `${path}:${line}: ${detail}; ${why}fix the quoting (a quote inside a quoted field is written as "")`,
    { cause: error },
  );
}
