// Unordered arrays matched by a key field (`unordered: {key: "id"}`): elements with the same key
// value are paired and compared, and differences inside show under the key, `items[id=42].score`.
// Elements only on one side are added/removed at `items[id=42]`; duplicate key values are paired
// in order of appearance and the surplus is reported, never collapsed. Elements without the key
// field are compared among themselves as a multiset.
import { stringifyLossless } from "../json/stringify.ts";
import { canonicalKey } from "./canonical-key.ts";
import { ANY_ELEMENT, matchMultiset, reportLeftovers } from "./multiset.ts";
import type { PathNode } from "./paths.ts";
import type { RuleContext } from "./rule-context.ts";
import type { Walker } from "./walk.ts";

/** Why: `unordered: {key: "id"}`, e.g. a list of items whose order changed but whose ids identify them. */
export function compareKeyedArrays(
  walker: Walker,
  oldArray: unknown[],
  newArray: unknown[],
  context: RuleContext,
  node: PathNode | null,
  keyName: string,
): void {
  if (oldArray.length !== newArray.length)
    walker.record("length", node, undefined, oldArray.length, newArray.length);
  const elementContext = context.indexChild(ANY_ELEMENT);
  if (elementContext.options.ignore) return;
  // Duplicate key values are paired by occurrence, in order; the surplus is added/removed.
  const oldByKey = new Map<string, number[]>();
  const oldUnkeyed: number[] = [];
  for (let i = 0; i < oldArray.length; i++) {
    const identity = keyIdentity(oldArray[i], keyName);
    if (identity === undefined) oldUnkeyed.push(i);
    else oldByKey.get(identity)?.push(i) ?? oldByKey.set(identity, [i]);
  }
  const newOnly: number[] = [];
  const newUnkeyed: number[] = [];
  for (let j = 0; j < newArray.length; j++) {
    const identity = keyIdentity(newArray[j], keyName);
    if (identity === undefined) {
      newUnkeyed.push(j);
      continue;
    }
    const candidates = oldByKey.get(identity);
    const i = candidates?.shift();
    if (i === undefined) {
      newOnly.push(j);
      continue;
    }
    const segment = { keyName, keyValue: keyValueOf(newArray[j], keyName) };
    walker.compareChild(oldArray[i], newArray[j], elementContext, node, segment);
    if (walker.sink.truncated) return;
  }
  for (const candidates of oldByKey.values()) {
    for (const i of candidates)
      walker.record(
        "removed",
        node,
        { keyName, keyValue: keyValueOf(oldArray[i], keyName) },
        oldArray[i],
        undefined,
      );
  }
  for (const j of newOnly)
    walker.record(
      "added",
      node,
      { keyName, keyValue: keyValueOf(newArray[j], keyName) },
      undefined,
      newArray[j],
    );
  // Elements without the key field are compared among themselves as a multiset.
  const { oldLeft, newLeft } = matchMultiset(
    walker,
    oldArray,
    oldUnkeyed,
    newArray,
    newUnkeyed,
    elementContext,
  );
  reportLeftovers(walker, oldArray, oldLeft, newArray, newLeft, node);
}

function keyValueOf(element: unknown, keyName: string): unknown {
  if (
    element === null ||
    typeof element !== "object" ||
    Array.isArray(element) ||
    !Object.hasOwn(element, keyName)
  )
    return undefined;
  return (element as Record<string, unknown>)[keyName];
}

/** The identity of an element's key value, or undefined when the element has no such key. */
function keyIdentity(element: unknown, keyName: string): string | undefined {
  const value = keyValueOf(element, keyName);
  if (value === undefined) return undefined;
  // Values holding NaN have no canonical key; their lossless text still identifies them.
  return canonicalKey(value) ?? `NaN:${stringifyLossless(value)}`;
}
