// JSON-array tables (`.json`): the file holds one array; each element is one row.
// Like JSON-array input sources, the document is loaded whole (a JSON array has no row boundaries
// a line splitter could use); JSONL is the streaming format for large tables.
import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { TwinrunError } from "../../errors.ts";
import { toInputFileError } from "../../inputs/assert-readable-file.ts";
import { asBytes } from "../../inputs/bytes.ts";
import { ArrayStructureError, scanJsonArray } from "../../inputs/json-array-scan.ts";
import { snippet } from "../../inputs/json-text.ts";
import { parseLossless } from "../../json/parse.ts";
import type { TableFileSummary, TableRowSink } from "../read-table.ts";
import { asObjectRow, createColumnUnion } from "./object-rows.ts";

const BYTE_ORDER_MARK = "\uFEFF";

/**
 * Why: each element is parsed losslessly and must be an object; an element that is not valid
 * JSON, or not an object, fails the read naming the line where it starts.
 */
export async function readJsonTable(path: string, sink: TableRowSink): Promise<TableFileSummary> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw toInputFileError(path, error);
  }
  const sha256 = createHash("sha256").update(asBytes(bytes)).digest("hex");
  if (!isUtf8(asBytes(bytes))) {
    throw new TwinrunError(
      "INPUT_INVALID",
      `${path}: expected UTF-8 JSON text, found bytes that are not UTF-8 (save the file as UTF-8)`,
    );
  }
  let text = bytes.toString("utf8");
  if (text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1);

  const union = createColumnUnion();
  let rows = 0;
  try {
    scanJsonArray(text, ({ start, end, line }) => {
      const row = asObjectRow(path, line, parseElement(path, line, text.slice(start, end)), "array element");
      union.add(row);
      rows += 1;
      sink.row(line, row);
    });
  } catch (error) {
    if (error instanceof ArrayStructureError) {
      throw new TwinrunError("INPUT_INVALID", `${path}:${error.line}: ${error.message}`);
    }
    throw error;
  }
  return { columns: union.columns, rows, sha256 };
}

function parseElement(path: string, line: number, elementText: string): unknown {
  if (elementText === "") {
    throw new TwinrunError(
      "INPUT_INVALID",
      `${path}:${line}: expected an object, found an empty array element ` +
        `(two commas in a row, or a comma before the closing ])`,
    );
  }
  try {
    return parseLossless(elementText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TwinrunError(
      "INPUT_INVALID",
      `${path}:${line}: expected one JSON object per array element, found invalid JSON (${reason}); ` +
        `it starts: ${snippet(elementText)}`,
      { cause: error },
    );
  }
}
