// Column types: every value of a column sets one bit of the column's kind mask; the mask becomes
// a ColumnType at the end. Constant memory per column, one branch per cell.
import { IntegralFloat } from "../json/values.ts";
import type { ColumnType } from "./types.ts";

const INT = 1;
const FLOAT = 2;
const STRING = 4;
const BOOL = 8;
const OBJECT = 16;
const ARRAY = 32;

/** Why: one bit per kind of value; a column's mask is the OR of its values' bits. */
export function kindBit(value: unknown): number {
  switch (typeof value) {
    case "number":
      if (Number.isNaN(value)) return 0;
      return Number.isInteger(value) ? INT : FLOAT;
    case "bigint":
      return INT;
    case "string":
      return STRING;
    case "boolean":
      return BOOL;
    case "object":
      if (value === null) return 0;
      if (value instanceof IntegralFloat) return FLOAT;
      return Array.isArray(value) ? ARRAY : OBJECT;
    default:
      return 0;
  }
}

/** Why: the schema report compares what kind of values each column holds on each side. */
export function typeOfMask(mask: number, looseNumbers: boolean): ColumnType {
  if (mask === 0) return "null";
  if ((mask & ~(INT | FLOAT)) === 0) return looseNumbers ? "number" : mask & FLOAT ? "float" : "int";
  switch (mask) {
    case STRING:
      return "string";
    case BOOL:
      return "bool";
    case OBJECT:
      return "object";
    case ARRAY:
      return "array";
    default:
      return "mixed";
  }
}

/** Why: the distribution view covers columns that hold numbers on both sides. */
export function isNumericType(type: ColumnType): boolean {
  return type === "int" || type === "float" || type === "number";
}
