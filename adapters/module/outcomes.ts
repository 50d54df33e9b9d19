// Outcomes from what a component function did. Messages are stable across runs (no ids, no
// durations, no stack lines), because two failures are the same when kind and message match.
import { failureOutcome } from "../command/outcomes.ts";
import { STDERR_TAIL_CHARS } from "../process/stderr-tail.ts";
import type { Outcome } from "../types.ts";
import type { CallResult } from "./types.ts";

/** Why: a call's result becomes the Outcome the runner compares; output and stack go to `stderr`. */
export function outcomeFromCall(result: CallResult, durationMs: number, output: string): Outcome {
  switch (result.kind) {
    case "result":
      return { status: "ok", text: result.text, value: result.value, durationMs };
    case "exception": {
      const message =
        result.message.trim() === "" ? result.errorType : `${result.errorType}: ${result.message}`;
      const outcome = failureOutcome("exception", message, durationMs, {
        stderr: keepOutputTail(`${output}${result.stack ?? ""}`),
      });
      if (outcome.status === "failure") outcome.failure.errorType = result.errorType;
      return outcome;
    }
    case "unserialisable": {
      const outcome = failureOutcome("unparsable", result.message, durationMs, {
        stderr: keepOutputTail(output),
      });
      // Past twinrun's own depth limit the output was not observed: the trial is inconclusive.
      if (result.limit !== undefined && outcome.status === "failure")
        outcome.failure.unobserved = result.limit;
      return outcome;
    }
  }
}

/** The failure for a worker thread that died while running an input. */
export function threadCrashOutcome(reason: string, durationMs: number, output: string): Outcome {
  return failureOutcome("crash", `${reason} while running this input`, durationMs, {
    stderr: keepOutputTail(output),
  });
}

/** Why: console output kept in a failure is bounded like any stderr tail (the last 4 KB). */
export function keepOutputTail(text: string): string {
  return text.length > STDERR_TAIL_CHARS ? `…${text.slice(-STDERR_TAIL_CHARS)}` : text;
}
