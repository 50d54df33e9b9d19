// The value classes the cover strategy looks for: the edge cases where refactors break (a missing
// key, a null, an empty string, a zero, a NaN token, an int that became `1.0`, an id beyond 2^53,
// a non-ASCII name, a stray space). Each leaf value falls into zero or more of them.
import { isIntegralFloat } from "../json/values.ts";
import { BIG_INTEGER_TOKEN, INTEGRAL_FLOAT_TOKEN } from "./number-token-flags.ts";

/** Why: one closed list of class names, shared by the selector, the report and the docs. */
export const VALUE_CLASSES = [
  "missing",
  "present",
  "null",
  "empty-string",
  "empty-array",
  "empty-object",
  "zero",
  "negative",
  "min",
  "max",
  "non-finite",
  "integral-float",
  "big-integer",
  "non-ascii",
  "long-string",
  "whitespace",
  "rare-value",
] as const;

export type ValueClass = (typeof VALUE_CLASSES)[number];

/** Class ids: positions in VALUE_CLASSES, so a path's slots are a small array and a leaf's classes a bit mask. */
export const CLASS_ID = Object.fromEntries(VALUE_CLASSES.map((name, id) => [name, id])) as Record<
  ValueClass,
  number
>;

/** Strings at least this long are "long-string". */
export const LONG_STRING_CHARS = 256;

const NON_ASCII = /[^\x00-\x7f]/;
const SURROUNDING_SPACE = /^\s|\s$/;

const bit = (name: ValueClass): number => 1 << CLASS_ID[name];
// Each leaf is classed on every line: the masks are computed once, not looked up per value.
const NULL = bit("null");
const EMPTY_STRING = bit("empty-string");
const NON_ASCII_STRING = bit("non-ascii");
const LONG_STRING = bit("long-string");
const WHITESPACE = bit("whitespace");
const BIG_INTEGER = bit("big-integer");
const NEGATIVE = bit("negative");
const ZERO = bit("zero");
const NON_FINITE = bit("non-finite");
const INTEGRAL_FLOAT = bit("integral-float");

/**
 * Why: the classes of one scalar leaf as a bit mask over class ids (numbers in the lossless
 * model: bigint beyond 2^53, IntegralFloat for `1.0`). Containers are classed by the walker.
 * `ascii` says the record's text holds no non-ASCII string (one check per line, not per string).
 */
export function classifyScalar(value: unknown, ascii = false): number {
  if (value === null) return NULL;
  switch (typeof value) {
    case "string": {
      const length = value.length;
      if (length === 0) return EMPTY_STRING;
      let mask = 0;
      if (!ascii && NON_ASCII.test(value)) mask |= NON_ASCII_STRING;
      if (length >= LONG_STRING_CHARS) mask |= LONG_STRING;
      const edge = value.charCodeAt(0) <= 32 || value.charCodeAt(length - 1) <= 32;
      if ((edge || !ascii) && SURROUNDING_SPACE.test(value)) mask |= WHITESPACE;
      return mask;
    }
    case "number":
      return classifyNumber(value);
    case "bigint":
      return BIG_INTEGER | (value < 0n ? NEGATIVE : 0);
    default:
      return isIntegralFloat(value) ? INTEGRAL_FLOAT | classifyNumber(value.value) : 0;
  }
}

/** Why: the classes of a number leaf; `token` adds what only its text shows (`1.0`, beyond 2^53). */
export function classifyNumber(value: number, token = 0): number {
  if (!Number.isFinite(value)) return NON_FINITE;
  const sign = value === 0 ? ZERO : value < 0 ? NEGATIVE : 0;
  if (token === INTEGRAL_FLOAT_TOKEN) return sign | INTEGRAL_FLOAT;
  if (token === BIG_INTEGER_TOKEN) return sign | BIG_INTEGER;
  return sign;
}

/** Why: min/max compare numbers of every kind in one order (a bigint by its nearest double). */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "bigint") return Number(value);
  if (isIntegralFloat(value)) return Number.isFinite(value.value) ? value.value : undefined;
  return undefined;
}

/**
 * Why: a low-cardinality field counts its values by the primitive itself (a Map tells the string
 * "1" from the number 1): short strings, booleans and integers only; undefined when not counted.
 */
export function categoryKey(value: unknown): string | number | bigint | boolean | undefined {
  switch (typeof value) {
    case "string":
      return value.length <= 64 ? value : undefined;
    case "boolean":
    case "bigint":
      return value;
    case "number":
      return Number.isInteger(value) ? value : undefined;
    default:
      return undefined;
  }
}

/** Why: the report names a counted value as JSON text (`"lu"`, `3`, `false`). */
export function describeCategory(key: string | number | bigint | boolean): string {
  return typeof key === "string" ? JSON.stringify(key) : String(key);
}
