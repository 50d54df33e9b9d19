// Where a row sits in its file, for the few rows a report names (examples, duplicates, errors).
// Most files hold one row per line, which the line count of file-facts.ts confirms; then a line
// is the row's position plus the header. Otherwise (cells with line breaks, blank lines, JSON
// arrays) the file is read once more, only to find the lines of the rows asked for.
import { streamCsvRows } from "../../inputs/csv-stream.ts";
import { readJsonArrayElements } from "../../inputs/json-array-file.ts";
import { readLines } from "../../inputs/read-lines.ts";
import type { TableSourceFormat } from "../types.ts";
import type { FileFacts } from "./file-facts.ts";

/** What locating rows needs to know about a loaded file. */
export interface LocatedFile {
  path: string;
  format: TableSourceFormat;
  facts: FileFacts;
  /** Line of the first row when every row is one line (CSV: the header's line + 1). */
  firstLine: number;
  /** Rows in the file; undefined when not yet known. */
  rows?: number;
}

/** Why: one row's line (see linesOfRows). */
export async function lineOfRow(file: LocatedFile, position: number): Promise<number> {
  return (await linesOfRows(file, [position])).get(position) ?? position + file.firstLine;
}

/** Why: the 1-based line where each asked row (by position from 0) starts; Parquet, DuckDB, Postgres: its row number. */
export async function linesOfRows(
  file: LocatedFile,
  positions: Iterable<number>,
): Promise<Map<number, number>> {
  const wanted = new Set(positions);
  const lines = new Map<number, number>();
  if (wanted.size === 0) return lines;
  if (
    file.format === "parquet" ||
    file.format === "duckdb" ||
    file.format === "postgres" ||
    isOneRowPerLine(file)
  ) {
    for (const position of wanted) lines.set(position, position + file.firstLine);
    return lines;
  }
  let position = 0;
  const take = (line: number) => {
    if (wanted.has(position)) lines.set(position, line);
    position += 1;
  };
  switch (file.format) {
    case "csv": {
      let header = true;
      await streamCsvRows(file.path, {}, (_cells, line) => {
        if (header) header = false;
        else take(line);
      });
      break;
    }
    case "jsonl":
      await readLines(file.path, (text, line) => {
        if (text.trim() !== "") take(line);
      });
      break;
    case "json":
      await readJsonArrayElements(file.path, (_text, line) => take(line));
      break;
  }
  return lines;
}

function isOneRowPerLine(file: LocatedFile): boolean {
  if (file.rows === undefined || file.format === "json") return false;
  const lines = file.facts.newlines + (file.facts.endsWithNewline ? 0 : 1);
  return lines === file.firstLine - 1 + file.rows;
}
