// Records (JSON object texts) as CSV rows: the header is the union of the records' keys in order of
// first appearance; each cell is the value's text as it stands in the record.
import { TwinrunError } from "../errors.ts";
import type { InputRecord } from "../inputs/types.ts";
import { parseLossless } from "../json/parse.ts";
import { stringifyLossless } from "../json/stringify.ts";
import { type JsonMember, splitJsonObject } from "./json-object-members.ts";

/** The CSV shape of a sample: the header and, per record, one cell per header column. */
export interface CsvSampleRows {
  columns: string[];
  rows(): Generator<string[]>;
}

/**
 * Why: converting a sample to CSV must not change what a pipeline reads: numbers keep their exact
 * token text (`1.50`, `1.0`, `12345678901234567890`, `NaN`), null and missing keys are empty cells,
 * strings are written as they are, and objects/arrays as compact JSON text.
 * A record that is not a JSON object has no columns; it fails, naming the source file and line.
 */
export function toCsvSampleRows(sourcePath: string, records: readonly InputRecord[]): CsvSampleRows {
  const columnIndex = new Map<string, number>();
  const columns: string[] = [];
  for (const record of records) {
    for (const { key } of membersOf(sourcePath, record)) {
      if (columnIndex.has(key)) continue;
      columnIndex.set(key, columns.length);
      columns.push(key);
    }
  }
  return {
    columns,
    *rows() {
      for (const record of records) {
        const cells = new Array<string>(columns.length).fill("");
        for (const { key, valueText } of membersOf(sourcePath, record)) {
          cells[columnIndex.get(key) as number] = toCellText(valueText);
        }
        yield cells;
      }
    },
  };
}

function membersOf(sourcePath: string, record: InputRecord): JsonMember[] {
  let members: JsonMember[] | undefined;
  try {
    members = splitJsonObject(record.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TwinrunError(
      "INPUT_INVALID",
      `${sourcePath}:${record.line}: expected a JSON object to write as a CSV row, found invalid JSON (${reason})`,
      { cause: error },
    );
  }
  if (members === undefined) {
    throw new TwinrunError(
      "INPUT_INVALID",
      `${sourcePath}:${record.line}: expected a JSON object to write as a CSV row (columns as keys), ` +
        `found ${record.text.trimStart().slice(0, 20)}…; write the sample as jsonl or json instead (--dataset-format)`,
    );
  }
  return members;
}

/** One value's cell: the text between the member's colon and its comma, decoded only for strings and containers. */
function toCellText(valueText: string): string {
  const first = valueText.charCodeAt(0);
  if (first === 0x22) return JSON.parse(valueText) as string;
  if (first === 0x7b || first === 0x5b) return stringifyLossless(parseLossless(valueText));
  if (valueText === "null") return "";
  return valueText;
}
