// Which float tokens a double cannot hold, and their exact decimal value (see DecimalFloat).
import { DecimalFloat } from "./values.ts";

/** Significant digits every decimal of that length keeps through a double and back. */
const DOUBLE_SAFE_DIGITS = 15;
const TOKEN = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * Why: `1e400` must not become Infinity, nor `0.1000000000000000000001` become 0.1. Returns a
 * DecimalFloat for a float token whose value the nearest double does not equal, else undefined
 * (the double is exact enough: its shortest spelling has the token's value).
 */
export function toDecimalFloat(token: string): DecimalFloat | undefined {
  const parts = parseDecimal(token);
  if (parts === undefined || parts.coefficient === 0n) return undefined;
  const digits = parts.coefficient.toString().length;
  const order = parts.exponent + digits - 1;
  // Within ±300 and at most 15 digits a decimal always survives a double's round trip.
  if (digits <= DOUBLE_SAFE_DIGITS && order < 300 && order > -300) return undefined;
  const double = Number(token);
  if (Number.isFinite(double) && double !== 0) {
    const nearest = parseDecimal(String(Math.abs(double)));
    if (
      nearest !== undefined &&
      nearest.coefficient === parts.coefficient &&
      nearest.exponent === parts.exponent
    )
      return undefined;
  }
  return new DecimalFloat(token, parts.negative, parts.coefficient, parts.exponent);
}

/** A decimal as ±coefficient × 10^exponent with no trailing zeros (0 as coefficient 0n). */
export interface DecimalParts {
  negative: boolean;
  coefficient: bigint;
  exponent: number;
}

/** Why: numbers written as text (tokens, String(double)) become exact decimals; undefined when it is no number token. */
export function parseDecimal(text: string): DecimalParts | undefined {
  const match = TOKEN.exec(text);
  if (match === null) return undefined;
  const [, sign, integer, fraction = "", exponentText = "0"] = match;
  let digits = `${integer}${fraction}`.replace(/^0+/, "");
  let exponent = Number(exponentText) - fraction.length;
  if (digits === "") return { negative: sign === "-", coefficient: 0n, exponent: 0 };
  const trimmed = digits.replace(/0+$/, "");
  exponent += digits.length - trimmed.length;
  digits = trimmed;
  return { negative: sign === "-", coefficient: BigInt(digits), exponent };
}
