// Unordered arrays as multisets (`unordered: true`): each element is matched to an equal
// counterpart under the rules, in any order. Unmatched elements are reported as removed (at
// their old index, `tags[2]`) or added (at their new index, `tags[5]`); a length change is
// reported at the array path, as for ordered arrays.
import { canonicalKey } from "./canonical-key.ts";
import { compareNumberLikes, isNumberLike, LeafMatch, type NumberLike, toNumber } from "./numbers.ts";
import type { PathNode } from "./paths.ts";
import type { RuleContext } from "./rule-context.ts";
import type { Walker } from "./walk.ts";

/** Leftovers are paired by full tolerant comparison up to this many candidate pairs; beyond, they stay unmatched. */
const PAIRING_BUDGET = 250_000;
/** Elements matched by content have no fixed index: only `[*]` and `*` rules reach them. */
export const ANY_ELEMENT = -1;

/** Why: `unordered: true`, e.g. a tags list or a set of floats whose order is an implementation detail. */
export function compareMultisets(
  walker: Walker,
  oldArray: unknown[],
  newArray: unknown[],
  context: RuleContext,
  node: PathNode | null,
): void {
  if (oldArray.length !== newArray.length)
    walker.record("length", node, undefined, oldArray.length, newArray.length);
  const elementContext = context.indexChild(ANY_ELEMENT);
  if (elementContext.options.ignore || isSameScalarSequence(oldArray, newArray)) return;
  if (isSameStringMultiset(oldArray, newArray)) return;
  const { oldLeft, newLeft } = matchMultiset(
    walker,
    oldArray,
    indicesOf(oldArray),
    newArray,
    indicesOf(newArray),
    elementContext,
  );
  reportLeftovers(walker, oldArray, oldLeft, newArray, newLeft, node);
}
export interface Leftovers {
  oldLeft: number[];
  newLeft: number[];
}

/**
 * Numbers: both sides sorted, then a two-pointer match within tolerance (a maximum matching for
 * interval tolerances on a line). Other values: exact matches by canonical key. What is left is
 * paired greedily by full tolerant comparison (float noise inside objects, NaN, numeric strings).
 */
export function matchMultiset(
  walker: Walker,
  oldArray: unknown[],
  oldIndices: number[],
  newArray: unknown[],
  newIndices: number[],
  context: RuleContext,
): Leftovers {
  const oldLeft: number[] = [];
  const newLeft: number[] = [];
  const oldNumbers = oldIndices.filter((i) => isNumberLike(oldArray[i]));
  const newNumbers = newIndices.filter((j) => isNumberLike(newArray[j]));
  matchNumbers(oldArray, oldNumbers, newArray, newNumbers, context, oldLeft, newLeft);

  const oldByKey = new Map<string, number[]>();
  for (const i of oldIndices) {
    if (isNumberLike(oldArray[i])) continue;
    const key = canonicalKey(oldArray[i]);
    if (key === null) oldLeft.push(i);
    else oldByKey.get(key)?.push(i) ?? oldByKey.set(key, [i]);
  }
  for (const j of newIndices) {
    if (isNumberLike(newArray[j])) continue;
    const key = canonicalKey(newArray[j]);
    const i = key === null ? undefined : oldByKey.get(key)?.shift();
    if (i === undefined) newLeft.push(j);
  }
  for (const candidates of oldByKey.values()) oldLeft.push(...candidates);
  return pairLeftovers(walker, oldArray, oldLeft, newArray, newLeft, context);
}

function matchNumbers(
  oldArray: unknown[],
  oldNumbers: number[],
  newArray: unknown[],
  newNumbers: number[],
  context: RuleContext,
  oldLeft: number[],
  newLeft: number[],
): void {
  const byValue = (array: unknown[]) => (a: number, b: number) => orderNumbers(array[a], array[b]);
  oldNumbers.sort(byValue(oldArray));
  newNumbers.sort(byValue(newArray));
  let i = 0;
  let j = 0;
  while (i < oldNumbers.length && j < newNumbers.length) {
    const oldValue = oldArray[oldNumbers[i]] as NumberLike;
    const newValue = newArray[newNumbers[j]] as NumberLike;
    if (compareNumberLikes(oldValue, newValue, context.options) === LeafMatch.equal) {
      i++;
      j++;
    } else if (orderNumbers(oldValue, newValue) <= 0) {
      oldLeft.push(oldNumbers[i++]);
    } else {
      newLeft.push(newNumbers[j++]);
    }
  }
  while (i < oldNumbers.length) oldLeft.push(oldNumbers[i++]);
  while (j < newNumbers.length) newLeft.push(newNumbers[j++]);
}

function pairLeftovers(
  walker: Walker,
  oldArray: unknown[],
  oldLeft: number[],
  newArray: unknown[],
  newLeft: number[],
  context: RuleContext,
): Leftovers {
  if (oldLeft.length === 0 || newLeft.length === 0 || oldLeft.length * newLeft.length > PAIRING_BUDGET) {
    return { oldLeft, newLeft };
  }
  const used = new Array<boolean>(newLeft.length).fill(false);
  const unpairedOld: number[] = [];
  for (const i of oldLeft) {
    const match = newLeft.findIndex(
      (j, k) => !used[k] && walker.isEquivalent(oldArray[i], newArray[j], context),
    );
    if (match < 0) unpairedOld.push(i);
    else used[match] = true;
  }
  return { oldLeft: unpairedOld, newLeft: newLeft.filter((_, k) => !used[k]) };
}

export function reportLeftovers(
  walker: Walker,
  oldArray: unknown[],
  oldLeft: number[],
  newArray: unknown[],
  newLeft: number[],
  node: PathNode | null,
): void {
  for (const i of oldLeft.sort((a, b) => a - b)) walker.record("removed", node, i, oldArray[i], undefined);
  for (const j of newLeft.sort((a, b) => a - b)) walker.record("added", node, j, undefined, newArray[j]);
}

/** Ascending by value, NaN last, so the two-pointer walk never meets NaN out of order. */
function orderNumbers(a: unknown, b: unknown): number {
  const x = toNumber(a as NumberLike);
  const y = toNumber(b as NumberLike);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(x)) - Number(Number.isNaN(y));
  return x < y ? -1 : x > y ? 1 : 0;
}

function isSameScalarSequence(oldArray: unknown[], newArray: unknown[]): boolean {
  if (oldArray.length !== newArray.length) return false;
  for (let i = 0; i < oldArray.length; i++) {
    const value = oldArray[i];
    if (value !== newArray[i] || (typeof value === "object" && value !== null) || value === 0) return false;
  }
  return true;
}

/** Identical strings are equal under any string option, so equal sorted copies mean no difference. */
function isSameStringMultiset(oldArray: unknown[], newArray: unknown[]): boolean {
  if (oldArray.length !== newArray.length) return false;
  if (
    !oldArray.every((value) => typeof value === "string") ||
    !newArray.every((value) => typeof value === "string")
  ) {
    return false;
  }
  const oldSorted = (oldArray as string[]).slice().sort();
  const newSorted = (newArray as string[]).slice().sort();
  return oldSorted.every((value, index) => value === newSorted[index]);
}

function indicesOf(array: unknown[]): number[] {
  return Array.from({ length: array.length }, (_, index) => index);
}
