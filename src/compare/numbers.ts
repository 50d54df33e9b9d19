// Number semantics: exact for two integers (unless a rule gives a tolerance), symmetric
// tolerance (as Python's math.isclose) for floats, NaN/Infinity/-0 handling, int vs float types.
import { DecimalFloat, IntegralFloat } from "../json/values.ts";
import {
  absDifference,
  exactEquals,
  isWithinDecimalTolerance,
  maxMagnitude,
  ratio,
  toDouble,
  toExact,
} from "./decimals.ts";
import type { EffectiveOptions } from "./effective-options.ts";

/** How two leaves compare, without allocating: equal, a value change, or a type change (not a report verdict). */
export const LeafMatch = { equal: 0, value: 1, type: 2 } as const;
export type LeafMatch = (typeof LeafMatch)[keyof typeof LeafMatch];

/** A number in the lossless model: integer text (integral number, bigint) or float text (other number, IntegralFloat, DecimalFloat). */
export type NumberLike = number | bigint | IntegralFloat | DecimalFloat;

/** Why: the hot path; two plain JS numbers, no allocation. */
export function comparePlainNumbers(
  oldValue: number,
  newValue: number,
  options: EffectiveOptions,
): LeafMatch {
  if (oldValue === newValue) {
    return oldValue !== 0 || !options.signedZero || Object.is(oldValue, newValue)
      ? LeafMatch.equal
      : LeafMatch.value;
  }
  if (!options.integerTolerance && Number.isInteger(oldValue) && Number.isInteger(newValue))
    return LeafMatch.value;
  return isCloseFloat(oldValue, newValue, options) ? LeafMatch.equal : LeafMatch.value;
}

/** Why: every other pairing of number, bigint and IntegralFloat (rarer, allowed to allocate). */
export function compareNumberLikes(
  oldValue: NumberLike,
  newValue: NumberLike,
  options: EffectiveOptions,
  looseTypes = options.looseNumberTypes,
): LeafMatch {
  if (typeof oldValue === "number" && typeof newValue === "number") {
    return comparePlainNumbers(oldValue, newValue, options);
  }
  const oldIsInteger = isIntegerText(oldValue);
  const newIsInteger = isIntegerText(newValue);
  if (
    !looseTypes &&
    (oldIsInteger ? isIntegralFloatToken(newValue) : isIntegralFloatToken(oldValue) && newIsInteger)
  ) {
    return LeafMatch.type;
  }
  if (oldValue instanceof DecimalFloat || newValue instanceof DecimalFloat) {
    return compareDecimals(oldValue, newValue, options);
  }
  const oldNumber = toNumber(oldValue);
  const newNumber = toNumber(newValue);
  if (Number.isInteger(oldNumber) && Number.isInteger(newNumber)) {
    // Both integral (ints, or an int against an integral float): exact through bigint, never a lossy double.
    const difference = toBigInt(oldValue) - toBigInt(newValue);
    if (difference === 0n) {
      if (oldNumber !== 0 || !options.signedZero) return LeafMatch.equal;
      return Object.is(oldNumber, newNumber) ? LeafMatch.equal : LeafMatch.value;
    }
    if (oldIsInteger && newIsInteger && !options.integerTolerance) return LeafMatch.value;
    return isWithinTolerance(Math.abs(Number(difference)), oldNumber, newNumber, options)
      ? LeafMatch.equal
      : LeafMatch.value;
  }
  if (oldNumber === newNumber) return LeafMatch.equal;
  return isCloseFloat(oldNumber, newNumber, options) ? LeafMatch.equal : LeafMatch.value;
}

/** Why: a numeric `value` difference carries its size: abs = |a−b|, rel = abs / max(|a|,|b|); absent when not finite. */
export function measureError(oldValue: NumberLike, newValue: NumberLike): { abs?: number; rel?: number } {
  if (oldValue instanceof DecimalFloat || newValue instanceof DecimalFloat) {
    const a = toExact(oldValue);
    const b = toExact(newValue);
    if ("special" in a || "special" in b) return {};
    const difference = absDifference(a, b);
    const abs = toDouble(difference);
    const rel = ratio(difference, maxMagnitude(a, b));
    return Number.isFinite(abs) ? { abs, rel } : { rel };
  }
  const oldNumber = toNumber(oldValue);
  const newNumber = toNumber(newValue);
  let abs = Math.abs(oldNumber - newNumber);
  if (Number.isInteger(oldNumber) && Number.isInteger(newNumber)) {
    abs = Math.abs(Number(toBigInt(oldValue) - toBigInt(newValue)));
  }
  if (!Number.isFinite(abs)) return {};
  const magnitude = Math.max(Math.abs(oldNumber), Math.abs(newNumber));
  return { abs, rel: magnitude === 0 ? 0 : abs / magnitude };
}

