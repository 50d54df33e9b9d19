// The comparator: compiled once from resolved options, then called per trial. A pure function
// of (old value, new value, rules): it never stops at the first difference, and caps how many
// it collects per pair (maxDifferencesPerTrial, then `truncated: true`).
import type { Outcome } from "../../adapters/types.ts";
import { parseLossless } from "../json/parse.ts";
import { JsonSyntaxError } from "../json/syntax-error.ts";
import { isExactlyEqual } from "./exact-equal.ts";
import { compareFailures, describeFailure, failureDifference, unparsableFailure } from "./failures.ts";
import { compileRulePatterns } from "./options.ts";
import { compileRuleContexts } from "./rule-context.ts";
import type { CompareOptions, CompareResult, Inconclusive } from "./types.ts";
import { type DifferenceSink, Walker } from "./walk.ts";

/** Compares outputs of the old and the new component under one set of rules. */
export interface Comparator {
  /** Two values from parseLossless (or plain JS values). */
  compareValues(oldValue: unknown, newValue: unknown): CompareResult;
  /**
   * Two JSON texts. Byte-identical texts are equal without parsing. Throws JsonSyntaxError when a
   * text is not one JSON value: reporting unparsable output is the adapter's job (compareOutcomes
   * turns it into a failure).
   */
  compareTexts(oldText: string, newText: string): CompareResult;
  /** Two outcomes: values compared, failures matched by kind and message, one failed side = one "failure" difference at `$`. */
  compareOutcomes(oldOutcome: Outcome, newOutcome: Outcome): CompareResult;
  /** True when a rule ignores this top-level key (a table column), so it never counts as changed. */
  ignoresKey(key: string): boolean;
}

/** Why: rules are compiled (patterns parsed, options flattened, match cache started) once per run, not per trial. */
export function createComparator(options: CompareOptions): Comparator {
  const root = compileRuleContexts(options, options.rules, compileRulePatterns(options.rules));
  const sink: DifferenceSink = { differences: [], limit: options.maxDifferencesPerTrial, truncated: false };
  const walker = new Walker(sink);

  const compareValues = (oldValue: unknown, newValue: unknown): CompareResult => {
    if (isExactlyEqual(oldValue, newValue)) return noDifferences();
    sink.differences = [];
    sink.truncated = false;
    walker.walk(oldValue, newValue, root);
    const result = { differences: sink.differences, truncated: sink.truncated };
    sink.differences = [];
    return result;
  };

  const compareTexts = (oldText: string, newText: string): CompareResult => {
    if (oldText === newText) return noDifferences();
    return compareValues(parseLossless(oldText), parseLossless(newText));
  };

  const compareOutcomes = (oldOutcome: Outcome, newOutcome: Outcome): CompareResult => {
    if (oldOutcome.status === "ok" && newOutcome.status === "ok" && oldOutcome.text === newOutcome.text) {
      return noDifferences();
    }
    const inconclusive = unobservedOf(oldOutcome, newOutcome);
    if (inconclusive !== undefined) return { differences: [], truncated: false, inconclusive };
    const oldSide = readOutcome(oldOutcome);
    const newSide = readOutcome(newOutcome);
    if (oldSide.failure === undefined && newSide.failure === undefined)
      return compareValues(oldSide.value, newSide.value);
    if (oldSide.failure !== undefined && newSide.failure !== undefined) {
      return {
        differences: compareFailures(oldSide.failure, newSide.failure, options.failureMessage),
        truncated: false,
      };
    }
    const describe = (side: OutcomeSide) =>
      side.failure === undefined ? side.value : describeFailure(side.failure);
    return { differences: [failureDifference(describe(oldSide), describe(newSide))], truncated: false };
  };

  const ignoresKey = (key: string): boolean => root.keyChild(key).options.ignore;

  return { compareValues, compareTexts, compareOutcomes, ignoresKey };
}

type OutcomeSide =
  | { value: unknown; failure?: undefined }
  | { value?: undefined; failure: import("../../adapters/types.ts").Failure };

/** Why: an output twinrun did not read to its end can neither match nor differ; the trial is inconclusive. */
function unobservedOf(oldOutcome: Outcome, newOutcome: Outcome): Inconclusive | undefined {
  const oldFailure = oldOutcome.status === "failure" ? oldOutcome.failure : undefined;
  const newFailure = newOutcome.status === "failure" ? newOutcome.failure : undefined;
  const first = oldFailure?.unobserved !== undefined ? oldFailure : newFailure;
  if (first?.unobserved === undefined) {
    // Both cut off by twinrun's clock: neither output was seen, so they cannot count as the same.
    if (oldFailure?.kind === "timeout" && newFailure?.kind === "timeout") return bothTimedOut(oldFailure);
    return undefined;
  }
  const side =
    oldFailure?.unobserved !== undefined && newFailure?.unobserved !== undefined
      ? "both"
      : first === oldFailure
        ? "old"
        : "new";
  return { side, limit: first.unobserved, message: first.message };
}

/** Why: a timeout on one side is a behaviour (the other side answered); on both, nothing was observed. */
function bothTimedOut(failure: import("../../adapters/types.ts").Failure): Inconclusive {
  return {
    side: "both",
    limit: "timeout",
    message:
      `both sides timed out (${failure.message}), so their outputs were not compared; ` +
      "raise the limit with --timeout <ms> (run.timeout in the config, 0 for none)",
  };
}

/** An ok outcome's value (parsed when the adapter did not), or its failure; unparsable text counts as a failure. */
function readOutcome(outcome: Outcome): OutcomeSide {
  if (outcome.status === "failure") return { failure: outcome.failure };
  if (outcome.value !== undefined) return { value: outcome.value };
  try {
    return { value: parseLossless(outcome.text) };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { failure: unparsableFailure(error) };
    throw error;
  }
}

function noDifferences(): CompareResult {
  return { differences: [], truncated: false };
}
