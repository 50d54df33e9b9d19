// Outcomes from what a Python worker answered. Messages are stable across runs (no pids, no
// durations), because two failures compare as equal when their kind and message match.
import { parseLossless } from "../../src/json/parse.ts";
import { exitFailureOutcome, failureOutcome, quoteStart } from "../command/outcomes.ts";
import { STDERR_TAIL_CHARS } from "../process/stderr-tail.ts";
import type { Outcome } from "../types.ts";
import type { CallReply } from "./python-worker.ts";

/** Why: the worker's reply to one call becomes the Outcome the runner compares. */
export function outcomeFromReply(reply: CallReply, durationMs: number, stderrTail: string): Outcome {
  if (reply.kind === "exit") return exitFailureOutcome(reply.exit, durationMs, stderrTail, true);
  if (reply.kind === "garbage") {
    return failureOutcome(
      "protocol",
      `the Python worker wrote a line outside its protocol: ${quoteStart(reply.line)}; twinrun restarted it`,
      durationMs,
      { stderr: stderrTail },
    );
  }
  const { message } = reply;
  switch (message.type) {
    case "result":
      try {
        return {
          status: "ok",
          text: message.outputText,
          value: parseLossless(message.outputText),
          durationMs,
        };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return failureOutcome(
          "unparsable",
          `the worker's output is not one JSON value: ${reason}`,
          durationMs,
        );
      }
    case "error": {
      const outcome = failureOutcome(
        "exception",
        exceptionMessage(message.errorType, message.message),
        durationMs,
        {
          stderr: keepTail(`${message.stderr}${message.traceback}`),
        },
      );
      if (outcome.status === "failure") outcome.failure.errorType = message.errorType;
      return outcome;
    }
    case "unserialisable":
      return failureOutcome("unparsable", message.message, durationMs, { stderr: keepTail(message.stderr) });
  }
}

/** Why: an exception reads as Python prints its last traceback line: `ValueError: bad row 5`. */
export function exceptionMessage(errorType: string, message: string): string {
  return message.trim() === "" ? errorType : `${errorType}: ${message}`;
}

function keepTail(text: string): string {
  return text.length > STDERR_TAIL_CHARS ? `…${text.slice(-STDERR_TAIL_CHARS)}` : text;
}
