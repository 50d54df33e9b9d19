// Smaller variants of a JSON value, most ambitious first: drop object keys and array elements
// (halves, then quarters, … then one at a time, as delta debugging does), replace subtrees with
// null, shorten strings, and move numbers toward 0 and integers. Pure: values in, values out.
import { DecimalFloat, IntegralFloat, isJsonObject } from "../json/values.ts";

type Segment = string | number;
type Json = unknown;

/** Why: the shrinker tries these in order and restarts from the first that still shows the change. */
export function* reductionsOf(root: Json): Generator<Json> {
  const nodes = listNodes(root);
  for (const { path, value } of nodes) {
    if (Array.isArray(value))
      yield* dropChunks(value.length, (drop) =>
        replaceAt(
          root,
          path,
          value.filter((_, i) => !drop.has(i)),
        ),
      );
    else if (isJsonObject<Json>(value)) {
      const keys = Object.keys(value);
      yield* dropChunks(keys.length, (drop) =>
        replaceAt(
          root,
          path,
          Object.fromEntries(keys.filter((_, i) => !drop.has(i)).map((key) => [key, value[key]])),
        ),
      );
    }
  }
  for (const { path, value } of nodes) {
    if (path.length > 0 && value !== null && (Array.isArray(value) || isJsonObject<Json>(value)))
      yield replaceAt(root, path, null);
  }
  for (const { path, value } of nodes) {
    for (const simpler of simplerAtoms(value)) yield replaceAt(root, path, simpler);
  }
}

/** Sets of indices to drop: all, then halves, quarters, … single ones. */
function* dropChunks(length: number, build: (drop: Set<number>) => Json): Generator<Json> {
  if (length === 0) return;
  for (let size = length; size >= 1; size = size === 1 ? 0 : Math.ceil(size / 2)) {
    for (let start = 0; start < length; start += size) {
      const drop = new Set<number>();
      for (let i = start; i < Math.min(length, start + size); i++) drop.add(i);
      yield build(drop);
    }
    if (size === 1) break;
  }
}

/** Simpler forms of a string or number; none for anything else. */
function simplerAtoms(value: Json): Json[] {
  if (typeof value === "string") {
    const chars = [...value];
    if (chars.length === 0) return [];
    const out: string[] = [""];
    if (chars.length > 2) out.push(chars.slice(0, Math.ceil(chars.length / 2)).join(""));
    if (chars.length > 1) out.push(chars.slice(0, -1).join(""));
    return out;
  }
  if (typeof value === "bigint") return value === 0n ? [] : [0, value / 2n];
  const number =
    typeof value === "number"
      ? value
      : value instanceof IntegralFloat || value instanceof DecimalFloat
        ? value.value
        : undefined;
  if (number === undefined || !Number.isFinite(number)) return [];
  const out: number[] = [];
  if (number !== 0) out.push(0);
  if (!Number.isInteger(number)) out.push(Math.trunc(number));
  // Fewer significant digits: 147758 → 100000, 150000 (a rounder number that may still cut the same way).
  for (const digits of [1, 2]) {
    const rounded: number = Number(number.toPrecision(digits));
    if (Math.abs(number) >= 10 && rounded !== number && !out.includes(rounded)) out.push(rounded);
  }
  const half = Math.trunc(number / 2);
  if (half !== 0 && half !== number) out.push(half);
  return out;
}

interface Node {
  path: Segment[];
  value: Json;
}

/** Every node, breadth first (the root first), so big cuts come before small ones. */
function listNodes(root: Json): Node[] {
  const out: Node[] = [];
  const queue: Node[] = [{ path: [], value: root }];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    out.push(node);
    if (Array.isArray(node.value)) {
      for (const [index, child] of node.value.entries())
        queue.push({ path: [...node.path, index], value: child });
    } else if (isJsonObject<Json>(node.value))
      for (const [key, child] of Object.entries(node.value))
        queue.push({ path: [...node.path, key], value: child });
  }
  return out;
}

/** A copy of root with the value at path replaced (only the containers on the way are copied). */
function replaceAt(root: Json, path: Segment[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = replaceAt(root[head as number], rest, replacement);
    return copy;
  }
  const object = root as Record<string, Json>;
  return { ...object, [head as string]: replaceAt(object[head as string], rest, replacement) };
}
