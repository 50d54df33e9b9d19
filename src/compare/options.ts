// Comparator options, normalised once at the edge: defaults filled, every rule checked, the
// result frozen. Messages name the rule (`compare.rules[2]`), what was expected and what came.
import { TwinrunError } from "../errors.ts";
import { PathPatternError, type PatternSegment, parsePathPattern } from "./path-pattern.ts";
import { type CompareOptions, type CompareRule, DEFAULT_COMPARE_OPTIONS } from "./types.ts";

const RULE_KEYS = [
  "path",
  "tolerance",
  "ignore",
  "unordered",
  "trim",
  "caseInsensitive",
  "unicode",
  "numericStrings",
  "timestamps",
  "nullEqualsMissing",
  "nan",
  "signedZero",
  "numberTypes",
] as const;
const BOOLEAN_RULE_KEYS = [
  "ignore",
  "trim",
  "caseInsensitive",
  "numericStrings",
  "timestamps",
  "nullEqualsMissing",
  "signedZero",
] as const;
const TOLERANCE_KEYS = ["abs", "rel", "ulps", "sig"] as const;
const PATTERN_HELP = 'patterns look like a.b, a.*, a.**, **.ts, emb[*], rows[3], rows[*].score, ["a.b"] or $';

/** Why: callers pass what they know (config file, flags); the comparator gets every field filled and checked. */
export function resolveCompareOptions(partial: Partial<CompareOptions> = {}): CompareOptions {
  const defaults = DEFAULT_COMPARE_OPTIONS;
  const tolerance = { ...defaults.tolerance, ...dropUndefined(partial.tolerance ?? {}) };
  checkTolerance(tolerance, "compare.tolerance");
  const resolved: CompareOptions = {
    tolerance: Object.freeze(tolerance),
    nan: checkEnum(partial.nan ?? defaults.nan, ["equal", "unequal"], "compare.nan"),
    signedZero: checkBoolean(partial.signedZero ?? defaults.signedZero, "compare.signedZero"),
    numberTypes: checkEnum(
      partial.numberTypes ?? defaults.numberTypes,
      ["strict", "loose"],
      "compare.numberTypes",
    ),
    nullEqualsMissing: checkBoolean(
      partial.nullEqualsMissing ?? defaults.nullEqualsMissing,
      "compare.nullEqualsMissing",
    ),
    failureMessage: checkEnum(
      partial.failureMessage ?? defaults.failureMessage,
      ["match", "ignore"],
      "compare.failureMessage",
    ),
    rules: Object.freeze((partial.rules ?? []).map((rule, index) => checkRule(rule, index))) as CompareRule[],
    maxDifferencesPerTrial: partial.maxDifferencesPerTrial ?? defaults.maxDifferencesPerTrial,
  };
  const cap = resolved.maxDifferencesPerTrial;
  if (!Number.isInteger(cap) || cap < 1) {
    throw configError(
      `compare.maxDifferencesPerTrial: expected a whole number of at least 1, got ${show(cap)}`,
    );
  }
  compileRulePatterns(resolved.rules);
  return Object.freeze(resolved);
}

/** Why: the comparator compiles every pattern once; a bad one is a config error naming the rule. */
export function compileRulePatterns(rules: readonly CompareRule[]): PatternSegment[][] {
  return rules.map((rule, index) => {
    try {
      return parsePathPattern(rule.path);
    } catch (error) {
      if (!(error instanceof PathPatternError)) throw error;
      throw configError(`compare.rules[${index}].path: invalid pattern: ${error.message}; ${PATTERN_HELP}`);
    }
  });
}

function checkRule(rule: unknown, index: number): CompareRule {
  const where = `compare.rules[${index}]`;
  if (rule === null || typeof rule !== "object" || Array.isArray(rule)) {
    throw configError(
      `${where}: expected an object like {path: "features.*", tolerance: {rel: 1e-6}}, got ${show(rule)}`,
    );
  }
  const record = rule as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(RULE_KEYS as readonly string[]).includes(key)) {
      const hint = suggest(key, RULE_KEYS);
      throw configError(
        `${where}: unknown key "${key}"${hint === undefined ? "" : ` (did you mean "${hint}"?)`}; rule keys are ${RULE_KEYS.join(", ")}`,
      );
    }
  }
  if (typeof record.path !== "string")
    throw configError(
      `${where}.path: expected a path pattern string, got ${show(record.path)}; ${PATTERN_HELP}`,
    );
  for (const key of BOOLEAN_RULE_KEYS)
    if (record[key] !== undefined) checkBoolean(record[key], `${where}.${key}`);
  if (record.tolerance !== undefined) checkTolerance(record.tolerance, `${where}.tolerance`);
  if (record.unicode !== undefined) checkEnum(record.unicode, ["NFC"], `${where}.unicode`);
  if (record.nan !== undefined) checkEnum(record.nan, ["equal", "unequal"], `${where}.nan`);
  if (record.numberTypes !== undefined)
    checkEnum(record.numberTypes, ["strict", "loose"], `${where}.numberTypes`);
  const unordered = record.unordered;
  if (
    unordered !== undefined &&
    typeof unordered !== "boolean" &&
    !(
      isRecord(unordered) &&
      typeof unordered.key === "string" &&
      unordered.key !== "" &&
      Object.keys(unordered).length === 1
    )
  ) {
    throw configError(`${where}.unordered: expected true, false or {key: "<field>"}, got ${show(unordered)}`);
  }
  return Object.freeze({ ...(record as unknown as CompareRule) });
}

function checkTolerance(tolerance: unknown, where: string): void {
  if (!isRecord(tolerance))
    throw configError(`${where}: expected {abs?, rel?, ulps?, sig?}, got ${show(tolerance)}`);
  for (const [key, value] of Object.entries(tolerance)) {
    if (!(TOLERANCE_KEYS as readonly string[]).includes(key)) {
      throw configError(`${where}: unknown key "${key}"; tolerance keys are abs, rel, ulps, sig`);
    }
    if (value === undefined) continue;
    const valid =
      typeof value === "number" &&
      Number.isFinite(value) &&
      value >= (key === "sig" ? 1 : 0) &&
      ((key !== "ulps" && key !== "sig") || Number.isInteger(value));
    if (!valid) {
      const expected =
        key === "sig" ? "whole number >= 1" : key === "ulps" ? "whole number >= 0" : "number >= 0";
      throw configError(`${where}.${key}: expected a ${expected}, got ${show(value)}`);
    }
  }
}

function checkEnum<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw configError(
      `${where}: expected ${allowed.map((item) => `"${item}"`).join(" or ")}, got ${show(value)}`,
    );
  }
  return value as T;
}

function checkBoolean(value: unknown, where: string): boolean {
  if (typeof value !== "boolean") throw configError(`${where}: expected true or false, got ${show(value)}`);
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The closest known key within two edits, for "did you mean …?". */
function suggest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

function configError(message: string): TwinrunError {
  return new TwinrunError("CONFIG_INVALID", message);
}
