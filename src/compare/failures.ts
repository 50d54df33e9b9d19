// Outcomes that are not two values: two failures are the same when their kind and (unless
// `failureMessage: "ignore"`) their normalised message match, as github/scientist compares
// exceptions by class and message. One side failing is always one "failure" difference at `$`.
import type { Failure } from "../../adapters/types.ts";
import type { Difference } from "./types.ts";

/**
 * Why: messages often carry run-specific noise. Normalising trims, collapses whitespace and
 * replaces hex addresses (`0x7f3a9c...`, as in Python reprs) by `0x…`; nothing else is touched.
 */
export function normalizeFailureMessage(message: string): string {
  return message
    .replace(/0x[0-9a-fA-F]+/g, "0x…")
    .replace(/\s+/g, " ")
    .trim();
}

/** Why: both sides failed; they agree when the failure kind and, unless ignored, the message agree. */
export function compareFailures(
  oldFailure: Failure,
  newFailure: Failure,
  failureMessage: "match" | "ignore",
): Difference[] {
  if (
    oldFailure.kind === newFailure.kind &&
    (failureMessage === "ignore" ||
      normalizeFailureMessage(oldFailure.message) === normalizeFailureMessage(newFailure.message))
  ) {
    return [];
  }
  return [failureDifference(describeFailure(oldFailure), describeFailure(newFailure))];
}

/** Why: one side failed and the other gave a value (or failed differently). */
export function failureDifference(oldSide: unknown, newSide: unknown): Difference {
  return { path: "$", kind: "failure", old: oldSide, new: newSide };
}

/** How a failed side shows in a difference: `{failure: kind, message}`. */
export function describeFailure(failure: Failure): { failure: Failure["kind"]; message: string } {
  return { failure: failure.kind, message: failure.message };
}

/** Why: an "ok" outcome whose text does not parse is treated as the adapter should have reported it. */
export function unparsableFailure(error: Error): Failure {
  return { kind: "unparsable", message: `output is not one JSON value: ${error.message}` };
}
