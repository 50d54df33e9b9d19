// Exact decimal arithmetic for numbers a double cannot hold (DecimalFloat): equality and the
// tolerance test |a−b| ≤ max(abs, rel·max(|a|,|b|)) on the decimal values themselves.
import { type DecimalParts, parseDecimal } from "../json/decimal-token.ts";
import { DecimalFloat, IntegralFloat } from "../json/values.ts";

/** A finite decimal, or a special double (NaN, ±Infinity) that no decimal equals. */
export type ExactNumber = DecimalParts | { special: number };

/** Orders of magnitude apart beyond which the smaller operand no longer shows in a difference. */
const NEGLIGIBLE_ORDERS = 60;

/** Why: every number of the lossless model as an exact decimal (doubles by their shortest spelling). */
export function toExact(value: number | bigint | IntegralFloat | DecimalFloat): ExactNumber {
  if (value instanceof DecimalFloat) return value;
  if (typeof value === "bigint") return normalize(value < 0n, value < 0n ? -value : value, 0);
  const double = value instanceof IntegralFloat ? value.value : value;
  if (!Number.isFinite(double)) return { special: double };
  const parts = parseDecimal(Math.abs(double).toString()) as DecimalParts;
  return { ...parts, negative: double < 0 || Object.is(double, -0) };
}

/** Why: two decimals are equal when their values are, whatever their spelling (`1e400` = `10e399`). */
export function exactEquals(a: DecimalParts, b: DecimalParts): boolean {
  if (a.coefficient === 0n && b.coefficient === 0n) return true;
  return a.negative === b.negative && a.coefficient === b.coefficient && a.exponent === b.exponent;
}

/** |a − b|, exact unless the operands lie more than NEGLIGIBLE_ORDERS orders apart. */
export function absDifference(a: DecimalParts, b: DecimalParts): DecimalParts {
  const orderGap = Math.abs(orderOf(a) - orderOf(b));
  if (a.coefficient !== 0n && b.coefficient !== 0n && orderGap > NEGLIGIBLE_ORDERS) {
    const larger = orderOf(a) > orderOf(b) ? a : b;
    return { ...larger, negative: false };
  }
  const exponent = Math.min(a.exponent, b.exponent);
  const signed = (x: DecimalParts) =>
    (x.negative ? -x.coefficient : x.coefficient) * 10n ** BigInt(x.exponent - exponent);
  const difference = signed(a) - signed(b);
  return normalize(false, difference < 0n ? -difference : difference, exponent);
}

/** max(|a|, |b|). */
export function maxMagnitude(a: DecimalParts, b: DecimalParts): DecimalParts {
  return compareMagnitudes(a, b) >= 0 ? { ...a, negative: false } : { ...b, negative: false };
}

/** Why: the tolerance test on exact values; `abs` and `rel` are the user's doubles, read by their spelling. */
export function isWithinDecimalTolerance(
  a: DecimalParts,
  b: DecimalParts,
  abs: number,
  rel: number,
): boolean {
  const difference = absDifference(a, b);
  if (compareMagnitudes(difference, toExact(abs) as DecimalParts) <= 0) return true;
  return compareMagnitudes(difference, multiply(toExact(rel) as DecimalParts, maxMagnitude(a, b))) <= 0;
}

/** The nearest double of a non-negative decimal (Infinity beyond the range). */
export function toDouble(value: DecimalParts): number {
  if (value.coefficient === 0n) return 0;
  return Number(`${value.coefficient}e${value.exponent}`);
}

/** The ratio of two non-negative decimals as a double (0 when far below a double's range). */
export function ratio(numerator: DecimalParts, denominator: DecimalParts): number {
  if (numerator.coefficient === 0n) return 0;
  const lead = (x: DecimalParts) => {
    const digits = x.coefficient.toString();
    return { mantissa: Number(`0.${digits.slice(0, 17)}`), order: x.exponent + digits.length };
  };
  const n = lead(numerator);
  const d = lead(denominator);
  return (n.mantissa / d.mantissa) * 10 ** (n.order - d.order);
}

/** The power of ten of the leading digit. */
function orderOf(value: DecimalParts): number {
  return value.exponent + value.coefficient.toString().length - 1;
}

/** Compares |a| and |b|: negative, zero or positive. */
function compareMagnitudes(a: DecimalParts, b: DecimalParts): number {
  if (a.coefficient === 0n || b.coefficient === 0n) {
    return (a.coefficient === 0n ? 0 : 1) - (b.coefficient === 0n ? 0 : 1);
  }
  const orderDifference = orderOf(a) - orderOf(b);
  if (orderDifference !== 0) return orderDifference;
  // Same order: the exponents differ by less than the longer coefficient's length.
  const exponent = Math.min(a.exponent, b.exponent);
  const scaledA = a.coefficient * 10n ** BigInt(a.exponent - exponent);
  const scaledB = b.coefficient * 10n ** BigInt(b.exponent - exponent);
  return scaledA === scaledB ? 0 : scaledA > scaledB ? 1 : -1;
}

function multiply(a: DecimalParts, b: DecimalParts): DecimalParts {
  return normalize(a.negative !== b.negative, a.coefficient * b.coefficient, a.exponent + b.exponent);
}

function normalize(negative: boolean, coefficient: bigint, exponent: number): DecimalParts {
  if (coefficient === 0n) return { negative: false, coefficient: 0n, exponent: 0 };
  let c = coefficient;
  let e = exponent;
  while (c % 10n === 0n) {
    c /= 10n;
    e++;
  }
  return { negative, coefficient: c, exponent: e };
}
