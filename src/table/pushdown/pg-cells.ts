// SQL over one Postgres column, by its declared type: its report type, its value as the JSON text
// the embedded engine would hold for the same value (so the comparator sees the same value either
// way), its part of a row key, and whether it holds a finite number.
import { escapeIdentifier } from "pg";
import type { ColumnType } from "../types.ts";

/** How a column's values are compared and measured, from its declared type. */
export type PgValueClass = "int" | "float" | "decimal" | "bool" | "text" | "json" | "time" | "other";

/** A column of a side in the database: its name, its type as Postgres names it, and its class. */
export interface PgColumn {
  name: string;
  /** format_type's text, e.g. `bigint`, `double precision`, `numeric(10,2)`, `jsonb`, `text[]`. */
  type: string;
  valueClass: PgValueClass;
}

/** Why: one mapping from a declared Postgres type to how twinrun treats the column. */
export function classifyPgType(type: string): PgValueClass {
  if (type.endsWith("]")) return "other";
  if (/^(smallint|integer|bigint)$/.test(type)) return "int";
  if (/^(double precision|real)$/.test(type)) return "float";
  if (/^numeric/.test(type)) return "decimal";
  if (type === "boolean") return "bool";
  if (/^(text|character varying|character|name|citext)/.test(type)) return "text";
  if (/^jsonb?$/.test(type)) return "json";
  if (/^(date|timestamp)/.test(type)) return "time";
  return "other";
}

/** Why: the schema view reports declared types, as for Parquet and DuckDB tables. */
export function reportType(column: PgColumn): ColumnType {
  if (column.type.endsWith("]")) return "array";
  switch (column.valueClass) {
    case "int":
      return "int";
    case "float":
      return "float";
    case "decimal":
      return /^numeric\(\d+,0\)$/.test(column.type) ? "int" : "float";
    case "bool":
      return "bool";
    case "json":
      return "object";
    default:
      return "string";
  }
}

/** A quoted identifier, by the client's own quoting. */
export const quote = escapeIdentifier;

/**
 * Why: the value as JSON text, written as the embedded engine writes a declared column's value:
 * floats with a point (`3.0`, so an int that became a float shows as a type change), NaN and
 * ±Infinity as the tokens Python writes, timestamps as ISO 8601 in UTC with microseconds.
 */
export function jsonTextSql(cell: string, column: PgColumn): string {
  switch (column.valueClass) {
    case "int":
    case "bool":
      return `(${cell})::text`;
    case "decimal":
      return `(${cell})::text`;
    case "float": {
      const text = `(${cell})::float8::text`;
      return `(CASE WHEN ${text} ~ '^-?[0-9]+$' THEN ${text} || '.0' ELSE ${text} END)`;
    }
    case "json":
      return `(${cell})::text`;
    case "time":
      if (column.type === "date") return `to_json(${cell})::text`;
      return `('"' || to_char((${cell})${column.type.includes("with time zone") ? " AT TIME ZONE 'UTC'" : ""}, 'YYYY-MM-DD"T"HH24:MI:SS.US') || 'Z"')`;
    default:
      return `to_json(${cell})::text`;
  }
}

/** The value as a double where it is a finite number, else NULL (statistics leave NaN and ±Infinity out). */
export function finiteSql(cell: string, column: PgColumn): string {
  if (!isNumberClass(column.valueClass)) return "NULL::float8";
  const number = `(${cell})::float8`;
  return `(CASE WHEN ${number} IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8) THEN NULL ELSE ${number} END)`;
}

/** True for the classes whose values are numbers. */
export function isNumberClass(valueClass: PgValueClass): boolean {
  return valueClass === "int" || valueClass === "float" || valueClass === "decimal";
}

/** True where the cell holds no value: SQL NULL, or NaN (which the statistics count as null). */
export function nullishSql(cell: string, column: PgColumn | undefined): string {
  if (column === undefined) return "TRUE";
  if (column.valueClass === "float" || column.valueClass === "decimal")
    return `(${cell} IS NULL OR ${cell} = 'NaN')`;
  return `(${cell} IS NULL)`;
}

/**
 * Why: rows pair when their key cells are the same value, as in the embedded engine: numbers by
 * value (`3` with `3.0`), strings by text after the column's trim/case rules, null with null.
 * The prefix keeps the string "3" apart from the number 3.
 */
export function keyPartSql(
  cell: string,
  column: PgColumn,
  rules: { trim: boolean; caseInsensitive: boolean },
): string {
  let value: string;
  switch (column.valueClass) {
    case "int":
      value = `'n' || (${cell})::text`;
      break;
    case "decimal":
      value = `'n' || trim_scale(${cell})::text`;
      break;
    case "float":
      value =
        `'n' || CASE WHEN ${cell} = trunc(${cell}) AND abs(${cell}) < 1e15 ` +
        `THEN trunc(${cell})::numeric::text ELSE (${cell})::text END`;
      break;
    case "text": {
      let text = `(${cell})::text`;
      if (rules.trim) text = `btrim(${text})`;
      if (rules.caseInsensitive) text = `lower(${text})`;
      value = `'s' || ${text}`;
      break;
    }
    case "time":
      value = `'s' || (${jsonTextSql(cell, column)})::json #>> '{}'`;
      break;
    default:
      value = `'j' || ${jsonTextSql(cell, column)}`;
  }
  return `(CASE WHEN ${cell} IS NULL THEN 'z' ELSE ${value} END)`;
}