/** Why: integers in the text (plain integral numbers and bigints) compare exactly by default. */
export function isIntegerText(value: NumberLike): boolean {
  return typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value));
}

export function isNumberLike(value: unknown): value is NumberLike {
  return (
    typeof value === "number" ||
    typeof value === "bigint" ||
    value instanceof IntegralFloat ||
    value instanceof DecimalFloat
  );
}

/** Why: sorting numbers for multiset matching needs one double per value. */
export function toNumber(value: NumberLike): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  return value.value;
}

/** A float token with an integral value (`1.0`, `1e400`): against an integer token that is a type change. */
function isIntegralFloatToken(value: NumberLike): boolean {
  return value instanceof IntegralFloat || (value instanceof DecimalFloat && value.integral);
}

// A side a double cannot hold: equal when the decimal values are, else the tolerance on the exact
// values (ULPs too, when both sides have finite doubles).
function compareDecimals(oldValue: NumberLike, newValue: NumberLike, options: EffectiveOptions): LeafMatch {
  const a = toExact(oldValue);
  const b = toExact(newValue);
  if ("special" in a || "special" in b) return LeafMatch.value; // NaN or ±Infinity against a finite decimal
  if (exactEquals(a, b)) return LeafMatch.equal;
  if (isWithinDecimalTolerance(a, b, options.absTolerance, options.relTolerance)) return LeafMatch.equal;
  const oldNumber = toNumber(oldValue);
  const newNumber = toNumber(newValue);
  if (!Number.isFinite(oldNumber) || !Number.isFinite(newNumber)) return LeafMatch.value;
  if (options.ulps >= 0 && ulpDistance(oldNumber, newNumber) <= BigInt(options.ulps)) return LeafMatch.equal;
  return options.sig > 0 && agreesToSignificantDigits(oldNumber, newNumber, options.sig)
    ? LeafMatch.equal
    : LeafMatch.value;
}

function toBigInt(value: NumberLike): bigint {
  return typeof value === "bigint" ? value : BigInt(toNumber(value));
}

/** Two distinct doubles: NaN policy, infinities, then |a−b| ≤ max(abs, rel·max(|a|,|b|)), then ULPs. */
function isCloseFloat(a: number, b: number, options: EffectiveOptions): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) && options.nanEqual;
  if (a === Number.POSITIVE_INFINITY || a === Number.NEGATIVE_INFINITY) return false;
  if (b === Number.POSITIVE_INFINITY || b === Number.NEGATIVE_INFINITY) return false;
  return isWithinTolerance(Math.abs(a - b), a, b, options);
}

function isWithinTolerance(absError: number, a: number, b: number, options: EffectiveOptions): boolean {
  const scaled = options.relTolerance * Math.max(Math.abs(a), Math.abs(b));
  if (absError <= Math.max(scaled, options.absTolerance)) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  if (options.ulps >= 0 && ulpDistance(a, b) <= BigInt(options.ulps)) return true;
  return options.sig > 0 && agreesToSignificantDigits(a, b, options.sig);
}

/**
 * Why: `sig:N` as numpy's assert_approx_equal reads it: both numbers scaled by the power of ten
 * of their mean magnitude differ by less than 10^-(N-1). Symmetric; 0 agrees only with 0.
 */
export function agreesToSignificantDigits(a: number, b: number, digits: number): boolean {
  if (a === b) return true;
  const magnitude = (Math.abs(a) + Math.abs(b)) / 2;
  if (magnitude === 0 || !Number.isFinite(magnitude)) return false;
  const scale = 10 ** Math.floor(Math.log10(magnitude));
  return Math.abs(a / scale - b / scale) < 10 ** -(digits - 1);
}

const ulpScratch = new Float64Array(1);
const ulpBits = new BigInt64Array(ulpScratch.buffer);

/** Distance in representable doubles; -0 and 0 are the same point. */
function ulpDistance(a: number, b: number): bigint {
  const distance = orderedBits(a) - orderedBits(b);
  return distance < 0n ? -distance : distance;
}

function orderedBits(value: number): bigint {
  ulpScratch[0] = value;
  const bits = ulpBits[0];
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}
