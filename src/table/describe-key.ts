// How a report names a row by its key.
import { stringifyLossless } from "../json/stringify.ts";

/** Why: `id=5` or `id=5, day="2024-01-01"` in examples and messages. */
export function describeKey(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([column, value]) => `${column}=${stringifyLossless(value)}`)
    .join(", ");
}
