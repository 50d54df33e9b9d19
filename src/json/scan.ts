// A cheap pre-scan that decides whether native JSON.parse is lossless for a text. It jumps over
// strings with indexOf and only looks closely at number tokens that could be lossy.
import { toDecimalFloat } from "./decimal-token.ts";
import { isUnsafeIntegerToken } from "./number-token.ts";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const UPPER_N = 0x4e;
const UPPER_I = 0x49;
/** Integer tokens shorter than this (sign included) are always safe integers. */
const SAFE_INTEGER_CHARS = 16;
/** A decimal with at most this many digits and a non-zero fraction can never round to an integer double. */
const NEVER_INTEGRAL_DIGITS = 15;

/**
 * Why: JSON.parse is several times faster than any parser written in JS, but it loses bigints,
 * turns `1.0` into `1` and rejects `NaN`; this says when none of that can happen.
 * Returns true when the text needs the lossless parser (or is not valid JSON at all).
 */
export function needsLosslessParse(text: string): boolean {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = skipString(text, i + 1);
      if (i < 0) return true;
    } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      i = scanNumber(text, i);
      if (i < 0) return true;
    } else if (c === UPPER_N || c === UPPER_I) {
      return true;
    } else {
      i++;
    }
  }
  return false;
}

/** Returns the index after the closing quote, or -1 when the string is not terminated. */
function skipString(text: string, from: number): number {
  let start = from;
  for (;;) {
    const quote = text.indexOf('"', start);
    if (quote < 0) return -1;
    let backslash = quote - 1;
    while (backslash >= from && text.charCodeAt(backslash) === BACKSLASH) backslash--;
    if ((quote - 1 - backslash) % 2 === 0) return quote + 1;
    start = quote + 1;
  }
}

/** Returns the index after the number token, or -1 when the token may be lossy under JSON.parse. */
function scanNumber(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === MINUS) i++;
  const integerStart = i;
  while (isDigit(text.charCodeAt(i))) i++;
  const integerDigits = i - integerStart;
  if (integerDigits === 0) return -1;
  let c = text.charCodeAt(i);
  if (c !== DOT && c !== LOWER_E && c !== UPPER_E) {
    return i - start >= SAFE_INTEGER_CHARS && isUnsafeIntegerToken(text.slice(start, i)) ? -1 : i;
  }
  let firstNonZero = 0;
  let firstNonNine = 0;
  if (c === DOT) {
    const fractionStart = ++i;
    // Leading zeros, then leading nines, are all that matter; the rest is skipped in a tight loop.
    while (text.charCodeAt(i) === ZERO) i++;
    if (isDigit(text.charCodeAt(i))) firstNonZero = i - fractionStart + 1;
    let k = fractionStart;
    while (text.charCodeAt(k) === NINE) k++;
    if (isDigit(text.charCodeAt(k))) firstNonNine = k - fractionStart + 1;
    while (isDigit(text.charCodeAt(i))) i++;
    c = text.charCodeAt(i);
  }
  let hasExponent = false;
  if (c === LOWER_E || c === UPPER_E) {
    hasExponent = true;
    c = text.charCodeAt(++i);
    if (c === PLUS || c === MINUS) i++;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  // Out of the double range, or more digits than a double keeps: the lossless parser keeps the text.
  if (
    (hasExponent || i - start > NEVER_INTEGRAL_DIGITS) &&
    toDecimalFloat(text.slice(start, i)) !== undefined
  )
    return -1;
  // The fraction keeps a distance of at least 10^-k from both neighbouring integers, which
  // is more than half a double's spacing while integer digits + k <= 15.
  const closeness = Math.max(firstNonZero, firstNonNine);
  if (
    !hasExponent &&
    firstNonZero > 0 &&
    firstNonNine > 0 &&
    integerDigits + closeness <= NEVER_INTEGRAL_DIGITS
  ) {
    return i;
  }
  return Number.isInteger(Number(text.slice(start, i))) ? -1 : i;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}
