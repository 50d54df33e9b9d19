// Lossless values (bigint, IntegralFloat, NaN/±Infinity) as people read them.
import { formatValue } from "./value-text.ts";

/** One line with the exact tokens of the output text (`1.0`, `9007199254740993`, `NaN`), cut to maxChars; nesting depth-limited. */
export function formatLosslessValue(value: unknown, maxChars: number): string {
  return formatValue(value, maxChars);
}
