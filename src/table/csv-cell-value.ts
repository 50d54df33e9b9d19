// How a CSV cell's text becomes a value: the typing rules of src/inputs/csv-cells.ts, applied
// straight to values (no JSON text in between). The engine's SQL typing (engine/cell-sql.ts)
// follows the same rules.
import { toJsonNumberText } from "../inputs/csv-cells.ts";
import { toDecimalFloat } from "../json/decimal-token.ts";
import { toLosslessNumber } from "../json/number-token.ts";
import type { DecimalFloat, IntegralFloat } from "../json/values.ts";

const DIGIT_ZERO = 0x30;
const DIGIT_NINE = 0x39;
const MINUS = 0x2d;
const DOT = 0x2e;
const PLUS = 0x2b;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const NOT_A_NUMBER = 0;
const INTEGER_TOKEN = 1;
const FLOAT_TOKEN = 2;

/**
 * Why: one cell's value under the CSV typing rules: empty → null, a number as written → number
 * (bigint beyond 2^53, IntegralFloat for `1.0`), anything else the text itself.
 */
export function toCsvCellValue(cell: string): string | number | bigint | IntegralFloat | DecimalFloat | null {
  if (cell === "") return null;
  const kind = classifyJsonNumber(cell);
  if (kind !== NOT_A_NUMBER) return toNumber(cell, kind === FLOAT_TOKEN);
  // Only `.5`, `-.5`, `5.` and the like are numbers beyond JSON's own; all need a point.
  if (!cell.includes(".")) return cell;
  const numberText = toJsonNumberText(cell);
  return numberText === undefined ? cell : toNumber(numberText, true);
}

/** A number token as the lossless parser reads it: a float no double holds stays a DecimalFloat. */
function toNumber(token: string, isFloat: boolean): number | bigint | IntegralFloat | DecimalFloat {
  return (isFloat ? toDecimalFloat(token) : undefined) ?? toLosslessNumber(token, isFloat);
}

/**
 * One pass over the cell instead of a regular expression: whether it is a JSON number token
 * (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`, the pattern toJsonNumberText accepts as written),
 * and if so whether it is written as a float.
 */
function classifyJsonNumber(cell: string): number {
  const length = cell.length;
  let i = cell.charCodeAt(0) === MINUS ? 1 : 0;
  const first = cell.charCodeAt(i);
  if (first === DIGIT_ZERO) i += 1;
  else if (first > DIGIT_ZERO && first <= DIGIT_NINE) i = skipDigits(cell, i + 1);
  else return NOT_A_NUMBER;
  let kind = INTEGER_TOKEN;
  if (cell.charCodeAt(i) === DOT) {
    const end = skipDigits(cell, i + 1);
    if (end === i + 1) return NOT_A_NUMBER;
    i = end;
    kind = FLOAT_TOKEN;
  }
  const code = cell.charCodeAt(i);
  if (code === LOWER_E || code === UPPER_E) {
    i += 1;
    const sign = cell.charCodeAt(i);
    if (sign === PLUS || sign === MINUS) i += 1;
    const end = skipDigits(cell, i);
    if (end === i) return NOT_A_NUMBER;
    i = end;
    kind = FLOAT_TOKEN;
  }
  return i === length ? kind : NOT_A_NUMBER;
}

function skipDigits(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < DIGIT_ZERO || code > DIGIT_NINE) break;
    i += 1;
  }
  return i;
}
