// How Parquet values become lossless table values. The physical type decides what a number is:
// INT32/INT64 are integers (a bigint beyond 2^53), FLOAT/DOUBLE are floats, so an integral double
// becomes an IntegralFloat and an int column that turned float is detectable. Dates and
// timestamps become ISO strings, binary becomes base64 text, nested values plain objects/arrays.
import type { ParquetParsers, SchemaTree } from "hyparquet";
import { isListLike, isMapLike } from "hyparquet/src/schema.js";
import { parseLossless } from "../../json/parse.ts";
import { IntegralFloat } from "../../json/values.ts";

/** Converts one value of one column (or of one nested field). */
export type ParquetValueConverter = (value: unknown) => unknown;

const decoder = new TextDecoder();

/**
 * Why: hyparquet's defaults turn timestamps into Dates (dropping micro- and nanoseconds) and JSON
 * columns through JSON.parse (rounding big ints); these keep every digit.
 */
export const LOSSLESS_PARQUET_PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (millis: bigint) =>
    millis == null ? null : toIsoTimestamp(BigInt(millis), 1n, 0),
  timestampFromMicroseconds: (micros: bigint) =>
    micros == null ? null : toIsoTimestamp(BigInt(micros), 1000n, 6),
  timestampFromNanoseconds: (nanos: bigint) =>
    nanos == null ? null : toIsoTimestamp(BigInt(nanos), 1_000_000n, 9),
  dateFromDays: (days: number) => (days == null ? null : toIsoDate(Number(days))),
  jsonFromBytes: (bytes: Uint8Array) => (bytes == null ? null : parseLossless(decoder.decode(bytes))),
};

/** Why: one converter per top-level column, built once from the schema, applied to every row. */
export function createParquetConverter(column: SchemaTree): ParquetValueConverter {
  const single = createSingleConverter(column);
  // A repeated field outside a LIST/MAP annotation arrives as an array of its values.
  return column.element.repetition_type === "REPEATED" ? arrayOf(single) : single;
}

function createSingleConverter(node: SchemaTree): ParquetValueConverter {
  const { element } = node;
  if (element.logical_type?.type === "VARIANT") return toPlainValue;
  if (isListLike(node)) {
    const repeated = node.children[0];
    // Three-level lists wrap each element in a group; two-level lists repeat the element itself.
    return arrayOf(
      repeated.children.length === 1
        ? createParquetConverter(repeated.children[0])
        : createSingleConverter(repeated),
    );
  }
  if (isMapLike(node)) {
    const value = node.children[0].children.find((child) => child.element.name === "value");
    return objectOf(value === undefined ? toPlainValue : createParquetConverter(value));
  }
  if (node.children.length > 0) {
    const fields = node.children.map((child) => [child.element.name, createParquetConverter(child)] as const);
    return (value) => {
      if (!isPlainObject(value)) return toPlainValue(value);
      const out: Record<string, unknown> = {};
      for (const [name, convert] of fields) setOwn(out, name, convert(value[name]));
      return out;
    };
  }
  return isFloatLeaf(node) ? toFloatValue : toPlainValue;
}

function isFloatLeaf({ element }: SchemaTree): boolean {
  if (element.type === "FLOAT" || element.type === "DOUBLE") return true;
  if (element.logical_type?.type === "FLOAT16") return true;
  // A decimal with digits after the point is a fractional number, even when a value is whole.
  return element.converted_type === "DECIMAL" && (element.scale ?? 0) > 0;
}

function toFloatValue(value: unknown): unknown {
  if (typeof value === "number" && Number.isInteger(value)) return new IntegralFloat(value);
  return toPlainValue(value);
}

/** Why: schema-free conversion for scalars and for values the schema says nothing more about. */
export function toPlainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "bigint":
      return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(value)
        : value;
    case "object":
      break;
    default:
      return value;
  }
  if (value instanceof IntegralFloat) return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
  if (Array.isArray(value) || ArrayBuffer.isView(value))
    return Array.from(value as ArrayLike<unknown>, toPlainValue);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) setOwn(out, key, toPlainValue(item));
  return out;
}

function arrayOf(convert: ParquetValueConverter): ParquetValueConverter {
  return (value) => {
    if (value === null || value === undefined) return null;
    if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return toPlainValue(value);
    return Array.from(value as ArrayLike<unknown>, convert);
  };
}

function objectOf(convert: ParquetValueConverter): ParquetValueConverter {
  return (value) => {
    if (!isPlainObject(value)) return toPlainValue(value);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(out, key, convert(item));
    return out;
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** `count` units since the epoch, `perMilli` units per millisecond, with `digits` fraction digits. */
function toIsoTimestamp(count: bigint, perMilli: bigint, digits: number): string {
  let millis = count / perMilli;
  let rest = count % perMilli;
  if (rest < 0n) {
    millis -= 1n;
    rest += perMilli;
  }
  const date = new Date(Number(millis));
  if (Number.isNaN(date.getTime())) return count.toString();
  const iso = date.toISOString();
  if (digits === 0) return iso;
  // `….123Z` becomes `….123456Z` (micros) or `….123456789Z` (nanos).
  const extra = rest.toString().padStart(digits - 3, "0");
  return `${iso.slice(0, -1)}${extra}Z`;
}

function toIsoDate(days: number): string {
  const date = new Date(days * 86_400_000);
  if (Number.isNaN(date.getTime())) return String(days);
  const iso = date.toISOString();
  return iso.slice(0, iso.indexOf("T"));
}
