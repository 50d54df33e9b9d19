// JSON-array tables (`.json`): the file holds one array; each element is one row.
// Like JSON-array input sources, the document is loaded whole (see inputs/json-array-file.ts);
// JSONL is the streaming format for large tables.
import { TwinrunError } from "../../errors.ts";
import { readJsonArrayElements } from "../../inputs/json-array-file.ts";
import { snippet } from "../../inputs/json-text.ts";
import { parseLossless } from "../../json/parse.ts";
import type { TableFileSummary, TableRowSink } from "../read-table.ts";
import { asObjectRow, createColumnUnion } from "./object-rows.ts";

/**
 * Why: each element is parsed losslessly and must be an object; an element that is not valid
 * JSON, or not an object, fails the read naming the line where it starts.
 */
export async function readJsonTable(path: string, sink: TableRowSink): Promise<TableFileSummary> {
  const union = createColumnUnion();
  let rows = 0;
  const sha256 = await readJsonArrayElements(path, (elementText, line) => {
    const row = asObjectRow(path, line, parseElement(path, line, elementText), "array element");
    union.add(row);
    rows += 1;
    sink.row(line, row);
  });
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
