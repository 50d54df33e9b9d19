// Whether a hint's condition holds for one summarised input: the same tests the candidate
// conditions were built with (field-conditions.ts), for counting a found condition again over
// inputs the search did not see (a table's rows beyond its hint sample).
import { type FieldColumn, Flag, Kind } from "./field-columns.ts";
import { typeOfKind } from "./field-conditions.ts";
import type { FieldCondition, HintCondition } from "./types.ts";

/** A field's column among the summarised inputs (undefined: no input had the field). */
export type ColumnLookup = (path: string) => FieldColumn | undefined;

/** Why: a condition found on a sample is counted exactly over every input, with one meaning. */
export function conditionHolds(
  condition: HintCondition,
  lookup: ColumnLookup,
  parentOf: (path: string) => string | null,
  ordinal: number,
): boolean {
  if (condition.op === "and")
    return condition.conditions.every((part) => fieldConditionHolds(part, lookup, parentOf, ordinal));
  return fieldConditionHolds(condition, lookup, parentOf, ordinal);
}

function fieldConditionHolds(
  condition: FieldCondition,
  lookup: ColumnLookup,
  parentOf: (path: string) => string | null,
  o: number,
): boolean {
  const column = lookup(condition.field);
  const kind = column === undefined ? Kind.absent : column.kind[o];
  if (condition.op === "missing") {
    if (kind !== Kind.absent) return false;
    const parent = parentOf(condition.field);
    return parent === null || lookup(parent)?.kind[o] === Kind.object;
  }
  if (column === undefined) return false;
  const num = column.num[o];
  const isString = kind === Kind.string;
  const hasLength = isString || kind === Kind.array;
  const flags = column.flags[o];
  const letters = isString && (flags & Flag.letters) !== 0;
  switch (condition.op) {
    case "null":
      return kind === Kind.null;
    case "type":
      return typeOfKind(kind) === condition.type;
    case "empty":
      return hasLength && num === 0;
    case "non-ascii":
      return isString && (flags & Flag.nonAscii) !== 0;
    case "edge-whitespace":
      return isString && (flags & Flag.edgeWhitespace) !== 0;
    case "upper-case":
      return letters && (flags & Flag.upper) !== 0;
    case "lower-case":
      return letters && (flags & Flag.lower) !== 0;
    case "mixed-case":
      return letters && (flags & (Flag.upper | Flag.lower)) === 0;
    case "length>":
      return hasLength && num > condition.value;
    case "length<":
      return hasLength && num < condition.value;
    case ">":
      return kind === Kind.number && num > condition.value;
    case "<":
      return kind === Kind.number && num < condition.value;
    case "between":
      return kind === Kind.number && num >= condition.min && num <= condition.max;
    case "in":
      return condition.values.some((value) => equals(column, kind, o, value));
  }
}

function equals(column: FieldColumn, kind: number, o: number, value: number | string | boolean): boolean {
  if (typeof value === "number") return kind === Kind.number && column.num[o] === value;
  if (typeof value === "boolean") return kind === (value ? Kind.true : Kind.false);
  const id = column.str[o];
  return kind === Kind.string && id >= 0 && column.strings[id] === value;
}
