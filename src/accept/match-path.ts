// Whole-path matching of accepted entries: a pattern (`rows[*].score`, `features.**`) against a
// concrete difference path (`rows[3].score`, `items[id=42].score`, `$`). Unlike compare rules,
// an entry does not reach below the node it names: `features` accepts a change of `features`
// itself, `features.**` everything under it. An approval is never wider than written.
import type { PatternSegment } from "../compare/path-pattern.ts";

/** One step of a concrete path: a key, an index, or an array element matched by key (`[id=42]`). */
export type ConcreteSegment =
  | { type: "key"; key: string }
  | { type: "index"; index: number }
  | { type: "element" };

/** Why: difference paths are strings in reports; matching needs their steps. `$` is the root (no steps). */
export function parseDifferencePath(text: string): ConcreteSegment[] {
  if (text === "$") return [];
  const segments: ConcreteSegment[] = [];
  let i = text.startsWith("$.") ? 2 : text.startsWith("$[") ? 1 : 0;
  while (i < text.length) {
    const char = text[i];
    if (char === ".") {
      i++;
    } else if (char === "[") {
      const end = findBracketEnd(text, i);
      const inside = text.slice(i + 1, end);
      if (/^\d+$/.test(inside)) segments.push({ type: "index", index: Number(inside) });
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inside))
        segments.push({ type: "key", key: JSON.parse(inside) as string });
      else segments.push({ type: "element" }); // `[id=42]` and the folded `[*]`
      i = end + 1;
    } else {
      let end = i;
      while (end < text.length && text[end] !== "." && text[end] !== "[") end++;
      segments.push({ type: "key", key: text.slice(i, end) });
      i = end;
    }
  }
  return segments;
}

/** Why: `*` is any one step, `[*]` any element, `**` any number of steps (zero included). */
export function matchesWholePath(
  pattern: readonly PatternSegment[],
  steps: readonly ConcreteSegment[],
): boolean {
  // reachable[j]: the pattern read so far can end exactly after j steps.
  let reachable = new Array<boolean>(steps.length + 1).fill(false);
  reachable[0] = true;
  for (const segment of pattern) {
    const next = new Array<boolean>(steps.length + 1).fill(false);
    for (let j = 0; j <= steps.length; j++) {
      if (!reachable[j]) continue;
      if (segment.type === "deep") {
        for (let k = j; k <= steps.length; k++) next[k] = true;
        break;
      }
      if (j < steps.length && matchesStep(segment, steps[j])) next[j + 1] = true;
    }
    reachable = next;
  }
  return reachable[steps.length];
}

function matchesStep(segment: PatternSegment, step: ConcreteSegment): boolean {
  switch (segment.type) {
    case "key":
      return step.type === "key" && step.key === segment.key;
    case "index":
      return step.type === "index" && step.index === segment.index;
    case "anyKey":
      return true;
    case "anyIndex":
      return step.type === "index" || step.type === "element";
    case "deep":
      return true;
  }
}

/** Index of the `]` closing the bracket at `open`, skipping JSON strings inside it. */
function findBracketEnd(text: string, open: number): number {
  let i = open + 1;
  while (i < text.length) {
    if (text[i] === "]") return i;
    if (text[i] === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    }
    i++;
  }
  return text.length;
}
