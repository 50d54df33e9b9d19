// Cuts two outputs down to the parts the comparator flagged, so the rendered diff never shows
// ignored paths, order-free arrays in another order, or float noise within tolerance.
import type { Difference } from "../compare/types.ts";

type Segment = string | number;

interface TrieNode {
  /** The whole value at this node differs: keep it entire. */
  whole: boolean;
  children: Map<Segment, TrieNode>;
}

/** The old and new outputs reduced to the differing paths (arrays become `{ "[i]": … }` objects). */
export function projectToDifferences(
  oldOutput: unknown,
  newOutput: unknown,
  differences: readonly Difference[],
): { old: unknown; new: unknown } {
  const root: TrieNode = { whole: false, children: new Map() };
  for (const difference of differences) addPath(root, parseConcretePath(difference.path));
  return { old: project(oldOutput, root), new: project(newOutput, root) };
}

function addPath(root: TrieNode, segments: Segment[] | undefined): void {
  if (segments === undefined || segments.length === 0) {
    root.whole = true;
    return;
  }
  let node = root;
  for (const segment of segments) {
    let child = node.children.get(segment);
    if (child === undefined) {
      child = { whole: false, children: new Map() };
      node.children.set(segment, child);
    }
    node = child;
  }
  node.whole = true;
}

function project(value: unknown, node: TrieNode): unknown {
  if (node.whole || value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  const isArray = Array.isArray(value);
  for (const [segment, child] of node.children) {
    if (isArray !== (typeof segment === "number")) return value; // shape differs: show it entire
    const key = typeof segment === "number" ? `[${segment}]` : segment;
    const childValue = (value as Record<string | number, unknown>)[segment];
    if (childValue !== undefined) result[key] = project(childValue, child);
  }
  return result;
}

/**
 * Segments of a concrete difference path (`a.b[3]["odd key"]`); keyed elements (`[id=42]`) and
 * anything unreadable end the path early, which keeps the parent value entire.
 */
export function parseConcretePath(path: string): Segment[] | undefined {
  if (path === "$") return [];
  const segments: Segment[] = [];
  let i = 0;
  while (i < path.length) {
    const char = path[i];
    if (char === ".") {
      i++;
      continue;
    }
    if (char === "[") {
      if (path[i + 1] === '"') {
        const end = findQuoteEnd(path, i + 1);
        if (end < 0 || path[end + 1] !== "]") return segments;
        segments.push(JSON.parse(path.slice(i + 1, end + 1)) as string);
        i = end + 2;
        continue;
      }
      const close = path.indexOf("]", i);
      const inside = path.slice(i + 1, close);
      if (close < 0 || !/^\d+$/.test(inside)) return segments; // keyed element: keep the array entire
      segments.push(Number(inside));
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < path.length && path[end] !== "." && path[end] !== "[") end++;
    segments.push(path.slice(i, end));
    i = end;
  }
  return segments;
}

function findQuoteEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
