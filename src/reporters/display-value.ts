// Lossless values (bigint, IntegralFloat, NaN/±Infinity) as people and jsondiffpatch can read them.
import { isDecimalFloat, isIntegralFloat } from "../json/values.ts";
import { formatValue } from "./value-text.ts";

/** One line with the exact tokens of the output text (`1.0`, `9007199254740993`, `NaN`), cut to maxChars; nesting depth-limited. */
export function formatLosslessValue(value: unknown, maxChars: number): string {
  return formatValue(value, maxChars);
}

/**
 * A plain JSON value for jsondiffpatch, which cannot hold bigint or NaN: big integers become their
 * digits, integral floats their number, non-finite numbers "NaN"/"Infinity"/"-Infinity".
 * Distinctions lost here (`1` vs `1.0`) stay visible in the differences list printed beside the diff.
 */
export function toDisplayValue(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (isIntegralFloat(value)) return value.value;
  if (isDecimalFloat(value)) return value.text;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(toDisplayValue);
  if (value !== null && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) result[key] = toDisplayValue(child);
    return result;
  }
  return value;
}
