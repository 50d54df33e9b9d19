// The numeric reading of a lossless value, for statistics (never for the comparison itself,
// which keeps bigints exact and 1 vs 1.0 apart).
import { IntegralFloat } from "../json/values.ts";

/** Why: statistics need one double per number, whatever its spelling; undefined for non-numbers. */
export function numericValueOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (value instanceof IntegralFloat) return value.value;
  if (typeof value === "bigint") return Number(value);
  return undefined;
}

/** Why: null, an absent key and NaN all read as "missing" in a table (as pandas' isnull does). */
export function isNullish(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "number" && Number.isNaN(value));
}
