// Builds Outcomes from what a component process did. Messages are stable across runs (no pids,
// no durations), because two failures compare as equal when their kind and message match.
import { parseLossless } from "../../src/json/parse.ts";
import { lastStderrLine } from "../process/stderr-tail.ts";
import type { Failure, FailureKind, Outcome } from "../types.ts";

const QUOTED_OUTPUT_CHARS = 200;

/** Parses a component's output text as exactly one JSON value: ok, or an "unparsable" failure. */
export function outcomeFromOutput(output: string, durationMs: number, stderr: string): Outcome {
  const text = output.trim();
  if (text === "") {
    return failureOutcome("unparsable", "printed nothing on stdout (expected one JSON value)", durationMs, {
      stderr,
    });
  }
  try {
    return { status: "ok", text, value: parseLossless(text), durationMs };
  } catch {
    return failureOutcome(
      "unparsable",
      `expected one JSON value on stdout, got: ${quoteStart(text)}`,
      durationMs,
      { stderr },
    );
  }
}

/** A failure for a process that ended with a non-zero status or a signal (per-input "exit"/"signal", worker "crash"). */
export function exitFailureOutcome(
  exit: { exitCode?: number; signal?: string },
  durationMs: number,
  stderr: string,
  worker: boolean,
): Outcome {
  const how =
    exit.signal !== undefined ? `was killed by ${exit.signal}` : `exited with status ${exit.exitCode}`;
  const what = worker ? `worker ${how} while running this input` : how;
  const reason = lastStderrLine(stderr);
  const kind: FailureKind = worker ? "crash" : exit.signal !== undefined ? "signal" : "exit";
  return failureOutcome(kind, reason === undefined ? what : `${what}: ${reason}`, durationMs, {
    exitCode: exit.exitCode,
    signal: exit.signal,
    stderr,
  });
}

/** Assembles a failure Outcome, leaving out empty optional fields. */
export function failureOutcome(
  kind: FailureKind,
  message: string,
  durationMs: number,
  extra: Omit<Failure, "kind" | "message"> = {},
): Outcome {
  const failure: Failure = { kind, message };
  if (extra.exitCode !== undefined) failure.exitCode = extra.exitCode;
  if (extra.signal !== undefined) failure.signal = extra.signal;
  if (extra.stderr !== undefined && extra.stderr !== "") failure.stderr = extra.stderr;
  return { status: "failure", failure, durationMs };
}

/** The first characters of some output, JSON-quoted so control characters stay visible. */
export function quoteStart(text: string): string {
  return text.length > QUOTED_OUTPUT_CHARS
    ? `${JSON.stringify(text.slice(0, QUOTED_OUTPUT_CHARS))}…`
    : JSON.stringify(text);
}
