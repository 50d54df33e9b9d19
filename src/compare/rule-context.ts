// Rule matching, compiled once: every node of the walk holds a RuleContext (the pattern states
// alive at that node and the options in force). A child's context is a Map lookup at most:
// contexts are cached per key that some pattern names, and one shared context serves every
// other key, so the cache stays bounded however many distinct keys the data has.
//
// Which rule applies at a node: the rules whose pattern matches the node itself compete, the
// most specific winning (fewest wildcards, then most segments, then the later rule). When no
// rule matches the node, it inherits its parent's options: a rule applies to its matched node
// and everything below it, until a rule matching a deeper node takes over. A trailing `**`
// therefore means "this node and below" (`a.**` acts as `a`, `**` as `$`).
import { type EffectiveOptions, resolveEffectiveOptions } from "./effective-options.ts";
import { countWildcards, type PatternSegment } from "./path-pattern.ts";
import type { CompareOptions, CompareRule } from "./types.ts";

/** A rule ready for matching: its segments (trailing `**` removed) and its rank (higher = more specific). */
export interface CompiledRule {
  segments: readonly PatternSegment[];
  rank: number;
  options: EffectiveOptions;
}

/** States are `rule * STATE_STRIDE + position`; patterns are far shorter than this. */
const STATE_STRIDE = 65_536;
const NO_INDEX = -1;

/** Why: compiles rules once per comparator; the root context is where every walk starts. */
export function compileRuleContexts(
  options: CompareOptions,
  rules: readonly CompareRule[],
  patterns: readonly PatternSegment[][],
): RuleContext {
  const order = rules.map((_, index) => index);
  order.sort((a, b) => compareSpecificity(patterns[a], a, patterns[b], b));
  const compiled: CompiledRule[] = rules.map((rule, index) => ({
    segments: stripTrailingDeep(patterns[index]),
    rank: order.indexOf(index),
    options: resolveEffectiveOptions(options, rule),
  }));
  const globalOptions = resolveEffectiveOptions(options);
  const start = closeStates(
    compiled,
    compiled.map((_, index) => index * STATE_STRIDE),
  );
  return new RuleContext(compiled, start, pickOptions(compiled, start, globalOptions));
}

/** The pattern states alive at one node and the options in force there. */
export class RuleContext {
  readonly options: EffectiveOptions;
  /** Indices of the rules whose whole pattern matches this node (the winner and the ones it beat). */
  readonly matchedRules: readonly number[];
  /** Indices of the rules whose pattern goes on below this node (none: a walk that only tracks rules may stop here). */
  readonly aliveRules: readonly number[];
  private readonly rules: readonly CompiledRule[];
  private readonly states: readonly number[];
  /** Keys and indices that some live state names literally; every other one shares a child. */
  private readonly names: Set<string> | null;
  private readonly indices: Set<number> | null;
  private readonly byName = new Map<string, RuleContext>();
  private readonly byIndex = new Map<number, RuleContext>();
  private otherKey: RuleContext | undefined;
  private otherIndex: RuleContext | undefined;

  constructor(rules: readonly CompiledRule[], states: readonly number[], options: EffectiveOptions) {
    this.rules = rules;
    this.states = states;
    this.options = options;
    const names = new Set<string>();
    const indices = new Set<number>();
    const matched: number[] = [];
    const alive: number[] = [];
    for (const state of states) {
      const rule = Math.floor(state / STATE_STRIDE);
      const segment = rules[rule].segments[state % STATE_STRIDE];
      if (segment === undefined) matched.push(rule);
      else alive.push(rule);
      if (segment?.type === "key") names.add(segment.key);
      else if (segment?.type === "index") indices.add(segment.index);
    }
    this.matchedRules = matched;
    this.aliveRules = alive;
    this.names = names.size > 0 ? names : null;
    this.indices = indices.size > 0 ? indices : null;
  }

  /** Why: the walk's per-key step; a Map lookup at most. */
  keyChild(key: string): RuleContext {
    if (this.names === null || !this.names.has(key)) {
      if (this.otherKey === undefined) this.otherKey = this.step(key, NO_INDEX);
      return this.otherKey;
    }
    let child = this.byName.get(key);
    if (child === undefined) {
      child = this.step(key, NO_INDEX);
      this.byName.set(key, child);
    }
    return child;
  }

  /** Why: the walk's per-element step; pass -1 for an element matched by content or key (only `[*]`/`*` apply). */
  indexChild(index: number): RuleContext {
    if (this.indices === null || !this.indices.has(index)) {
      if (this.otherIndex === undefined) this.otherIndex = this.step(null, NO_INDEX);
      return this.otherIndex;
    }
    let child = this.byIndex.get(index);
    if (child === undefined) {
      child = this.step(null, index);
      this.byIndex.set(index, child);
    }
    return child;
  }

  private step(key: string | null, index: number): RuleContext {
    const next: number[] = [];
    for (const state of this.states) {
      const position = state % STATE_STRIDE;
      const segment = this.rules[Math.floor(state / STATE_STRIDE)].segments[position];
      if (segment === undefined) continue;
      const matches =
        segment.type === "deep" ||
        segment.type === "anyKey" ||
        (segment.type === "key" && segment.key === key) ||
        (segment.type === "anyIndex" && key === null) ||
        (segment.type === "index" && segment.index === index && key === null);
      if (matches) next.push(segment.type === "deep" ? state : state + 1);
    }
    const states = closeStates(this.rules, next);
    const options = pickOptions(this.rules, states, this.options);
    if (options === this.options && sameStates(states, this.states)) return this;
    return new RuleContext(this.rules, states, options);
  }
}

/** Adds, for every state before a `**`, the state after it (`**` matches zero segments too); sorts and dedupes. */
function closeStates(rules: readonly CompiledRule[], states: number[]): number[] {
  const closed = new Set<number>();
  for (let state of states) {
    closed.add(state);
    const segments = rules[Math.floor(state / STATE_STRIDE)].segments;
    while (segments[state % STATE_STRIDE]?.type === "deep") closed.add(++state);
  }
  return [...closed].sort((a, b) => a - b);
}

/** The most specific rule fully matched at this node, else the inherited options. */
function pickOptions(rules: readonly CompiledRule[], states: readonly number[], inherited: EffectiveOptions) {
  let best: CompiledRule | undefined;
  for (const state of states) {
    const rule = rules[Math.floor(state / STATE_STRIDE)];
    if (state % STATE_STRIDE === rule.segments.length && (best === undefined || rule.rank > best.rank))
      best = rule;
  }
  return best === undefined ? inherited : best.options;
}

function sameStates(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((state, index) => state === b[index]);
}

function stripTrailingDeep(segments: readonly PatternSegment[]): PatternSegment[] {
  let end = segments.length;
  while (end > 0 && segments[end - 1].type === "deep") end--;
  return segments.slice(0, end);
}

/** Sorts from least to most specific: more wildcards first, then fewer segments, then earlier rules. */
function compareSpecificity(
  a: readonly PatternSegment[],
  aIndex: number,
  b: readonly PatternSegment[],
  bIndex: number,
) {
  return countWildcards(b) - countWildcards(a) || a.length - b.length || aIndex - bIndex;
}
