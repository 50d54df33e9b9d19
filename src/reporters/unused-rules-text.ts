// The lines that name path rules no output matched (a likely typo), for the terminal and Markdown.
import type { UnusedRule } from "../compare/rule-usage.ts";

/** Unused rules listed one by one; the JSON report holds them all. */
const MAX_LISTED = 10;

/** One structured line per unused rule, so each renderer can mark the paths up its own way. */
export interface UnusedRuleLine {
  /** `ignore rule`, `tolerance rule`, … */
  what: string;
  path: string;
  suggestion?: string;
}

/** Why: a rule that matched nothing compares nothing; the reader must see it beside the verdict. */
export function listUnusedRuleLines(rules: readonly UnusedRule[] | undefined): UnusedRuleLine[] {
  return (rules ?? []).slice(0, MAX_LISTED).map((rule) => ({
    what: rule.options.length > 0 ? `${rule.options.join(", ")} rule` : "rule",
    path: rule.path,
    ...(rule.suggestion !== undefined && { suggestion: rule.suggestion }),
  }));
}

/** `Unused ignore rule tierr: it matched no path in any output; did you mean tier?` with `mark` around paths. */
export function describeUnusedRule(line: UnusedRuleLine, mark: (path: string) => string): string {
  const guess = line.suggestion === undefined ? "" : `; did you mean ${mark(line.suggestion)}?`;
  return `Unused ${line.what} ${mark(line.path)}: it matched no path in any output${guess}`;
}

/** `… and 3 more unused rules (see the JSON report)` when the list was cut. */
export function describeMoreUnusedRules(rules: readonly UnusedRule[] | undefined): string | undefined {
  const more = (rules?.length ?? 0) - MAX_LISTED;
  return more > 0 ? `… and ${more} more unused rules (all of them are in the JSON report)` : undefined;
}
