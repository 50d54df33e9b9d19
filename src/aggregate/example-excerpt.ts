// Bounded examples: a report keeps a few changed trials whole so a reader sees what changed, but
// one value (an input, an output, a difference's old or new side) is kept only up to a size.
// Past it the example holds a marked excerpt and names the field in `excerpts`, while the
// comparison and the statistics have used the whole value. Without this, two 100 MB outputs
// under a raised output limit make the JSON report longer than a string can be.

import { Kind, kindOf } from "../compare/leaves.ts";
import { stringifyLossless } from "../json/stringify.ts";

/** Characters one value of an example keeps. */
export const EXAMPLE_VALUE_CHARS = 64 * 1024;

/** A value as an example keeps it; `cut` when it is an excerpt. */
export interface KeptValue {
  value: unknown;
  cut: boolean;
}

/** Why: a text (an input line, an output) past the size is kept as its first characters, marked. */
export function keepText(text: string, maxChars = EXAMPLE_VALUE_CHARS): KeptValue {
  if (text.length <= maxChars) return { value: text, cut: false };
  return { value: `${text.slice(0, maxChars)}${cutMark(maxChars, text.length)}`, cut: true };
}

/** Why: a value (parsed output, a difference's side) past the size becomes the marked start of its JSON text. */
export function keepValue(value: unknown, maxChars = EXAMPLE_VALUE_CHARS): KeptValue {
  if (typeof value === "string") return keepText(value, maxChars);
  const kind = kindOf(value);
  if (kind !== Kind.array && kind !== Kind.object) return { value, cut: false };
  if (!exceedsChars(value, maxChars)) return { value, cut: false };
  const text = stringifyLossless(pruneToChars(value, maxChars));
  return { value: `${text.slice(0, maxChars)}${cutMark(maxChars)}`, cut: true };
}

function cutMark(kept: number, total?: number): string {
  const of = total === undefined ? "" : ` of ${total.toLocaleString("en-US")}`;
  return `…[cut by twinrun after ${kept.toLocaleString("en-US")}${of} characters; the comparison used the whole value]`;
}

/** True when the value's JSON text is surely longer than `maxChars` (counted roughly, stopping early). */
function exceedsChars(value: unknown, maxChars: number): boolean {
  let budget = maxChars;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    budget -= sizeOfScalar(item);
    if (budget < 0) return true;
    if (Array.isArray(item)) {
      for (const element of item) stack.push(element);
    } else if (kindOf(item) === Kind.object) {
      for (const [key, member] of Object.entries(item as Record<string, unknown>)) {
        budget -= key.length + 4;
        stack.push(member);
      }
    }
  }
  return false;
}

/** A copy holding about `maxChars` of the value: long strings shortened, later members left out. */
function pruneToChars(value: unknown, maxChars: number): unknown {
  let budget = maxChars;
  const copyOf = (item: unknown): unknown => {
    if (typeof item === "string") {
      const kept = item.slice(0, Math.max(0, budget));
      budget -= kept.length + 2;
      return kept;
    }
    budget -= sizeOfScalar(item);
    return item;
  };
  const root: unknown[] = [];
  const stack: { from: unknown; into: unknown[] | Record<string, unknown>; key: string | number }[] = [
    { from: value, into: root, key: 0 },
  ];
  while (stack.length > 0 && budget > 0) {
    const { from, into, key } = stack.pop() as (typeof stack)[number];
    const kind = kindOf(from);
    let copy: unknown;
    if (kind === Kind.array) {
      const items = from as unknown[];
      const array: unknown[] = [];
      for (let i = items.length - 1; i >= 0; i--) stack.push({ from: items[i], into: array, key: i });
      copy = array;
      budget -= 2;
    } else if (kind === Kind.object) {
      const entries = Object.entries(from as Record<string, unknown>);
      const object: Record<string, unknown> = {};
      for (let i = entries.length - 1; i >= 0; i--) {
        stack.push({ from: entries[i][1], into: object, key: entries[i][0] });
      }
      copy = object;
      budget -= 2;
    } else {
      copy = copyOf(from);
    }
    if (Array.isArray(into)) into[key as number] = copy;
    else {
      budget -= String(key).length + 4;
      into[key as string] = copy;
    }
  }
  return root[0];
}

/** Rough JSON length of a scalar (containers count their brackets and members separately). */
function sizeOfScalar(item: unknown): number {
  if (typeof item === "string") return item.length + 2;
  if (item === null || typeof item !== "object") return String(item).length;
  return kindOf(item) === Kind.array || kindOf(item) === Kind.object ? 2 : String(item).length;
}
