// Which path rules (--tol, --ignore, --unordered, compare.rules) matched a path in some output,
// and a "did you mean" for the others from the paths that were seen: a typo such as
// `--ignore tierr` for `tier` shows in the report instead of silently ignoring nothing.
import type { Outcome } from "../../adapters/types.ts";
import { suggestClosest } from "../config/suggest.ts";
import { parseLossless } from "../json/parse.ts";
import { JsonSyntaxError } from "../json/syntax-error.ts";
import { Kind, kindOf } from "./leaves.ts";
import { compileRulePatterns, resolveCompareOptions } from "./options.ts";
import { parsePathPattern } from "./path-pattern.ts";
import { foldPath, formatPath, formatPathNode, type PathNode } from "./paths.ts";
import { compileRuleContexts, type RuleContext } from "./rule-context.ts";
import type { CompareRule } from "./types.ts";

/** A rule that matched no path in any output, with the closest path seen when one is near. */
export interface UnusedRule {
  /** The rule's pattern, as written. */
  path: string;
  /** What the rule sets: `tolerance`, `ignore`, `unordered`, `trim`, … */
  options: string[];
  /** A path seen in the outputs that is close to the pattern (a likely typo). */
  suggestion?: string;
}

/** Outputs whose paths feed the suggestions; later ones only mark rules. */
const SUGGESTION_VALUES = 20;
/** Distinct paths kept for suggestions, and nodes visited per value while collecting them. */
const MAX_PATHS = 1_000;
const MAX_NODES_PER_VALUE = 5_000;

/** Why: the run feeds it every output it reads; unused() lists the rules nothing matched. */
export class RuleUsage {
  private readonly rules: readonly CompareRule[];
  private readonly root: RuleContext;
  private readonly used: boolean[];
  private unusedCount: number;
  private readonly pathsSeen = new Set<string>();
  private valuesSeen = 0;

  constructor(rules: readonly CompareRule[]) {
    this.rules = rules;
    this.root = compileRuleContexts(resolveCompareOptions(), rules, compileRulePatterns(rules));
    this.used = rules.map(() => false);
    this.unusedCount = rules.length;
  }

  /** True while an output can still change the answer (a rule unmatched, or suggestions to collect). */
  get wantsOutputs(): boolean {
    return this.unusedCount > 0;
  }

  /** Both outcomes of a trial; byte-identical outputs are read once, failures not at all. */
  observeTrial(oldOutcome: Outcome, newOutcome: Outcome): void {
    if (!this.wantsOutputs) return;
    this.observeOutcome(oldOutcome);
    const same =
      oldOutcome.status === "ok" && newOutcome.status === "ok" && oldOutcome.text === newOutcome.text;
    if (!same) this.observeOutcome(newOutcome);
  }

  /** One output value (parsed text when the adapter kept only the text). */
  observeOutcome(outcome: Outcome): void {
    if (!this.wantsOutputs || outcome.status !== "ok") return;
    let value = outcome.value;
    if (value === undefined) {
      try {
        value = parseLossless(outcome.text);
      } catch (error) {
        if (error instanceof JsonSyntaxError) return;
        throw error;
      }
    }
    this.observeValue(value);
  }

  /** Why: tables are compared column by column; a rule naming a column (or a path inside one) is used. */
  observeColumns(columns: readonly string[]): void {
    this.valuesSeen++;
    this.mark(this.root);
    for (const column of columns) {
      const context = this.root.keyChild(column);
      this.mark(context);
      // A pattern that goes on into a column's cells may match there; the engine does not say, so it counts.
      this.markAlive(context);
      if (this.pathsSeen.size < MAX_PATHS) this.pathsSeen.add(formatPath([column]));
    }
  }

  /** Why: walks a value with the rule contexts; collects paths only from the first few values. */
  observeValue(value: unknown): void {
    const collect = this.valuesSeen < SUGGESTION_VALUES;
    this.valuesSeen++;
    let budget = MAX_NODES_PER_VALUE;
    const stack: { value: unknown; context: RuleContext; node: PathNode | null }[] = [
      { value, context: this.root, node: null },
    ];
    while (stack.length > 0) {
      const { value: at, context, node } = stack.pop() as (typeof stack)[number];
      this.mark(context);
      if (collect && budget > 0 && this.pathsSeen.size < MAX_PATHS) {
        budget--;
        this.pathsSeen.add(foldPath(formatPathNode(node)));
      } else if (context.aliveRules.length === 0 || this.unusedCount === 0) {
        continue;
      }
      const kind = kindOf(at);
      if (kind === Kind.array) {
        const elements = at as unknown[];
        for (let i = elements.length - 1; i >= 0; i--) {
          stack.push({
            value: elements[i],
            context: context.indexChild(i),
            node: { parent: node, segment: i },
          });
        }
      } else if (kind === Kind.object) {
        const entries = Object.entries(at as Record<string, unknown>);
        for (let i = entries.length - 1; i >= 0; i--) {
          const [key, child] = entries[i];
          stack.push({ value: child, context: context.keyChild(key), node: { parent: node, segment: key } });
        }
      }
    }
  }

  /** The rules no output matched; empty when nothing was observed (every output failed). */
  unused(): UnusedRule[] {
    if (this.valuesSeen === 0) return [];
    const candidates = [...this.pathsSeen].filter((path) => path !== "$");
    return this.rules.flatMap((rule, index) => {
      if (this.used[index]) return [];
      // One or two letters are one edit from anything: no guess for those.
      const suggestion = rule.path.length < 3 ? undefined : suggestClosest(rule.path, candidates);
      const options = Object.keys(rule).filter((key) => key !== "path");
      return [{ path: rule.path, options, ...(suggestion !== undefined && { suggestion }) }];
    });
  }

  private mark(context: RuleContext): void {
    for (const index of context.matchedRules) this.markUsed(index);
  }

  /** Marks every rule still able to match below `context` (its pattern reached this far). */
  private markAlive(context: RuleContext): void {
    for (const index of context.aliveRules) this.markUsed(index);
  }

  private markUsed(index: number): void {
    if (this.used[index]) return;
    this.used[index] = true;
    this.unusedCount--;
  }
}

/** Why: the same list for a report of any kind, from a run that never saw values (dataset sides failed). */
export function listUnusedRules(usage: RuleUsage | undefined): UnusedRule[] | undefined {
  const unused = usage?.unused() ?? [];
  return unused.length > 0 ? unused : undefined;
}

/**
 * Why: tables (diff, dataset mode, the dataframe style) know their columns once compared; under
 * ignoreColumnCase a rule naming a column in another case (`score` for `Score`) applies to it.
 */
export function findUnusedTableRules(
  rules: readonly CompareRule[],
  columns: { old: readonly string[]; new: readonly string[] },
  ignoreColumnCase = false,
): UnusedRule[] | undefined {
  if (rules.length === 0) return undefined;
  const usage = new RuleUsage(rules);
  const names = new Set([...columns.old, ...columns.new]);
  if (ignoreColumnCase) {
    const lower = new Set([...names].map((name) => name.toLowerCase()));
    for (const rule of rules) {
      const first = parsePathPattern(rule.path)[0];
      if (first?.type === "key" && lower.has(first.key.toLowerCase())) names.add(first.key);
    }
  }
  usage.observeColumns([...names]);
  return listUnusedRules(usage);
}
