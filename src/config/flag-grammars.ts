// The small grammars of command-line values (`--tol score=rel:1e-6`, `--max-changed 0.5%`, …).
// Each parser returns the typed value or throws a USAGE error naming the flag:
//   --rel: expected a number >= 0, got "1e-6x"
import type { CompareRule, Tolerance } from "../compare/types.ts";
import { TwinrunError } from "../errors.ts";
import { describeChoices, findPatternProblem, PATTERN_EXPECTED } from "./schema-leaves.ts";

const DECIMAL = /^\+?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const TOL_GRAMMAR = "<pattern>=abs:<x>,rel:<y>[,ulps:<n>][,sig:<n>] (e.g. score=rel:1e-6)";
const UNORDERED_GRAMMAR = "<pattern>[:<keyField>] (e.g. tags, or items:id)";

/** Why: every flag problem has the same shape: flag, expectation, the text as typed. */
export function flagError(flag: string, expected: string, got: string): TwinrunError {
  return new TwinrunError("USAGE", `${flag}: expected ${expected}, got ${JSON.stringify(got)}`);
}

/** Why: tolerances from flags are plain decimals >= 0 (`1e-6`, `0.001`), never hex or Infinity. */
export function parseNonNegativeNumber(flag: string, text: string): number {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!DECIMAL.test(trimmed) || !Number.isFinite(value)) throw flagError(flag, "a number >= 0", text);
  return value;
}

/** Why: sizes in megabytes from flags (`--output-limit 256`, `0.5`) are plain decimals above zero. */
export function parsePositiveNumber(flag: string, text: string): number {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!DECIMAL.test(trimmed) || !Number.isFinite(value) || value <= 0)
    throw flagError(flag, "a number > 0", text);
  return value;
}

/** Why: counts, milliseconds and seeds are whole numbers; `min` bounds them when given. */
export function parseInteger(flag: string, text: string, min?: number): number {
  const trimmed = text.trim();
  const value = Number(trimmed);
  const expected = min === undefined ? "an integer" : `an integer >= ${min}`;
  if (!/^[-+]?\d+$/.test(trimmed) || !Number.isSafeInteger(value) || (min !== undefined && value < min)) {
    throw flagError(flag, expected, text);
  }
  return value;
}

/** Why: `--sample <n|all>`. */
export function parseSample(text: string): number | "all" {
  if (text.trim().toLowerCase() === "all") return "all";
  const expected = 'a positive integer or "all"';
  const trimmed = text.trim();
  if (!/^\+?\d+$/.test(trimmed) || Number(trimmed) < 1 || !Number.isSafeInteger(Number(trimmed))) {
    throw flagError("--sample", expected, text);
  }
  return Number(trimmed);
}

/** Why: choice flags are checked here too, for callers of the library that bypass commander. */
export function parseChoice<const T extends string>(flag: string, text: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw flagError(flag, describeChoices(choices), text);
}

/** Why: commands, labels and paths must not be blank. */
export function parseNonEmpty(flag: string, text: string, what = "a non-empty value"): string {
  if (text.trim() === "") throw flagError(flag, what, text);
  return text;
}

/** Why: `--tol <pattern>=abs:<x>,rel:<y>[,ulps:<n>][,sig:<n>]`, any non-empty subset of the four. */
export function parseTolFlag(text: string): CompareRule {
  const split = text.lastIndexOf("=");
  const pattern = split > 0 ? text.slice(0, split).trim() : "";
  const spec = split > 0 ? text.slice(split + 1).trim() : "";
  if (pattern === "" || spec === "") throw flagError("--tol", TOL_GRAMMAR, text);
  checkPattern("--tol", pattern);
  const tolerance: Tolerance = {};
  for (const part of spec.split(",")) {
    const colon = part.indexOf(":");
    const name = (colon < 0 ? part : part.slice(0, colon)).trim();
    const valueText = colon < 0 ? "" : part.slice(colon + 1);
    if (name !== "abs" && name !== "rel" && name !== "ulps" && name !== "sig") {
      throw flagError("--tol", `abs:<x>, rel:<y>, ulps:<n> or sig:<n> after "=" in ${TOL_GRAMMAR}`, text);
    }
    if (tolerance[name] !== undefined)
      throw flagError("--tol", `each of abs, rel, ulps, sig at most once`, text);
    const where = `--tol ${pattern} ${name}`;
    tolerance[name] =
      name === "ulps"
        ? parseInteger(where, valueText, 0)
        : name === "sig"
          ? parseInteger(where, valueText, 1)
          : parseNonNegativeNumber(where, valueText);
  }
  return { path: pattern, tolerance };
}

/** Why: `--unordered <pattern>[:<keyField>]`; a colon inside `["…"]` belongs to the pattern. */
export function parseUnorderedFlag(text: string): CompareRule {
  const split = findLastColonOutsideBrackets(text);
  if (split < 0) {
    if (text.trim() === "") throw flagError("--unordered", UNORDERED_GRAMMAR, text);
    return { path: checkPattern("--unordered", text.trim()), unordered: true };
  }
  const pattern = text.slice(0, split).trim();
  const key = text.slice(split + 1).trim();
  if (pattern === "" || key === "") throw flagError("--unordered", UNORDERED_GRAMMAR, text);
  return { path: checkPattern("--unordered", pattern), unordered: { key } };
}

/** Why: `--ignore <pattern>`. */
export function parseIgnoreFlag(text: string): CompareRule {
  const pattern = parseNonEmpty("--ignore", text, "an output path pattern (e.g. meta.generated_at)").trim();
  return { path: checkPattern("--ignore", pattern), ignore: true };
}

/** Why: `--timestamps <pattern>`: the path's dates and date-times compare as instants. */
export function parseTimestampsFlag(text: string): CompareRule {
  const pattern = parseNonEmpty("--timestamps", text, "a path pattern (e.g. created_at or **.ts)").trim();
  return { path: checkPattern("--timestamps", pattern), timestamps: true };
}

/** Why: `--key region,month`: one or more column names, for run and diff alike. */
export function parseKeyColumns(text: string): string[] {
  const columns = text.split(",").map((column) => column.trim());
  if (columns.some((column) => column === "")) {
    throw flagError("--key", "column names like id or region,month", text);
  }
  return columns;
}

/** Why: `--only <index>[,<index>]`: sorted, without repeats, as the sampler runs them. */
export function parseOnly(text: string): number[] {
  const parts = text.split(",").map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part) || !Number.isSafeInteger(Number(part)))) {
    throw flagError("--only", "input indices like 3 or 3,17", text);
  }
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

function checkPattern(flag: string, pattern: string): string {
  const problem = findPatternProblem(pattern);
  if (problem !== undefined) throw flagError(flag, `${PATTERN_EXPECTED} (${problem})`, pattern);
  return pattern;
}

function findLastColonOutsideBrackets(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote !== undefined) {
      if (char === "\\") i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "[") depth++;
    else if (char === "]") depth = Math.max(0, depth - 1);
    else if (char === ":" && depth === 0) last = i;
  }
  return last;
}
