// compare(oldValue, newValue, settings): the comparator on two values in memory, with the config's
// `compare` settings (validated by the same schema). JavaScript values (Map, Set, Date, BigInt,
// typed arrays) are first turned into their comparable form, as the module adapter does.
import { toComparable } from "../../adapters/module/comparable-value.ts";
import { createComparator } from "../compare/comparator.ts";
import type { Difference } from "../compare/types.ts";
import { expandExact } from "../config/layers.ts";
import { validateUserConfig } from "../config/load-config-file.ts";
import { resolveCompare } from "../config/resolve.ts";
import type { CompareSettings } from "./types.ts";

/** What compare() found: every difference beyond tolerance (capped per compare.maxDifferencesPerTrial). */
export interface Comparison {
  /** True when there is no difference. */
  equal: boolean;
  differences: Difference[];
  /** True when maxDifferencesPerTrial was reached and later differences were dropped. */
  truncated: boolean;
}

/** Why: a test or a notebook can check two outputs with exactly the semantics of a run. */
export function compare(oldValue: unknown, newValue: unknown, settings: CompareSettings = {}): Comparison {
  const config = expandExact(validateUserConfig({ compare: settings }, "compare options"));
  const comparator = createComparator(resolveCompare(config));
  const result = comparator.compareValues(toComparable(oldValue), toComparable(newValue));
  return {
    equal: result.differences.length === 0,
    differences: result.differences,
    truncated: result.truncated,
  };
}
