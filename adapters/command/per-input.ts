// per-input mode: one process per input. The input text (plus "\n") goes to stdin, stdout must
// hold exactly one JSON value, a non-zero exit or a signal is a failure outcome, and a timeout
// kills the whole process tree.
import { performance } from "node:perf_hooks";
import { type ExitInfo, isCommandNotFound, waitForEnd } from "../process/exit-info.ts";
import { assertCanLaunch, startError } from "../process/launch-check.ts";
import { type GroupProcess, killGroup, releaseGroup, spawnInGroup } from "../process/process-tree.ts";
import { lastStderrLine, StderrTail } from "../process/stderr-tail.ts";
import type { LaunchSpec } from "../process/types.ts";
import { ExactDecoder } from "../shared/exact-decoder.ts";
import type { InputClock, TimedOut } from "../shared/input-timeout.ts";
import { outputLimitChars, outputLimitFailure } from "../shared/output-limit.ts";
import type { Outcome, Side, TrialInput } from "../types.ts";
import { exitFailureOutcome, outcomeFromOutput } from "./outcomes.ts";

export interface PerInputContext {
  side: Side;
  launch: LaunchSpec;
  /** Registers a running process so stop() can kill it; returns the unregister function. */
  track: (subprocess: GroupProcess) => () => void;
  /** False until the command has once run without "command not found" (exit 127). */
  hasLaunched: () => boolean;
  markLaunched: () => void;
}

/** Runs one input in a fresh process; rejects only with ComponentStartError. */
export async function runPerInput(
  context: PerInputContext,
  input: TrialInput,
  clock: InputClock,
): Promise<Outcome | TimedOut> {
  const startedAt = performance.now();
  const subprocess = spawnInGroup(context.launch);
  const untrack = context.track(subprocess);
  const stderr = new StderrTail();
  const stdout: string[] = [];
  const decoder = new ExactDecoder();
  const limitChars = context.launch.outputLimitChars ?? outputLimitChars();
  let stdoutChars = 0;
  let stopReason: "timeout" | "overflow" | undefined;
  let stoppedAtMs = 0;
  let announceKill: () => void = () => {};
  const killed = new Promise<void>((resolve) => {
    announceKill = resolve;
  });
  const stop = (reason: "timeout" | "overflow") => {
    if (stopReason !== undefined) return;
    stopReason = reason;
    stoppedAtMs = performance.now() - startedAt;
    killGroup(subprocess.pid, "SIGKILL");
    announceKill();
  };

  subprocess.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  subprocess.stdout.on("data", (chunk: Buffer) => {
    if (stopReason !== undefined) return;
    stdoutChars += chunk.length;
    // Past the limit the output is not read to its end: the trial is inconclusive.
    if (stdoutChars > limitChars) stop("overflow");
    else stdout.push(decoder.write(chunk));
  });
  subprocess.stdin.end(`${input.text}\n`);
  const signal = clock.start();
  const onTimeout = () => stop("timeout");
  if (signal.aborted) onTimeout();
  else signal.addEventListener("abort", onTimeout, { once: true });

  const exit = await waitForEnd(subprocess, killed);
  const durationMs = performance.now() - startedAt;
  signal.removeEventListener("abort", onTimeout);
  releaseGroup(subprocess.pid);
  untrack();

  if (exit.spawnErrorCode !== undefined) throw spawnFailure(context, exit);
  const stderrText = stderr.text();
  if (stopReason === "timeout") return { status: "timed-out", durationMs: stoppedAtMs, stderr: stderrText };
  if (stopReason === "overflow") {
    const failure = outputLimitFailure("stdout", limitChars);
    if (stderrText !== "") failure.stderr = stderrText;
    return { status: "failure", failure, durationMs: stoppedAtMs };
  }
  if (isCommandNotFound(exit, stderrText) && !context.hasLaunched()) {
    const reason = lastStderrLine(stderrText) ?? "exit status 127";
    throw startError(
      context.side,
      `command not found: ${JSON.stringify(context.launch.file)} (${reason})`,
      context.launch.cwd,
    );
  }
  context.markLaunched();
  if (exit.signal !== undefined || exit.exitCode !== 0) {
    return exitFailureOutcome(exit, durationMs, stderrText, false);
  }
  stdout.push(decoder.end());
  return outcomeFromOutput(stdout.join(""), durationMs, stderrText);
}

// The command vanished or lost its permissions since start(): say exactly what is wrong.
function spawnFailure(context: PerInputContext, exit: ExitInfo): Error {
  assertCanLaunch(context.side, context.launch);
  const file = JSON.stringify(context.launch.file);
  return startError(context.side, `could not spawn ${file} (${exit.spawnErrorCode})`, context.launch.cwd);
}
