// Values as one short line a person can read: exact tokens (`1.0`, big integers, `NaN`), nesting
// shown to a depth limit, and two long strings shown as a window around where they first differ.
import { stringifyLossless } from "../json/stringify.ts";
import { isJsonObject } from "../json/values.ts";
import { formatCount } from "./format.ts";

/** Containers nested deeper than this print as `{…3 keys}` / `[…5 items]`. */
export const MAX_VALUE_DEPTH = 3;
/** Shown where a side has no value at a path (`added`/`removed` differences). */
export const MISSING_TEXT = "(missing)";

/** Why: a 100,000-deep or 20,000-character value must still print as one readable line of maxChars. */
export function formatValue(value: unknown, maxChars: number, maxDepth = MAX_VALUE_DEPTH): string {
  if (value === undefined) return MISSING_TEXT;
  const out: string[] = [];
  let length = 0;
  const push = (text: string): boolean => {
    out.push(text);
    length += text.length;
    return length <= maxChars;
  };
  // Depth-limited, so the recursion is bounded; stops writing once the line is full.
  const write = (item: unknown, depth: number): boolean => {
    if (Array.isArray(item)) {
      if (item.length === 0) return push("[]");
      if (depth >= maxDepth)
        return push(`[…${formatCount(item.length)} item${item.length === 1 ? "" : "s"}]`);
      if (!push("[")) return false;
      for (let index = 0; index < item.length; index++) {
        if (index > 0 && !push(",")) return false;
        if (!write(item[index], depth + 1)) return false;
      }
      return push("]");
    }
    if (isJsonObject(item)) {
      const keys = Object.keys(item);
      if (keys.length === 0) return push("{}");
      if (depth >= maxDepth) return push(`{…${formatCount(keys.length)} key${keys.length === 1 ? "" : "s"}}`);
      if (!push("{")) return false;
      for (const [position, key] of keys.entries()) {
        if (position > 0 && !push(",")) return false;
        if (!push(`${JSON.stringify(key)}:`) || !write(item[key], depth + 1)) return false;
      }
      return push("}");
    }
    return push(formatScalar(item));
  };
  write(value, 0);
  return cut(oneLine(out.join("")), maxChars);
}

/**
 * Why: two long strings that differ late read best from just before the first difference, at the
 * same offset on both sides (`"…e quick brown fox"` vs `"…e quick brown cat"`). Short strings,
 * or values that are not both strings, print whole (within maxChars).
 */
export function formatValuePair(
  oldValue: unknown,
  newValue: unknown,
  maxChars: number,
): { old: string; new: string; offset?: number } {
  if (typeof oldValue !== "string" || typeof newValue !== "string")
    return { old: formatValue(oldValue, maxChars), new: formatValue(newValue, maxChars) };
  const oldText = JSON.stringify(oldValue);
  const newText = JSON.stringify(newValue);
  if (oldText.length <= maxChars && newText.length <= maxChars) return { old: oldText, new: newText };
  const oldChars = Array.from(oldValue);
  const newChars = Array.from(newValue);
  let first = 0;
  while (first < oldChars.length && first < newChars.length && oldChars[first] === newChars[first]) first++;
  // Room for the quotes and two ellipses; a third of the window shows what came before.
  const room = Math.max(4, maxChars - 4);
  const start = Math.max(0, first - Math.floor(room / 3));
  const window = (chars: string[]) => {
    const slice = chars.slice(start, start + room).join("");
    let text = JSON.stringify(slice).slice(1, -1);
    if (text.length > room) text = text.slice(0, room);
    const before = start > 0 ? "…" : "";
    const after = start + room < chars.length || text.length < JSON.stringify(slice).length - 2 ? "…" : "";
    return `"${before}${text}${after}"`;
  };
  return { old: window(oldChars), new: window(newChars), offset: first };
}

function formatScalar(value: unknown): string {
  try {
    return stringifyLossless(value);
  } catch {
    return String(value);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

function cut(text: string, maxChars: number): string {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(0, maxChars - 1)).join("")}…`;
}
