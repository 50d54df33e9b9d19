// Leaves of the walk: every pair of values that is not two containers of the same kind. Returns
// a LeafMatch without allocating; the walker records a difference only for a non-equal match.
import { DecimalFloat, IntegralFloat } from "../json/values.ts";
import type { EffectiveOptions } from "./effective-options.ts";
import { parseInstant } from "./instants.ts";
import { compareNumberLikes, isNumberLike, LeafMatch, measureError, type NumberLike } from "./numbers.ts";
import { areStringsEqual, parseNumericString } from "./strings.ts";

/** JSON types as small integers, for cheap dispatch in the hot walk. */
export const Kind = {
  undefined: 0,
  null: 1,
  boolean: 2,
  number: 3,
  string: 4,
  array: 5,
  object: 6,
  other: 7,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** Why: one type test per value; plain objects only count as objects (Dates, Maps are "other", compared by identity). */
export function kindOf(value: unknown): Kind {
  switch (typeof value) {
    case "number":
    case "bigint":
      return Kind.number;
    case "string":
      return Kind.string;
    case "boolean":
      return Kind.boolean;
    case "undefined":
      return Kind.undefined;
    case "object": {
      if (value === null) return Kind.null;
      if (Array.isArray(value)) return Kind.array;
      if (value instanceof IntegralFloat || value instanceof DecimalFloat) return Kind.number;
      const prototype = Object.getPrototypeOf(value);
      return prototype === Object.prototype || prototype === null ? Kind.object : Kind.other;
    }
    default:
      return Kind.other;
  }
}

/**
 * Why: numbers, strings, booleans, null, and pairs of different JSON types. Different types are a
 * type change, except a number against a numeric string under `numericStrings`.
 */
export function compareLeaves(
  oldValue: unknown,
  oldKind: Kind,
  newValue: unknown,
  newKind: Kind,
  options: EffectiveOptions,
): LeafMatch {
  if (oldKind === newKind) {
    if (oldKind === Kind.number)
      return compareNumberLikes(oldValue as NumberLike, newValue as NumberLike, options);
    if (oldKind === Kind.string) return compareStrings(oldValue as string, newValue as string, options);
    if (oldKind === Kind.undefined || oldKind === Kind.null) return LeafMatch.equal;
    return oldValue === newValue ? LeafMatch.equal : LeafMatch.value;
  }
  if (options.numericStrings && (oldKind === Kind.string || newKind === Kind.string)) {
    const oldNumber = readNumber(oldValue);
    const newNumber = readNumber(newValue);
    if (oldNumber !== undefined && newNumber !== undefined) {
      return compareNumberLikes(oldNumber, newNumber, options, true) === LeafMatch.equal
        ? LeafMatch.equal
        : LeafMatch.value;
    }
  }
  return LeafMatch.type;
}

/** Why: a numeric `value` difference carries abs/rel; numeric strings count under `numericStrings`. */
export function measureLeafError(
  oldValue: unknown,
  newValue: unknown,
  options: EffectiveOptions,
): { abs?: number; rel?: number } {
  if (isNumberLike(oldValue) && isNumberLike(newValue)) return measureError(oldValue, newValue);
  if (!options.numericStrings) return {};
  const oldNumber = readNumber(oldValue);
  const newNumber = readNumber(newValue);
  return oldNumber !== undefined && newNumber !== undefined ? measureError(oldNumber, newNumber) : {};
}

/** Text has no int/float type, so numbers read from strings compare without the type check. */
function compareStrings(oldValue: string, newValue: string, options: EffectiveOptions): LeafMatch {
  if (areStringsEqual(oldValue, newValue, options)) return LeafMatch.equal;
  if (options.timestamps) {
    const oldInstant = parseInstant(oldValue);
    const newInstant = parseInstant(newValue);
    if (oldInstant !== undefined && newInstant !== undefined)
      return oldInstant === newInstant ? LeafMatch.equal : LeafMatch.value;
  }
  if (options.numericStrings) {
    const oldNumber = parseNumericString(oldValue);
    const newNumber = parseNumericString(newValue);
    if (oldNumber !== undefined && newNumber !== undefined) {
      return compareNumberLikes(oldNumber, newNumber, options, true) === LeafMatch.equal
        ? LeafMatch.equal
        : LeafMatch.value;
    }
  }
  return LeafMatch.value;
}

function readNumber(value: unknown): NumberLike | undefined {
  if (isNumberLike(value)) return value;
  return typeof value === "string" ? parseNumericString(value) : undefined;
}
