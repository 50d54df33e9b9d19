// Turning one JSON number token into its lossless value (see values.ts for the model).
import { IntegralFloat } from "./values.ts";

/** Digits of Number.MAX_SAFE_INTEGER (9007199254740991): shorter integer tokens are always safe. */
const SAFE_INTEGER_DIGITS = 16;

/** Why: the single place that decides number vs bigint vs IntegralFloat, shared by parser and numeric strings. */
export function toLosslessNumber(token: string, isFloatToken: boolean): number | bigint | IntegralFloat {
  const value = Number(token);
  if (isFloatToken) return Number.isInteger(value) ? new IntegralFloat(value) : value;
  if (token.length < SAFE_INTEGER_DIGITS || Number.isSafeInteger(value)) return value;
  return BigInt(token);
}

/** Why: an integer token can be lossy only from 16 characters on (sign included), so shorter ones skip the check. */
export function isUnsafeIntegerToken(token: string): boolean {
  return token.length >= SAFE_INTEGER_DIGITS && !Number.isSafeInteger(Number(token));
}
