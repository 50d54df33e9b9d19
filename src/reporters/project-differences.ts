// Cuts two outputs down to the parts the comparator flagged, so the rendered diff never shows
// ignored paths, order-free arrays in another order, or float noise within tolerance.
import type { Difference } from "../compare/types.ts";
import { stringifyLossless } from "../json/stringify.ts";

/** An array element matched by a key field: `items[id=42]`. */
interface KeyedSegment {
  keyName: string;
  /** The key's value as the path writes it (lossless JSON text). */
  valueText: string;
}

type Segment = string | number | KeyedSegment;

interface TrieNode {
  /** The whole value at this node differs: keep it entire. */
  whole: boolean;
  children: Map<string, { segment: Segment; node: TrieNode }>;
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
    const id = segmentId(segment);
    let child = node.children.get(id);
    if (child === undefined) {
      child = { segment, node: { whole: false, children: new Map() } };
      node.children.set(id, child);
    }
    node = child.node;
  }
  node.whole = true;
}

function project(value: unknown, node: TrieNode): unknown {
  if (node.whole || value === null || typeof value !== "object") return value;
  const result: Record<string, unknown> = {};
  const isArray = Array.isArray(value);
  for (const [id, { segment, node: child }] of node.children) {
    if (isArray === (typeof segment === "string")) return value; // shape differs: show it entire
    const childValue = isArray
      ? elementAt(value, segment as number | KeyedSegment)
      : (value as Record<string, unknown>)[segment as string];
    if (childValue !== undefined)
      result[typeof segment === "string" ? segment : id] = project(childValue, child);
  }
  return result;
}

function elementAt(array: unknown[], segment: number | KeyedSegment): unknown {
  if (typeof segment === "number") return array[segment];
  return array.find(
    (element) =>
      element !== null &&
      typeof element === "object" &&
      segment.keyName in element &&
      stringifyLossless((element as Record<string, unknown>)[segment.keyName]) === segment.valueText,
  );
}

/** How a segment is shown as a key of the projected object. */
function segmentId(segment: Segment): string {
  if (typeof segment === "string") return segment;
  if (typeof segment === "number") return `[${segment}]`;
  return `[${segment.keyName}=${segment.valueText}]`;
}

/**
 * Segments of a concrete difference path (`a.b[3]["odd key"].c`, `items[id=42].score`); anything
 * unreadable ends the path early, which keeps the parent value entire.
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
      const close = findBracketEnd(path, i);
      if (close < 0) return segments;
      const segment = parseBracket(path.slice(i + 1, close));
      if (segment === undefined) return segments;
      segments.push(segment);
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

/** `3`, `"odd key"` or `id=42` / `"odd name"="a"`. */
function parseBracket(inside: string): Segment | undefined {
  if (/^\d+$/.test(inside)) return Number(inside);
  if (inside.startsWith('"')) {
    const end = findQuoteEnd(inside, 0);
    if (end === inside.length - 1) return JSON.parse(inside) as string;
    if (end < 0 || inside[end + 1] !== "=") return undefined;
    return { keyName: JSON.parse(inside.slice(0, end + 1)) as string, valueText: inside.slice(end + 2) };
  }
  const equals = inside.indexOf("=");
  if (equals <= 0) return undefined;
  return { keyName: inside.slice(0, equals), valueText: inside.slice(equals + 1) };
}

/** Index of the `]` closing the bracket at `open`, skipping JSON strings inside it. */
function findBracketEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '"') {
      i = findQuoteEnd(text, i);
      if (i < 0) return -1;
    } else if (text[i] === "]") return i;
  }
  return -1;
}

function findQuoteEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
