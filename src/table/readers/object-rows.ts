// What JSONL and JSON-array tables share: every row must be a JSON object, and the table's columns
// are the union of the rows' keys in order of first appearance.
import { TwinrunError } from "../../errors.ts";
import { IntegralFloat } from "../../json/values.ts";

/** Why: a row is an object of column → value; anything else cannot be compared column by column. */
export function asObjectRow(
  path: string,
  line: number,
  value: unknown,
  unit: "line" | "array element",
): Record<string, unknown> {
  if (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    !(value instanceof IntegralFloat)
  ) {
    return value as Record<string, unknown>;
  }
  throw new TwinrunError(
    "INPUT_INVALID",
    `${path}:${line}: expected a JSON object (one row per ${unit}, columns as keys), found ${describeJsonValue(value)}; ` +
      `write each row as {"column": value, …}`,
  );
}

/** Why: JSONL and JSON rows may each name other columns; the table has all of them, in first-seen order. */
export interface ColumnUnion {
  add(row: Record<string, unknown>): void;
  readonly columns: string[];
}

/** Why: see ColumnUnion; rows with the same keys as the previous row (the usual case) cost one comparison per key. */
export function createColumnUnion(): ColumnUnion {
  const seen = new Set<string>();
  const columns: string[] = [];
  let previousKeys: string[] = [];
  return {
    columns,
    add(row) {
      const keys = Object.keys(row);
      if (sameKeys(keys, previousKeys)) return;
      previousKeys = keys;
      for (const key of keys) {
        if (seen.has(key)) continue;
        seen.add(key);
        columns.push(key);
      }
    },
  };
}

function sameKeys(keys: readonly string[], previous: readonly string[]): boolean {
  if (keys.length !== previous.length) return false;
  for (let i = 0; i < keys.length; i += 1) if (keys[i] !== previous[i]) return false;
  return true;
}

function describeJsonValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof IntegralFloat || typeof value === "number" || typeof value === "bigint") {
    return "a number";
  }
  if (typeof value === "string") return "a string";
  if (typeof value === "boolean") return "a boolean";
  return typeof value;
}
