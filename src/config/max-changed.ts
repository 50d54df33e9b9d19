// The gate's threshold in both of its spellings: what users write (`3`, `"0.5%"`) and the
// resolved MaxChanged ({count} or {ratePercent}).
import { flagError } from "./flag-grammars.ts";
import { MAX_CHANGED_EXPECTED, RATE_PERCENT_PATTERN } from "./schema-leaves.ts";
import type { MaxChanged } from "./types.ts";

/** Why: `--max-changed <count|rate%>` and `gate.maxChanged` (`3`, `"0.5%"`) share one reading. */
export function parseMaxChanged(value: string | number, flag = "--max-changed"): MaxChanged {
  const text = String(value).trim();
  if (/^\d+$/.test(text) && Number.isSafeInteger(Number(text))) return { count: Number(text) };
  if (RATE_PERCENT_PATTERN.test(text)) return { ratePercent: Number(text.slice(0, -1)) };
  throw flagError(flag, MAX_CHANGED_EXPECTED, String(value));
}

/** Why: settings and flag layers keep the threshold as the user wrote it (`3` or `"0.5%"`). */
export function formatMaxChanged(maxChanged: MaxChanged): number | string {
  return "count" in maxChanged ? maxChanged.count : `${maxChanged.ratePercent}%`;
}
