// Leaf schemas for the config: each carries, as its error message, what a user must write
// there ("a number >= 0"), so format-issues.ts can say "expected <that>, got <value>".
import { z } from "zod";
import { PathPatternError, parsePathPattern } from "../compare/path-pattern.ts";

/** Why: one phrase names the accepted values both in the error and in the config file's schema. */
export function describeChoices(values: readonly string[]): string {
  const quoted = values.map((value) => JSON.stringify(value));
  return quoted.length === 1 ? quoted[0]! : `one of ${quoted.join(", ")}`;
}

/** Why: tolerances and similar amounts are finite numbers that cannot be negative. */
export function nonNegativeNumber(description: string) {
  const expected = "a number >= 0";
  return z.number({ error: expected }).min(0, { error: expected }).describe(description);
}

/** Why: sizes (megabytes) are finite numbers above zero. */
export function positiveNumber(description: string) {
  const expected = "a number > 0";
  return z
    .number({ error: expected })
    .gt(0, { error: expected })
    .finite({ error: expected })
    .describe(description);
}

/** Why: counts, ULPs and milliseconds are whole numbers with a lower bound. */
export function integerAtLeast(min: number, description: string) {
  const expected = `an integer >= ${min}`;
  return z.int({ error: expected }).min(min, { error: expected }).describe(description);
}

/** Why: seeds may be any safe integer, negative ones included. */
export function anyInteger(description: string) {
  return z.int({ error: "an integer" }).describe(description);
}

/** Why: YAML users write yes/no or "true"; only real booleans are accepted, with a clear message. */
export function flag(description: string) {
  return z.boolean({ error: "true or false" }).describe(description);
}

/** Why: commands, labels, paths and field names must not be blank. */
export function text(description: string, expected = "a non-empty string") {
  return z.string({ error: expected }).trim().min(1, { error: expected }).describe(description);
}

/** Why: sys.path entries and key columns: one name, or a list of them (`key: id` or `key: [region, month]`). */
export function stringList(description: string) {
  const expected = "a non-empty string or a list of them";
  const item = z.string({ error: expected }).trim().min(1, { error: expected });
  return z
    .union([item, z.array(item, { error: expected }).min(1, { error: expected })], { error: expected })
    .describe(description);
}

/** Why: enums list their values in the message (`one of "jsonl", "json", "csv"`). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z.enum(values, { error: describeChoices(values) }).describe(description);
}

/** Why: environment values are strings for the child process; YAML numbers and booleans are stringified. */
export function envMap(description: string) {
  const expected = "a string (or a number or boolean, passed as text)";
  const value = z.union([z.string(), z.number(), z.boolean()], { error: expected });
  return z.record(z.string(), value, { error: "a mapping of NAME: value" }).describe(description);
}

/** Why: an HTTP component's URLs must be http(s); `${NAME}` and `{{input.field}}` may stand anywhere in them. */
export function httpUrl(description: string) {
  const expected = "an http:// or https:// URL";
  return z
    .string({ error: expected })
    .trim()
    .regex(/^https?:\/\/\S+$/i, { error: expected })
    .describe(description);
}

/** Why: header names are HTTP tokens and values text; a YAML number would be sent as something else. */
export function headerMap(description: string) {
  const expected = "a mapping of Header-Name: value (values are text)";
  const name = z
    .string()
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, { error: "a header name (letters, digits, -)" });
  return z
    .record(name, z.string({ error: "text (quote numbers)" }), { error: expected })
    .describe(description);
}

/** A rate of trials in percent, 0% to 100% (e.g. `2%`, `0.5%`). */
export const RATE_PERCENT_PATTERN = /^(?:100(?:\.0+)?|\d{1,2}(?:\.\d+)?)%$/;

/** Why: the gate takes either a count of changed trials or a rate, in config and flag alike. */
export const MAX_CHANGED_EXPECTED = 'a count >= 0 (e.g. 3) or a rate of trials in percent (e.g. "0.5%")';

/** Why: `gate.maxChanged` accepts `3` or `"2%"`; both branches carry the same message. */
export function maxChangedValue(description: string) {
  const expected = MAX_CHANGED_EXPECTED;
  return z
    .union(
      [
        z.int({ error: expected }).min(0, { error: expected }),
        z.string({ error: expected }).regex(RATE_PERCENT_PATTERN, { error: expected }),
      ],
      { error: expected },
    )
    .describe(description);
}

/** A rate in percent above 0, e.g. "0.1%" (the change-rate target). */
export const TARGET_RATE_PATTERN = /^(?:100(?:\.0+)?|\d{1,2}(?:\.\d+)?|0?\.\d*[1-9]\d*)%$/;
export const TARGET_RATE_EXPECTED = 'a rate in percent above 0, e.g. "0.1%"';

/** Why: `--target-rate 0.1%` and `report.targetRate` share one spelling. */
export function targetRateValue(description: string) {
  const expected = TARGET_RATE_EXPECTED;
  return z
    .string({ error: expected })
    .regex(TARGET_RATE_PATTERN, { error: expected })
    .refine((value) => Number(value.slice(0, -1)) > 0, { error: expected })
    .describe(description);
}

/** What a rule's path must look like, for messages. */
export const PATTERN_EXPECTED = 'a path pattern like a.b, a.*, a.**, **.ts, emb[*] or ["odd key"]';

/** Why: a pattern the comparator cannot read is reported where it was written, not at run time. */
export function findPatternProblem(pattern: string): string | undefined {
  try {
    parsePathPattern(pattern);
    return undefined;
  } catch (error) {
    if (error instanceof PathPatternError) return error.message;
    throw error;
  }
}

/** Why: rule paths are checked by the comparator's own pattern parser, so config and run agree. */
export function pathPattern(description: string) {
  return z
    .string({ error: PATTERN_EXPECTED })
    .trim()
    .min(1, { error: PATTERN_EXPECTED })
    .superRefine((pattern, context) => {
      const problem = findPatternProblem(pattern);
      if (problem !== undefined)
        context.addIssue({ code: "custom", message: `${PATTERN_EXPECTED} (${problem})` });
    })
    .describe(description);
}
