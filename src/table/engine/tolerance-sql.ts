// Cells the engine may call equal without the record comparator: two floats of a column whose
// rule is a plain abs/rel tolerance, finite, and clearly within it. Float noise is most of what
// differs between two runs of a pipeline, and this keeps it in the engine; everything else
// (NaN, ±Infinity, -0 under signedZero, integers, strings, nested values, a near miss) is still
// the comparator's to judge.
import type { EffectiveOptions } from "../../compare/effective-options.ts";
import { type ColumnEncoding, knownKindSql } from "./cell-sql.ts";
import { typedKind } from "./typed-cells.ts";

/** One side's cell of a column: its SQL, how it is held, and the side's kind mask for the column. */
export interface ToleranceCell {
  cell: string;
  encoding: ColumnEncoding;
  mask: number;
}

/**
 * The margin that keeps the engine's verdict the comparator's: a cell's text may hold more digits
 * than a double keeps (the comparator then measures in decimals), which moves a difference by
 * less than 1e-15 of the larger magnitude; a pair is decided here only when its difference is at
 * most half its tolerance and that tolerance is at least 1e-14 of the larger magnitude.
 */
const SAFE_SHARE = 0.5;
const SMALLEST_RELATIVE_TOLERANCE = 1e-14;

/** Why: SQL that is true only where the comparator would find the two cells equal within tolerance; undefined when it cannot tell. */
export function certainlyWithinToleranceSql(
  oldSide: ToleranceCell,
  newSide: ToleranceCell,
  rules: EffectiveOptions,
): string | undefined {
  if (rules.ignore || rules.signedZero) return undefined;
  if (rules.absTolerance <= 0 && rules.relTolerance <= 0) return undefined;
  const oldFloat = floatOf(oldSide);
  const newFloat = floatOf(newSide);
  if (oldFloat === undefined || newFloat === undefined) return undefined;
  const [a, b] = [oldFloat.number, newFloat.number];
  const magnitude = `greatest(abs(${a}), abs(${b}))`;
  const tolerance = `greatest(${literal(rules.absTolerance)}, ${literal(rules.relTolerance)} * ${magnitude})`;
  // Never NULL: a null cell is not within any tolerance of another.
  return (
    `coalesce(${oldFloat.isFloat} AND ${newFloat.isFloat} AND isfinite(${a}) AND isfinite(${b}) ` +
    `AND abs(${a} - ${b}) <= ${SAFE_SHARE} * ${tolerance} ` +
    `AND ${tolerance} >= ${literal(SMALLEST_RELATIVE_TOLERANCE)} * ${magnitude}, FALSE)`
  );
}

/** A side's cell as a float: when it is one, and its double; undefined for a column without floats. */
function floatOf(side: ToleranceCell): { isFloat: string; number: string } | undefined {
  const { cell, encoding, mask } = side;
  if (typeof encoding === "object")
    return typedKind(encoding.typed) === 2
      ? { isFloat: "TRUE", number: `CAST(${cell} AS DOUBLE)` }
      : undefined;
  if (encoding === "csv-strings" || (mask & 2) === 0) return undefined;
  return { isFloat: `${knownKindSql(cell, encoding, mask)} = 2`, number: `TRY_CAST(${cell} AS DOUBLE)` };
}

function literal(value: number): string {
  return value.toExponential();
}
