// JSONL tables (`.jsonl`, `.ndjson`): one row per non-blank line, streamed and hashed in one pass.
import { TwinrunError } from "../../errors.ts";
import { snippet } from "../../inputs/json-text.ts";
import { readLines } from "../../inputs/read-lines.ts";
import type { ReadOptions } from "../../inputs/record-sink.ts";
import { parseLossless } from "../../json/parse.ts";
import type { TableFileSummary, TableRowSink } from "../read-table.ts";
import { asObjectRow, createColumnUnion } from "./object-rows.ts";

/**
 * Why: the streaming table format. Each line is parsed losslessly (ints beyond 2^53, `1.0`, and
 * the `NaN` / `Infinity` tokens Python writes all survive); blank lines are skipped, and a line
 * that is not one JSON object fails the read, naming its line.
 */
export async function readJsonlTable(
  path: string,
  sink: TableRowSink,
  options: ReadOptions = {},
): Promise<TableFileSummary> {
  const union = createColumnUnion();
  let rows = 0;
  const sha256 = await readLines(
    path,
    (text, line, validUtf8) => {
      if (isBlank(text)) return;
      if (!validUtf8) {
        throw new TwinrunError(
          "INPUT_INVALID",
          `${path}:${line}: expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)`,
        );
      }
      const row = asObjectRow(path, line, parseLine(path, line, text), "line");
      union.add(row);
      rows += 1;
      sink.row(line, row);
    },
    options,
  );
  return { columns: union.columns, rows, sha256 };
}

function parseLine(path: string, line: number, text: string): unknown {
  try {
    return parseLossless(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TwinrunError(
      "INPUT_INVALID",
      `${path}:${line}: expected one JSON object per line, found invalid JSON (${reason}); it starts: ${snippet(text)}`,
      { cause: error },
    );
  }
}

function isBlank(text: string): boolean {
  // `{` starts almost every row: skip the trim for it.
  return text.charCodeAt(0) !== 0x7b && text.trim() === "";
}
