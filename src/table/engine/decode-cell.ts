// A cell's text back into the value the record readers would have produced, for the cells that
// leave the engine (differing cells, examples, keys).
import { parseLossless } from "../../json/parse.ts";
import { toCsvCellValue } from "../csv-cell-value.ts";
import type { CellEncoding } from "./load-table.ts";

/** Marks a cell the row does not have (a JSON row without that key). */
export const ABSENT: unique symbol = Symbol("absent");

/** Why: the comparator sees exactly what it sees for records read from the same file. */
export function decodeCell(
  text: string | null,
  encoding: CellEncoding,
  absentCells: boolean,
): unknown | typeof ABSENT {
  if (text === null) return absentCells ? ABSENT : encoding === "csv-strings" ? "" : null;
  switch (encoding) {
    case "csv":
      return toCsvCellValue(text);
    case "csv-strings":
      return text;
    case "json":
    case "typed":
      return parseLossless(text);
  }
}

/** Sets a decoded cell on a row object (absent cells are left out; `__proto__` stays an own key). */
export function setCell(row: Record<string, unknown>, column: string, value: unknown): void {
  if (value === ABSENT) return;
  Object.defineProperty(row, column, { value, writable: true, enumerable: true, configurable: true });
}
