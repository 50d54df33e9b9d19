// Fills the comparator's options from the defaults, through the comparator's own
// resolveCompareOptions (src/compare/options.ts), so defaults and rule checks live in one place.
import { resolveCompareOptions } from "../compare/options.ts";
import type { CompareOptions } from "../compare/types.ts";

/** Why: the resolved config carries fully populated comparator options, nothing left to default. */
export function buildCompareOptions(partial: Partial<CompareOptions>): CompareOptions {
  const given = Object.entries(partial).filter(([, value]) => value !== undefined);
  return resolveCompareOptions(Object.fromEntries(given) as Partial<CompareOptions>);
}
