// Path rules under `ignoreColumnCase`: a rule that names a column (its pattern's first key) applies
// to every column whose name equals it ignoring case, as the columns themselves are matched.
import { type PatternSegment, parsePathPattern } from "../compare/path-pattern.ts";
import type { CompareRule } from "../compare/types.ts";

/** Why: with --ignore-column-case, `--tol score=abs:1` must reach the column `Score`. */
export function matchRulesToColumnCase(
  rules: readonly CompareRule[],
  columns: readonly string[],
): CompareRule[] {
  return rules.flatMap((rule) => {
    const segments = parsePathPattern(rule.path);
    const first = segments[0];
    if (first?.type !== "key") return [rule];
    // Each other spelling gets the rule right after it, so later rules still win ties.
    const spellings = otherSpellings(first.key, columns);
    return [
      rule,
      ...spellings.map((column) => ({ ...rule, path: formatPattern(column, segments.slice(1)) })),
    ];
  });
}

function otherSpellings(key: string, columns: readonly string[]): string[] {
  const lower = key.toLowerCase();
  return [...new Set(columns.filter((column) => column !== key && column.toLowerCase() === lower))];
}

/** The pattern of a column followed by the rest of a rule's segments, every key quoted. */
function formatPattern(column: string, rest: readonly PatternSegment[]): string {
  const parts = rest.map(formatSegment);
  return `[${JSON.stringify(column)}]${parts.join("")}`;
}

function formatSegment(segment: PatternSegment): string {
  switch (segment.type) {
    case "key":
      return `[${JSON.stringify(segment.key)}]`;
    case "index":
      return `[${segment.index}]`;
    case "anyIndex":
      return "[*]";
    case "anyKey":
      return ".*";
    case "deep":
      return ".**";
  }
}
