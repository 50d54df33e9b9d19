// The kind of a CSV cell (null, int, float or text) in SQL, without a pattern match per cell: a CSV
// cell is a number exactly when it is written as JSON writes one (plus `.5` and `5.`), which the
// patterns below define. Most cells are decided by comparing their first characters and by the
// engine's own number parser; only the few cells those cannot decide meet the patterns.

/** The patterns that define a CSV number (csv-cell-value.ts reads cells by the same rule). */
export const CSV_INT_PATTERN = "-?(0|[1-9][0-9]*)";
export const CSV_FLOAT_PATTERN = "-?((0|[1-9][0-9]*)(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?";

/**
 * A cell that starts as a number must start with `-`, `.` or a digit: one text comparison on its
 * first byte (`/` passes too, but no number parses from it).
 */
function startsAsNumberSql(cell: string): string {
  return `(${cell} >= '-' AND ${cell} < ':')`;
}

/** `-` and then a letter: the parser reads `-inf` and `-nan`, which are text. */
function minusWordSql(cell: string): string {
  return `(${cell} >= '-A' AND ${cell} < '.')`;
}

/** A `0` followed by a digit (after an optional `-`): `007`, `-00.5` are text. */
function leadingZeroSql(cell: string): string {
  return `((${cell} >= '00' AND ${cell} < '0:') OR (${cell} >= '-00' AND ${cell} < '-0:'))`;
}

/** The white space the engine's number parser skips after a number (a suffix test is cheap). */
const SPACE_CODES = [32, 9, 10, 11, 12, 13];

function endsInSpaceSql(cell: string): string {
  return `(${SPACE_CODES.map((code) => `ends_with(${cell}, chr(${code}))`).join(" OR ")})`;
}

/**
 * Why: the engine's number parser, applied only where a cell starts as a number; the profile
 * computes it once and both the cell's kind and its number use it.
 */
export function csvParsedNumberSql(cell: string): string {
  return `(CASE WHEN ${startsAsNumberSql(cell)} THEN TRY_CAST(${cell} AS DOUBLE) END)`;
}

/**
 * Why: a CSV cell's kind bit (0 null, 1 int, 2 float, 4 text), the same answer as matching
 * CSV_INT_PATTERN and CSV_FLOAT_PATTERN. A cell that starts as a number and parses is a number
 * unless the parser was more lenient than JSON: it also reads `-inf`, leading zeros, trailing
 * white space and digit separators (`1_000`), so cells with any of those go to the patterns, as
 * do cells it cannot parse (`1e400`). Such a number is a float exactly when it has a point or an
 * exponent.
 * `parsed` is csvParsedNumberSql(cell), when the caller has it already.
 */
export function csvKindSql(cell: string, parsed = csvParsedNumberSql(cell)): string {
  const fraction = `contains(${cell}, '.') OR contains(${cell}, 'e') OR contains(${cell}, 'E')`;
  return (
    `(CASE WHEN ${cell} IS NULL THEN 0 WHEN ${parsed} IS NOT NULL AND NOT ${minusWordSql(cell)} ` +
    `AND NOT ${leadingZeroSql(cell)} AND NOT ${endsInSpaceSql(cell)} AND NOT contains(${cell}, '_') ` +
    `THEN CASE WHEN ${fraction} THEN 2 ELSE 1 END WHEN NOT ${startsAsNumberSql(cell)} THEN 4 ` +
    `WHEN regexp_full_match(${cell}, '${CSV_INT_PATTERN}') THEN 1 ` +
    `WHEN regexp_full_match(${cell}, '${CSV_FLOAT_PATTERN}') THEN 2 ELSE 4 END)`
  );
}

/**
 * Why: a JSON number's kind (1 int, 2 float): a float has a point, an exponent or is Infinity —
 * the same answer as looking for any of `.eEI`, by substring tests instead of a pattern.
 */
export function jsonNumberKindSql(cell: string): string {
  return (
    `CASE WHEN contains(${cell}, '.') OR contains(${cell}, 'e') OR contains(${cell}, 'E') OR contains(${cell}, 'I') ` +
    "THEN 2 ELSE 1 END"
  );
}
