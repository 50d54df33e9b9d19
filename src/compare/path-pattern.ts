// Path patterns of rules: `a.b`, `a.*` (one level), `a.**` / `**.ts` (any depth), `emb[*]`,
// `rows[*].score`, `rows[3]`, quoted keys `["a.b"]`, and `$` for the root (`$.a` = `a`).

/** One step of a pattern. `*` matches any one key or index; `[*]` any index (or keyed element); `**` zero or more steps. */
export type PatternSegment =
  | { type: "key"; key: string }
  | { type: "index"; index: number }
  | { type: "anyKey" }
  | { type: "anyIndex" }
  | { type: "deep" };

/** A pattern that cannot be read; the message says where and what was expected. */
export class PathPatternError extends Error {
  constructor(pattern: string, position: number, problem: string) {
    super(`${problem} at position ${position} of ${JSON.stringify(pattern)}`);
    this.name = "PathPatternError";
  }
}

const KEY_STOP = /[.[\]"*\s]/;

/** Why: rules are compiled once; this turns a pattern into segments, or throws PathPatternError. */
export function parsePathPattern(pattern: string): PatternSegment[] {
  const segments: PatternSegment[] = [];
  let i = 0;
  if (pattern.trim() === "") throw new PathPatternError(pattern, 0, "empty pattern (use $ for the root)");
  if (pattern.startsWith("$")) {
    i = 1;
    if (i < pattern.length && pattern[i] !== "." && pattern[i] !== "[") {
      throw new PathPatternError(pattern, i, "expected '.' or '[' after '$'");
    }
    if (pattern[i] === ".") {
      i++;
      if (i >= pattern.length) throw new PathPatternError(pattern, i, "expected a key after '.'");
    }
  }
  let expectKey = i === 0 || pattern[i - 1] === ".";
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "[") {
      i = readBracket(pattern, i, segments);
      expectKey = false;
    } else if (c === "." && !expectKey) {
      i++;
      expectKey = true;
      if (i >= pattern.length) throw new PathPatternError(pattern, i, "expected a key after '.'");
    } else if (expectKey) {
      i = readBareKey(pattern, i, segments);
      expectKey = false;
    } else {
      throw new PathPatternError(pattern, i, `unexpected '${c}' (expected '.' or '[')`);
    }
  }
  return segments;
}

/** Reads `name`, `*` or `**` starting at `start`. */
function readBareKey(pattern: string, start: number, segments: PatternSegment[]): number {
  if (pattern.startsWith("**", start)) {
    segments.push({ type: "deep" });
    return checkSegmentEnd(pattern, start + 2);
  }
  if (pattern[start] === "*") {
    segments.push({ type: "anyKey" });
    return checkSegmentEnd(pattern, start + 1);
  }
  let end = start;
  while (end < pattern.length && !KEY_STOP.test(pattern[end])) end++;
  if (end === start) {
    throw new PathPatternError(
      pattern,
      start,
      `expected a key, got '${pattern[start]}' (quote odd keys as ["a key"])`,
    );
  }
  if (pattern[end] === "*") {
    throw new PathPatternError(
      pattern,
      end,
      "'*' must be a whole segment (a.* or a.**); quote keys with '*' as [\"a*\"]",
    );
  }
  if (pattern[end] === '"' || /\s/.test(pattern[end] ?? "")) {
    throw new PathPatternError(pattern, end, 'quote keys with spaces or quotes as ["a key"]');
  }
  segments.push({ type: "key", key: pattern.slice(start, end) });
  return end;
}

function checkSegmentEnd(pattern: string, end: number): number {
  if (end < pattern.length && pattern[end] !== "." && pattern[end] !== "[") {
    throw new PathPatternError(pattern, end, "'*' must be a whole segment (a.* or a.**)");
  }
  return end;
}

/** Reads `[3]`, `[*]` or `["quoted key"]` starting at the `[`. */
function readBracket(pattern: string, open: number, segments: PatternSegment[]): number {
  const rest = pattern.slice(open);
  const index = /^\[(\d+)\]/.exec(rest);
  if (index !== null) {
    segments.push({ type: "index", index: Number(index[1]) });
    return open + index[0].length;
  }
  if (rest.startsWith("[*]")) {
    segments.push({ type: "anyIndex" });
    return open + 3;
  }
  const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
  if (quoted !== null) {
    let key: string;
    try {
      key = JSON.parse(quoted[1]) as string;
    } catch {
      throw new PathPatternError(pattern, open + 1, "invalid escape in quoted key");
    }
    segments.push({ type: "key", key });
    return open + quoted[0].length;
  }
  throw new PathPatternError(pattern, open, 'expected [<index>], [*] or ["key"]');
}

/** Why: specificity (fewest wildcards first) counts `*`, `[*]` and `**` alike. */
export function countWildcards(segments: readonly PatternSegment[]): number {
  let count = 0;
  for (const segment of segments) if (segment.type !== "key" && segment.type !== "index") count++;
  return count;
}
