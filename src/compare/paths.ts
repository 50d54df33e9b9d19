// Concrete paths of differences: `a.b[3].c`, odd keys as `["a key"]`, keyed array elements as
// `items[id=42]`, the root as `$`. Children of the root carry no `$.` prefix.
import { stringifyLossless } from "../json/stringify.ts";

/** An element of an array matched by a key field (`unordered: {key}`), shown as `[id=42]`. */
export interface KeyedSegment {
  keyName: string;
  keyValue: unknown;
}

/** One step of a path: an object key, an array index, or a keyed array element. */
export type PathSegment = string | number | KeyedSegment;

/** A path built while walking: a parent link, so a string is only made when a difference is recorded. */
export interface PathNode {
  parent: PathNode | null;
  segment: PathSegment;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const QUOTED_KEY = /^"(?:[^"\\]|\\.)*"$/;

/** Why: one readable notation for every difference path, in reports and in rules alike. */
export function formatPath(segments: readonly PathSegment[]): string {
  if (segments.length === 0) return "$";
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string") out += formatKey(segment, out === "");
    else out += `[${formatKeyName(segment.keyName)}=${stringifyLossless(segment.keyValue)}]`;
  }
  return out;
}

/** Why: the walk keeps parent links; this turns one into the path string when a difference is recorded. */
export function formatPathNode(node: PathNode | null, last?: PathSegment): string {
  const segments: PathSegment[] = last === undefined ? [] : [last];
  for (let current = node; current !== null; current = current.parent) segments.push(current.segment);
  segments.reverse();
  return formatPath(segments);
}

/**
 * Why: statistics group differences per path regardless of which element: every index and keyed
 * element becomes `[*]` (`rows[3].score` and `items[id=42].score` fold to `rows[*].score`, `items[*].score`).
 */
export function foldPath(path: string): string {
  if (!path.includes("[")) return path;
  let out = "";
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c !== "[") {
      out += c;
      i++;
      continue;
    }
    const end = findBracketEnd(path, i);
    const inside = path.slice(i + 1, end);
    out += isQuotedKey(inside) ? `[${inside}]` : "[*]";
    i = end + 1;
  }
  return out;
}

/** A key as it follows a path: `.name` (bare at the start), or `["odd key"]`. */
function formatKey(key: string, atStart: boolean): string {
  if (IDENTIFIER.test(key)) return atStart ? key : `.${key}`;
  return `[${JSON.stringify(key)}]`;
}

function formatKeyName(keyName: string): string {
  return IDENTIFIER.test(keyName) ? keyName : JSON.stringify(keyName);
}

/** Index of the `]` closing the bracket at `open`, skipping JSON strings inside it. */
function findBracketEnd(path: string, open: number): number {
  let i = open + 1;
  while (i < path.length) {
    const c = path[i];
    if (c === "]") return i;
    if (c === '"') {
      i++;
      while (i < path.length && path[i] !== '"') i += path[i] === "\\" ? 2 : 1;
    }
    i++;
  }
  return path.length;
}

/** `["a key"]` holds exactly one JSON string; `["a key"=1]` (keyed) does not. */
function isQuotedKey(inside: string): boolean {
  return QUOTED_KEY.test(inside);
}
