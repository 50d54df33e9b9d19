// What JSON.parse hides about a line's numbers, found in one hand-written pass: which number
// tokens were written as integral floats (`1.0`, `2e3`) and which are integers beyond 2^53.
// The cover selector pairs these flags, in text order, with the numbers of the parsed value.

/** Token flag: a plain number that JSON.parse keeps as written. */
export const PLAIN_TOKEN = 0;
/** Token flag: a float token whose value is an integer (`1.0`), which JSON.parse turns into `1`. */
export const INTEGRAL_FLOAT_TOKEN = 1;
/** Token flag: an integer token beyond 2^53, which JSON.parse rounds. */
export const BIG_INTEGER_TOKEN = 2;

const QUOTE = 0x22;
const COLON = 0x3a;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
/** Number.MAX_SAFE_INTEGER's digits: an integer token is unsafe when its digits are more or greater. */
const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER);
/** Integer parts shorter than this are always safe integers. */
const SAFE_INTEGER_CHARS = 16;
/** A fraction this close to an integer in at most this many digits can never round to one. */
const NEVER_INTEGRAL_DIGITS = 15;

/** The flags of one line's number tokens, in text order; reused from line to line. */
export interface NumberTokenFlags {
  /** Flags of the first `count` tokens. */
  flags: Uint8Array;
  count: number;
  /** True when any token is not PLAIN_TOKEN, i.e. the flags carry information. */
  lossy: boolean;
  /** True when an object key is all digits (`"12":`): JS orders such keys first, so values and tokens would not line up. */
  numericKey: boolean;
}

/** Why: one buffer for the whole pass, so scanning a line allocates nothing. */
export function createNumberTokenFlags(): NumberTokenFlags {
  return { flags: new Uint8Array(64), count: 0, lossy: false, numericKey: false };
}

/**
 * Why: the regex scan it replaces cost more than JSON.parse itself; this walks the text once,
 * jumps over strings with indexOf and only converts a number token when its digits cannot
 * decide. The text must be valid JSON (it was parsed already).
 */
export function scanNumberTokenFlags(text: string, into: NumberTokenFlags): NumberTokenFlags {
  into.count = 0;
  into.lossy = false;
  into.numericKey = false;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = skipString(text, i + 1);
      if (isDigit(text.charCodeAt(i + 1)) && isNumericKey(text, i + 1, end)) into.numericKey = true;
      i = end;
    } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      i = scanNumber(text, i, into);
    } else {
      i++;
    }
  }
  return into;
}

function push(into: NumberTokenFlags, flag: number): void {
  if (into.count === into.flags.length) {
    const grown = new Uint8Array(into.flags.length * 2);
    grown.set(into.flags);
    into.flags = grown;
  }
  into.flags[into.count++] = flag;
  if (flag !== PLAIN_TOKEN) into.lossy = true;
}

/** Whether the string `text[from, end - 1)` is all digits and followed by a colon, i.e. a numeric object key. */
function isNumericKey(text: string, from: number, end: number): boolean {
  for (let k = from; k < end - 1; k++) if (!isDigit(text.charCodeAt(k))) return false;
  let next = end;
  while (next < text.length && text.charCodeAt(next) <= 0x20) next++;
  return text.charCodeAt(next) === COLON;
}

/** Returns the index after the closing quote (the text's end for an unterminated string). */
function skipString(text: string, from: number): number {
  let start = from;
  for (;;) {
    const quote = text.indexOf('"', start);
    if (quote < 0) return text.length;
    let backslash = quote - 1;
    while (backslash >= from && text.charCodeAt(backslash) === BACKSLASH) backslash--;
    if ((quote - 1 - backslash) % 2 === 0) return quote + 1;
    start = quote + 1;
  }
}

function scanNumber(text: string, start: number, into: NumberTokenFlags): number {
  let i = start;
  if (text.charCodeAt(i) === MINUS) i++;
  const integerStart = i;
  while (isDigit(text.charCodeAt(i))) i++;
  const integerDigits = i - integerStart;
  let c = text.charCodeAt(i);
  if (c !== DOT && c !== LOWER_E && c !== UPPER_E) {
    push(into, isUnsafeInteger(text, integerStart, integerDigits) ? BIG_INTEGER_TOKEN : PLAIN_TOKEN);
    return i;
  }
  let firstNonZero = 0;
  let firstNonNine = 0;
  if (c === DOT) {
    const fractionStart = ++i;
    // Leading zeros, then leading nines, decide most tokens; the rest is skipped in a tight loop.
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
  if (!hasExponent) {
    // Only zeros after the point: an integral float, whatever the integer part.
    if (firstNonZero === 0 && integerDigits < SAFE_INTEGER_CHARS) {
      push(into, INTEGRAL_FLOAT_TOKEN);
      return i;
    }
    // A fraction at least 10^-k from both neighbouring integers stays off them in a double.
    const closeness = Math.max(firstNonZero, firstNonNine);
    if (firstNonZero > 0 && firstNonNine > 0 && integerDigits + closeness <= NEVER_INTEGRAL_DIGITS) {
      push(into, PLAIN_TOKEN);
      return i;
    }
  }
  push(into, Number.isInteger(Number(text.slice(start, i))) ? INTEGRAL_FLOAT_TOKEN : PLAIN_TOKEN);
  return i;
}

/** Decided on the digits, without converting: JSON integers have no leading zeros. */
function isUnsafeInteger(text: string, from: number, digits: number): boolean {
  if (digits !== MAX_SAFE_DIGITS.length) return digits > MAX_SAFE_DIGITS.length;
  for (let k = 0; k < digits; k++) {
    const difference = text.charCodeAt(from + k) - MAX_SAFE_DIGITS.charCodeAt(k);
    if (difference !== 0) return difference > 0;
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}
