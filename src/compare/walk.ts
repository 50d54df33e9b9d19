// The tolerant walk: compares two lossless values under the rules and records every difference.
// Iterative (explicit stacks), so nesting depth is bounded by memory, not by the call stack.
// Scalars are compared inline; only containers are pushed. Paths are parent links, turned into
// strings only when a difference is recorded.
import type { EffectiveOptions } from "./effective-options.ts";
import { compareKeyedArrays } from "./keyed-arrays.ts";
import { compareLeaves, Kind, kindOf, measureLeafError } from "./leaves.ts";
import { compareMultisets } from "./multiset.ts";
import { comparePlainNumbers, LeafMatch } from "./numbers.ts";
import { formatPathNode, type PathNode, type PathSegment } from "./paths.ts";
import type { RuleContext } from "./rule-context.ts";
import type { Difference, DifferenceKind } from "./types.ts";

/** Where differences go: at most `limit`; one more sets `truncated` and stops the walk. */
export interface DifferenceSink {
  differences: Difference[];
  limit: number;
  truncated: boolean;
}

/** Why: one reusable walker per comparator; nested probes (multiset pairing) get their own. */
export class Walker {
  readonly sink: DifferenceSink;
  private readonly oldStack: unknown[] = [];
  private readonly newStack: unknown[] = [];
  private readonly nodeStack: (PathNode | null)[] = [];
  private readonly contextStack: RuleContext[] = [];
  private probeWalker: Walker | undefined;

  constructor(sink: DifferenceSink) {
    this.sink = sink;
  }

  /** Compares two whole values from `context` (the root context for a trial). */
  walk(oldValue: unknown, newValue: unknown, context: RuleContext): void {
    this.clearStacks();
    if (context.options.ignore) return;
    this.compareChild(oldValue, newValue, context, null, undefined);
    while (this.oldStack.length > 0 && !this.sink.truncated) {
      const newContainer = this.newStack.pop();
      const oldContainer = this.oldStack.pop();
      const node = this.nodeStack.pop() as PathNode | null;
      const containerContext = this.contextStack.pop() as RuleContext;
      const base = this.oldStack.length;
      if (Array.isArray(oldContainer)) {
        const options = containerContext.options;
        const newArray = newContainer as unknown[];
        if (options.unorderedKey !== null) {
          compareKeyedArrays(this, oldContainer, newArray, containerContext, node, options.unorderedKey);
        } else if (options.unorderedMultiset) {
          compareMultisets(this, oldContainer, newArray, containerContext, node);
        } else {
          this.compareArrays(oldContainer, newArray, containerContext, node);
        }
      } else {
        this.compareObjects(
          oldContainer as Record<string, unknown>,
          newContainer as Record<string, unknown>,
          containerContext,
          node,
        );
      }
      this.reverseFrom(base);
    }
    this.clearStacks();
  }

  /** Why: multiset pairing asks "equal under the rules?" without recording anything. */
  isEquivalent(oldValue: unknown, newValue: unknown, context: RuleContext): boolean {
    if (this.probeWalker === undefined)
      this.probeWalker = new Walker({ differences: [], limit: 0, truncated: false });
    const probe = this.probeWalker;
    probe.sink.truncated = false;
    probe.walk(oldValue, newValue, context);
    return !probe.sink.truncated;
  }

  /** Compares one pair of values at `parent` + `segment`: leaves now, containers pushed for later. */
  compareChild(
    oldValue: unknown,
    newValue: unknown,
    context: RuleContext,
    parent: PathNode | null,
    segment: PathSegment | undefined,
  ): void {
    const options = context.options;
    if (typeof oldValue === "number" && typeof newValue === "number") {
      const match = comparePlainNumbers(oldValue, newValue, options);
      if (match !== LeafMatch.equal) this.recordLeaf(match, oldValue, newValue, options, parent, segment);
      return;
    }
    if (oldValue === newValue && (typeof oldValue !== "object" || oldValue === null)) return;
    const oldKind = kindOf(oldValue);
    const newKind = kindOf(newValue);
    if (oldKind === newKind && (oldKind === Kind.array || oldKind === Kind.object)) {
      this.oldStack.push(oldValue);
      this.newStack.push(newValue);
      this.nodeStack.push(segment === undefined ? parent : { parent, segment });
      this.contextStack.push(context);
      return;
    }
    const match = compareLeaves(oldValue, oldKind, newValue, newKind, options);
    if (match !== LeafMatch.equal) this.recordLeaf(match, oldValue, newValue, options, parent, segment);
  }

  /** Records one difference, unless the cap is reached (then marks the result truncated). */
  record(
    kind: DifferenceKind,
    parent: PathNode | null,
    segment: PathSegment | undefined,
    oldValue: unknown,
    newValue: unknown,
  ): Difference | undefined {
    const sink = this.sink;
    if (sink.differences.length >= sink.limit) {
      sink.truncated = true;
      return undefined;
    }
    const difference: Difference = { path: formatPathNode(parent, segment), kind };
    if (kind !== "added") difference.old = oldValue;
    if (kind !== "removed") difference.new = newValue;
    sink.differences.push(difference);
    return difference;
  }

