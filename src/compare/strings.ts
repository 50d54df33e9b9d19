// String semantics: exact by default; a rule may trim, ignore case, normalise Unicode (NFC), or
// read numeric strings as numbers (CSV cells, `"3.10"` written by one side and `3.1` by the other).
import { toLosslessNumber } from "../json/number-token.ts";
import type { EffectiveOptions } from "./effective-options.ts";
import type { NumberLike } from "./numbers.ts";

const NUMERIC = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const SPECIAL_NUMBERS = new Map<string, number>([
  ["nan", Number.NaN],
  ["+nan", Number.NaN],
  ["-nan", Number.NaN],
  ["inf", Number.POSITIVE_INFINITY],
  ["+inf", Number.POSITIVE_INFINITY],
  ["infinity", Number.POSITIVE_INFINITY],
  ["+infinity", Number.POSITIVE_INFINITY],
  ["-inf", Number.NEGATIVE_INFINITY],
  ["-infinity", Number.NEGATIVE_INFINITY],
]);

/** Why: strings are exact unless the rule in force says trim / caseInsensitive / unicode NFC. */
export function areStringsEqual(oldValue: string, newValue: string, options: EffectiveOptions): boolean {
  if (oldValue === newValue) return true;
  if (options.plainStrings) return false;
  return normalizeString(oldValue, options) === normalizeString(newValue, options);
}

/** Why: with `numericStrings`, `"7"`, `"7.0"`, `" 1e3 "`, `"NaN"` read as numbers; anything else stays a string (undefined). */
export function parseNumericString(text: string): NumberLike | undefined {
  const token = text.trim();
  if (NUMERIC.test(token)) {
    const unsigned = token.startsWith("+") ? token.slice(1) : token;
    return toLosslessNumber(unsigned, /[.eE]/.test(unsigned));
  }
  return SPECIAL_NUMBERS.get(token.toLowerCase());
}

function normalizeString(value: string, options: EffectiveOptions): string {
  let normalized = options.trim ? value.trim() : value;
  if (options.nfc) normalized = normalized.normalize("NFC");
  if (options.caseInsensitive) normalized = normalized.toLowerCase();
  return normalized;
}
