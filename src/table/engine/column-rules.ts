// The comparator's options in force for one column (a column name is a path), for the parts of a
// table comparison the engine computes itself: key normalisation and tolerant distributions.

import type { EffectiveOptions } from "../../compare/effective-options.ts";
import { compileRulePatterns } from "../../compare/options.ts";
import { compileRuleContexts } from "../../compare/rule-context.ts";
import type { CompareOptions } from "../../compare/types.ts";

/** Why: the engine must apply the same per-column rules the record comparator applies to cells. */
export function columnRules(options: CompareOptions): (column: string) => EffectiveOptions {
  const root = compileRuleContexts(options, options.rules, compileRulePatterns(options.rules));
  return (column) => root.keyChild(column).options;
}

/** True when the options, or any rule, tell -0 from 0. */
export function anySignedZero(options: CompareOptions): boolean {
  return options.signedZero || options.rules.some((rule) => rule.signedZero === true);
}

/** True when the options, or any rule, make NaN unequal to NaN. */
export function anyNanUnequal(options: CompareOptions): boolean {
  return options.nan === "unequal" || options.rules.some((rule) => rule.nan === "unequal");
}
