// One output as indented JSON markup, with the values at the differing paths highlighted; depth
// and length are bounded so a huge or deeply nested output cannot make the page unreadable.
import { formatPath, type PathSegment } from "../../compare/paths.ts";
import { stringifyLossless } from "../../json/stringify.ts";
import { isDecimalFloat, isIntegralFloat, isJsonObject } from "../../json/values.ts";
import { html, type Markup } from "./markup.ts";

/** Levels shown before a subtree is replaced by `…`. */
export const MAX_VALUE_DEPTH = 12;
/** Characters written per side before the rest is cut. */
export const MAX_VALUE_CHARS = 20_000;
/** A long string shows this many characters around its first differing character. */
export const STRING_WINDOW = 80;

interface Walk {
  side: "old" | "new";
  marked: ReadonlySet<string>;
  /** The other side's strings by path, to window long strings around their first difference. */
  other: (path: string) => unknown;
  budget: number;
}

/** Why: the differing parts stand out in their context, for old and new side by side. */
export function renderValueMarkup(
  value: unknown,
  options: { side: "old" | "new"; markedPaths: readonly string[]; other: unknown },
): Markup {
  const otherByPath = indexStrings(options.other);
  const walk: Walk = {
    side: options.side,
    marked: new Set(options.markedPaths),
    other: (path) => otherByPath.get(path),
    budget: MAX_VALUE_CHARS,
  };
  return renderNode(value, [], 0, walk);
}

function renderNode(value: unknown, segments: PathSegment[], depth: number, walk: Walk): Markup {
  const path = formatPath(segments);
  const inner = renderInner(value, segments, depth, walk, path);
  return walk.marked.has(path) ? html`<mark class="${walk.side}">${inner}</mark>` : inner;
}

function renderInner(
  value: unknown,
  segments: PathSegment[],
  depth: number,
  walk: Walk,
  path: string,
): Markup {
  if (walk.budget <= 0) return html`…`;
  const pad = "  ".repeat(depth);
  if (Array.isArray(value) || isJsonObject(value)) {
    const entries: [PathSegment, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value as Record<string, unknown>);
    const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
    if (entries.length === 0) return html`${open}${close}`;
    if (depth >= MAX_VALUE_DEPTH)
      return html`${open}…${close} <span class="muted">(deeper than ${MAX_VALUE_DEPTH} levels)</span>`;
    const lines: Markup[] = [];
    for (const [segment, child] of entries) {
      if (walk.budget <= 0) {
        lines.push(html`${pad}  …`);
        break;
      }
      const key = typeof segment === "number" ? "" : `${JSON.stringify(segment)}: `;
      walk.budget -= key.length + pad.length;
      lines.push(html`${pad}  ${key}${renderNode(child, [...segments, segment], depth + 1, walk)}`);
    }
    return html`${open}\n${lines.map((line, index) => html`${line}${index < lines.length - 1 ? "," : ""}\n`)}${pad}${close}`;
  }
  const text = typeof value === "string" ? windowString(value, walk.other(path)) : scalarText(value);
  walk.budget -= text.length;
  return html`${text}`;
}

function scalarText(value: unknown): string {
  if (value === undefined) return "(missing)";
  if (isIntegralFloat(value) || isDecimalFloat(value) || typeof value === "bigint")
    return stringifyLossless(value);
  try {
    return stringifyLossless(value);
  } catch {
    return String(value);
  }
}

/** Why: a 20,000-character string that changed at character 12,345 shows the change, not its head. */
export function windowString(value: string, other: unknown): string {
  const quoted = JSON.stringify(value);
  if (quoted.length <= STRING_WINDOW * 2 || typeof other !== "string") {
    return quoted.length <= MAX_VALUE_CHARS ? quoted : `${quoted.slice(0, STRING_WINDOW * 2)}…"`;
  }
  const otherQuoted = JSON.stringify(other);
  let first = 0;
  while (first < quoted.length && quoted[first] === otherQuoted[first]) first++;
  const start = Math.max(0, first - STRING_WINDOW / 2);
  const end = Math.min(quoted.length, start + STRING_WINDOW);
  const head = start > 0 ? `"…(${start} chars) ` : "";
  const tail = end < quoted.length ? ` (${quoted.length - end} chars)…"` : "";
  return `${head}${quoted.slice(start, end)}${tail}`;
}

// Strings of the other side by path, so a long string can be windowed at its first difference.
function indexStrings(value: unknown): Map<string, string> {
  const found = new Map<string, string>();
  const stack: { value: unknown; segments: PathSegment[] }[] = [{ value, segments: [] }];
  while (stack.length > 0) {
    const { value: current, segments } = stack.pop()!;
    if (segments.length > MAX_VALUE_DEPTH) continue;
    if (typeof current === "string") {
      if (current.length > STRING_WINDOW) found.set(formatPath(segments), current);
    } else if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index++)
        stack.push({ value: current[index], segments: [...segments, index] });
    } else if (isJsonObject(current)) {
      for (const [key, item] of Object.entries(current))
        stack.push({ value: item, segments: [...segments, key] });
    }
  }
  return found;
}