  private recordLeaf(
    match: LeafMatch,
    oldValue: unknown,
    newValue: unknown,
    options: EffectiveOptions,
    parent: PathNode | null,
    segment: PathSegment | undefined,
  ): void {
    const difference = this.record(
      match === LeafMatch.type ? "type" : "value",
      parent,
      segment,
      oldValue,
      newValue,
    );
    if (difference !== undefined && match === LeafMatch.value) {
      const { abs, rel } = measureLeafError(oldValue, newValue, options);
      if (abs !== undefined) difference.abs = abs;
      if (rel !== undefined) difference.rel = rel;
    }
  }

  private compareArrays(
    oldArray: unknown[],
    newArray: unknown[],
    context: RuleContext,
    node: PathNode | null,
  ): void {
    const oldLength = oldArray.length;
    const newLength = newArray.length;
    if (oldLength !== newLength) this.record("length", node, undefined, oldLength, newLength);
    const common = Math.min(oldLength, newLength);
    for (let i = 0; i < common; i++) {
      const child = context.indexChild(i);
      if (child.options.ignore) continue;
      this.compareChild(oldArray[i], newArray[i], child, node, i);
      if (this.sink.truncated) return;
    }
    for (let i = common; i < oldLength; i++) {
      if (!context.indexChild(i).options.ignore) this.record("removed", node, i, oldArray[i], undefined);
    }
    for (let i = common; i < newLength; i++) {
      if (!context.indexChild(i).options.ignore) this.record("added", node, i, undefined, newArray[i]);
    }
  }

  private compareObjects(
    oldObject: Record<string, unknown>,
    newObject: Record<string, unknown>,
    context: RuleContext,
    node: PathNode | null,
  ): void {
    const oldKeys = Object.keys(oldObject);
    const newKeys = Object.keys(newObject);
    if (haveSameKeys(oldKeys, newKeys)) {
      // The common case (same keys, same order): values by position, no keyed lookups.
      const oldValues = Object.values(oldObject);
      const newValues = Object.values(newObject);
      for (let i = 0; i < oldKeys.length; i++) {
        const key = oldKeys[i];
        const child = context.keyChild(key);
        if (child.options.ignore) continue;
        this.compareMember(oldValues[i], newValues[i], child, node, key);
        if (this.sink.truncated) return;
      }
      return;
    }
    for (const key of oldKeys) {
      const child = context.keyChild(key);
      if (child.options.ignore) continue;
      this.compareMember(oldObject[key], readOwn(newObject, key), child, node, key);
      if (this.sink.truncated) return;
    }
    for (const key of newKeys) {
      if (readOwn(oldObject, key) !== undefined || newObject[key] === undefined) continue;
      const child = context.keyChild(key);
      if (child.options.ignore) continue;
      this.compareMember(undefined, newObject[key], child, node, key);
      if (this.sink.truncated) return;
    }
  }

  /** One object member; `undefined` is a missing key (null counts as missing under nullEqualsMissing). */
  private compareMember(
    oldValue: unknown,
    newValue: unknown,
    context: RuleContext,
    node: PathNode | null,
    key: string,
  ): void {
    if (oldValue !== undefined && newValue !== undefined) {
      this.compareChild(oldValue, newValue, context, node, key);
    } else if (oldValue !== undefined) {
      if (oldValue !== null || !context.options.nullEqualsMissing)
        this.record("removed", node, key, oldValue, undefined);
    } else if (newValue !== undefined) {
      if (newValue !== null || !context.options.nullEqualsMissing)
        this.record("added", node, key, undefined, newValue);
    }
  }

  /** Children were pushed in document order; reversing them makes the stack pop them in that order. */
  private reverseFrom(base: number): void {
    if (this.oldStack.length - base < 2) return;
    reverseTail(this.oldStack, base);
    reverseTail(this.newStack, base);
    reverseTail(this.nodeStack, base);
    reverseTail(this.contextStack, base);
  }

  private clearStacks(): void {
    this.oldStack.length = 0;
    this.newStack.length = 0;
    this.nodeStack.length = 0;
    this.contextStack.length = 0;
  }
}

function haveSameKeys(oldKeys: string[], newKeys: string[]): boolean {
  if (oldKeys.length !== newKeys.length) return false;
  for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== newKeys[i]) return false;
  return true;
}

function reverseTail(stack: unknown[], base: number): void {
  for (let low = base, high = stack.length - 1; low < high; low++, high--) {
    const swap = stack[low];
    stack[low] = stack[high];
    stack[high] = swap;
  }
}

/** An own property's value; undefined when absent (never a prototype member such as `toString`). */
function readOwn(record: Record<string, unknown>, key: string): unknown {
  const value = record[key];
  if (value === undefined) return undefined;
  if ((typeof value === "function" || key === "__proto__") && !Object.hasOwn(record, key)) return undefined;
  return value;
}
