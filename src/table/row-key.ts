// Row keys: the key columns' values of a row, and one Map key per row key so rows can pair.
// Numbers are keyed by value, so an id written `3` on one side and `3.0` on the other still
// pairs (the changed spelling is reported as a type difference of the column, not as two rows).
// A single numeric key column is keyed by the number itself (no text to build and hash).
import { canonicalKey } from "../compare/canonical-key.ts";
import { TwinrunError } from "../errors.ts";
import { parseLossless } from "../json/parse.ts";
import { stringifyLossless } from "../json/stringify.ts";
import { IntegralFloat } from "../json/values.ts";

/** A row key as a Map key: a number for one numeric key column, else text. */
export type RowKey = string | number;

/** Why: pairing by key is a Map lookup on this; `where` names the file (or side) in errors. */
export function keyTextOf(
  row: Record<string, unknown>,
  key: readonly string[],
  where: string,
  line: number,
): RowKey {
  if (key.length === 1) {
    const value = valueOfKey(row, key[0], key, where, line);
    // Map keys compare numbers by SameValueZero: -0 pairs with 0, NaN with NaN, as keyPartOf does.
    if (typeof value === "number") return value;
    if (value instanceof IntegralFloat) return value.value;
    return keyPartOf(value);
  }
  let text = "";
  for (let i = 0; i < key.length; i++) {
    if (i > 0) text += ",";
    text += keyPartOf(valueOfKey(row, key[i], key, where, line));
  }
  return text;
}

/** The key columns' values of a row, for reports. */
export function keyValuesOf(row: Record<string, unknown>, key: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const column of key) values[column] = row[column];
  return values;
}

/** `id=5` or `id=5, day="2024-01-01"`. */
export function describeKey(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([column, value]) => `${column}=${stringifyLossless(value)}`)
    .join(", ");
}

function valueOfKey(
  row: Record<string, unknown>,
  column: string,
  key: readonly string[],
  where: string,
  line: number,
): unknown {
  const value = row[column];
  if (value === undefined) {
    throw new TwinrunError(
      "INPUT_INVALID",
      `${where}:${line}: the row has no key column "${column}" (--key ${key.join(",")}); ` +
        `name columns every row has, or match rows by position (no --key)`,
    );
  }
  return value;
}

/** JSON strings are self-delimiting, so parts joined by commas never collide. */
function keyPartOf(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (value instanceof IntegralFloat) return String(value.value);
  if (typeof value === "bigint") return value.toString();
  return canonicalKey(value) ?? stringifyLossless(value);
}

/** The key values back from a key text (for duplicate examples), by column. */
export function keyFromText(keyText: RowKey, key: readonly string[]): Record<string, unknown> {
  if (typeof keyText === "number") return { [key[0]]: keyText };
  let parts: unknown[];
  try {
    parts = parseLossless(`[${keyText}]`) as unknown[];
  } catch {
    parts = [keyText];
  }
  const values: Record<string, unknown> = {};
  key.forEach((column, i) => {
    values[column] = parts[i];
  });
  return values;
}
