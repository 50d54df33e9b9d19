// parseLossless: one JSON value as the lossless value model (values.ts), through native
// JSON.parse whenever a cheap pre-scan proves that is lossless, else the iterative parser.
import { parseLosslessSlow } from "./lossless-parser.ts";
import { needsLosslessParse } from "./scan.ts";
import type { LosslessValue } from "./values.ts";

/**
 * Why: pipeline outputs carry ids beyond 2^53, `1.0` vs `1`, and `NaN` tokens; all must survive.
 * Throws JsonSyntaxError (with `position`) on invalid text or trailing garbage.
 */
export function parseLossless(text: string): LosslessValue {
  if (!needsLosslessParse(text)) {
    try {
      return JSON.parse(text) as LosslessValue;
    } catch {
      // Invalid text: the lossless parser reports where, in our own words.
    }
  }
  return parseLosslessSlow(text);
}
