// A Postgres value, as the server writes it in text (ISO dates, UTC, shortest exact floats), into the
// JSON text of a cell, the way a Parquet cell of the same type reads: integers exact beyond 2^53,
// numeric with all its digits, float8 NaN/±Infinity as tokens, json/jsonb as nested values,
// timestamps as ISO 8601 in UTC with microseconds. The declared type is the column's, as declared.
import type { ColumnType } from "../types.ts";

/** How a column's values become cells. */
export type PostgresCellKind =
  | "int"
  | "float4"
  | "float8"
  | "numeric"
  | "bool"
  | "timestamp"
  | "timestamptz"
  | "json"
  | "array"
  | "text";

/** A result column: its name, kind and declared type. */
export interface PostgresColumn {
  name: string;
  kind: PostgresCellKind;
  declared: ColumnType;
  /** The server's type name, for messages (`int8`, `numeric`, `_float8`). */
  typeName: string;
}

/** Built-in type OIDs (pg_type.dat); other types are told by their category. */
const KIND_OF_OID: Record<number, PostgresCellKind> = {
  16: "bool",
  20: "int",
  21: "int",
  23: "int",
  26: "int",
  700: "float4",
  701: "float8",
  1700: "numeric",
  114: "json",
  3802: "json",
  1114: "timestamp",
  1184: "timestamptz",
};

/** Why: the kind of a result column from its type OID, modifier and pg_type category ('A' = array). */
export function describeColumn(
  name: string,
  oid: number,
  typeModifier: number,
  type: { name: string; category: string },
): PostgresColumn {
  const kind = KIND_OF_OID[oid] ?? (type.category === "A" ? "array" : "text");
  return { name, kind, declared: declaredType(kind, typeModifier), typeName: type.name };
}

function declaredType(kind: PostgresCellKind, typeModifier: number): ColumnType {
  switch (kind) {
    case "int":
      return "int";
    case "float4":
    case "float8":
      return "float";
    case "numeric":
      // numeric(p, 0) holds integers; numeric(p, s>0) and plain numeric hold decimals.
      return typeModifier >= 4 && ((typeModifier - 4) & 0xffff) === 0 ? "int" : "float";
    case "bool":
      return "bool";
    case "json":
      return "object";
    case "array":
      return "array";
    default:
      return "string";
  }
}

/** Why: one value's cell text; null stays SQL NULL. `text` is the server's text output. */
export function postgresCellJson(kind: PostgresCellKind, text: string | null): string | null {
  if (text === null) return null;
  switch (kind) {
    case "int":
    case "numeric":
      // Digits as written (numeric also writes NaN, Infinity, -Infinity as the JSON tokens we read).
      return text;
    case "float8":
      return floatToken(text);
    case "float4":
      // A float4 widened to a double, as a Parquet FLOAT cell reads: 0.1 → 0.10000000149011612.
      return floatToken(Number.isFinite(Number(text)) ? widenedFloat4(Number(text)) : text);
    case "bool":
      return text === "t" ? "true" : "false";
    case "timestamp":
    case "timestamptz":
      return JSON.stringify(isoTimestamp(text));
    case "json":
    case "array":
      return text;
    case "text":
      return JSON.stringify(text);
  }
}

/** A float4's value as the double it widens to; String(-0) is "0", so the sign is kept by hand. */
function widenedFloat4(value: number): string {
  const widened = Math.fround(value);
  return Object.is(widened, -0) ? "-0" : String(widened);
}

/** A float's text as a float token: `1` → `1.0`, `-0` → `-0.0`, NaN/±Infinity as tokens. */
function floatToken(text: string): string {
  if (text === "NaN" || text === "Infinity" || text === "-Infinity") return text;
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/**
 * `2024-01-02 03:04:05.5` (and `…+00` for timestamptz, written in UTC) → `2024-01-02T03:04:05.500000Z`;
 * values outside ISO's range (BC, infinity) stay as written.
 */
function isoTimestamp(text: string): string {
  const match = /^(\d{4,}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?(?:\+00)?$/.exec(text);
  if (match === null) return text;
  return `${match[1]}T${match[2]}.${(match[3] ?? "").padEnd(6, "0")}Z`;
}
