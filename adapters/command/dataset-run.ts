// dataset mode: one side's command runs once on the whole sample. The sample file reaches it as
// `{input}` (or streamed on stdin), its output table is the `{output}` file it writes (or its
// stdout, streamed into that file). Nothing passes through memory whole: outputs can be huge.
// Like every adapter, a crash, a timeout or a missing output is a failure result, not an error.
import { rm, stat } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { type ExitInfo, isCommandNotFound, waitForEnd } from "../process/exit-info.ts";
import { assertCanLaunch, startError } from "../process/launch-check.ts";
import {
  type GroupProcess,
  killGroup,
  releaseGroup,
  STOP_GRACE_MS,
  spawnInGroup,
} from "../process/process-tree.ts";
import { lastStderrLine, StderrTail } from "../process/stderr-tail.ts";
import type { LaunchSpec } from "../process/types.ts";
import type { Failure, Outcome, TableRunResult } from "../types.ts";
import { toDatasetLaunch } from "./dataset-launch.ts";
import { openDatasetStreams } from "./dataset-streams.ts";
import { exitFailureOutcome, failureOutcome } from "./outcomes.ts";
import type { DatasetCommandOptions } from "./types.ts";

type StopReason = "timeout" | "interrupted";

/**
 * Why: dataset mode's whole execution of one side. Resolves with the result; rejects only with
 * ComponentStartError (the command cannot start at all: exit 3) or when the output file cannot be
 * written (twinrun's own folder, not the component, is at fault).
 */
export async function runDatasetCommand(options: DatasetCommandOptions): Promise<TableRunResult> {
  const { launch, inputOnStdin, outputOnStdout } = toDatasetLaunch(options);
  assertCanLaunch(options.side, launch);
  await assertSampleFile(options.inputPath);
  // A file left at outputPath must not pass for the output of this run.
  if (!outputOnStdout) await rm(options.outputPath, { force: true });
  if (options.signal?.aborted) return interruptedResult(0, "");

  const startedAt = performance.now();
  const subprocess = spawnInGroup(launch);
  const stderr = new StderrTail();
  subprocess.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  // Opened before the process can end: the output file is truncated or created at once.
  const streams = openDatasetStreams(subprocess, { ...options, inputOnStdin, outputOnStdout });
  const stopper = watchForStop(subprocess, options);

  const exit = await waitForEnd(subprocess, stopper.killed);
  const durationMs = performance.now() - startedAt;
  stopper.dispose();
  releaseGroup(subprocess.pid);
  const writeError = await streams.finish();

  if (exit.spawnErrorCode !== undefined) throw spawnFailure(options.side, launch, exit);
  if (writeError !== undefined) {
    throw new Error(
      `could not write the ${options.side} component's output to ${options.outputPath}: ${writeError.message}`,
      { cause: writeError },
    );
  }
  const stderrText = stderr.text();
  const stopped = stopper.reason();
  if (stopped === "interrupted") return interruptedResult(stopper.stoppedAtMs(), stderrText);
  if (stopped === "timeout") {
    const message = `did not finish within ${options.timeoutMs} ms`;
    return failed(failureOutcome("timeout", message, stopper.stoppedAtMs(), { stderr: stderrText }));
  }
  if (isCommandNotFound(exit, stderrText)) {
    const reason = lastStderrLine(stderrText) ?? "exit status 127";
    throw startError(
      options.side,
      `command not found: ${JSON.stringify(launch.file)} (${reason})`,
      launch.cwd,
    );
  }
  if (exit.signal !== undefined || exit.exitCode !== 0) {
    return failed(exitFailureOutcome(exit, durationMs, stderrText, false));
  }
  if (!outputOnStdout && !(await isFile(options.outputPath))) {
    const message = `wrote no output file at ${options.outputPath}`;
    return failed(failureOutcome("unparsable", message, durationMs, { stderr: stderrText }));
  }
  return { status: "ok", durationMs, stderr: stderrText };
}

// The timeout and the caller's abort signal, the two reasons twinrun ends a run itself.
function watchForStop(subprocess: GroupProcess, options: DatasetCommandOptions) {
  const startedAt = performance.now();
  let reason: StopReason | undefined;
  let stoppedAtMs = 0;
  let announceKill: () => void = () => {};
  const killed = new Promise<void>((resolve) => {
    announceKill = resolve;
  });
  const timers: NodeJS.Timeout[] = [];
  const kill = () => {
    killGroup(subprocess.pid, "SIGKILL");
    announceKill();
  };
  const stop = (why: StopReason) => {
    if (reason !== undefined) return;
    reason = why;
    stoppedAtMs = performance.now() - startedAt;
    if (why === "timeout") return kill();
    // Interrupted: a polite SIGTERM first (the component may clean up), SIGKILL after a grace.
    killGroup(subprocess.pid, "SIGTERM");
    timers.push(setTimeout(kill, STOP_GRACE_MS));
  };
  const onAbort = () => stop("interrupted");
  if (options.timeoutMs > 0) timers.push(setTimeout(() => stop("timeout"), options.timeoutMs));
  options.signal?.addEventListener("abort", onAbort, { once: true });
  return {
    killed,
    reason: () => reason,
    stoppedAtMs: () => stoppedAtMs,
    dispose: () => {
      for (const timer of timers) clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    },
  };
}

function failed(outcome: Outcome): TableRunResult {
  if (outcome.status !== "failure") throw new Error("twinrun bug: expected a failure outcome");
  return outcome;
}

function interruptedResult(durationMs: number, stderr: string): TableRunResult {
  const failure: Failure = { kind: "signal", message: "stopped by twinrun: the run was interrupted" };
  if (stderr !== "") failure.stderr = stderr;
  return { status: "failure", failure, durationMs, interrupted: true };
}

// The sample file is written by twinrun itself; its absence is twinrun's bug, not the component's.
async function assertSampleFile(inputPath: string): Promise<void> {
  if (!(await isFile(inputPath))) {
    throw new Error(`twinrun bug: the sample file ${inputPath} does not exist when the component starts`);
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

// The command vanished or lost its permissions since the launch check: say exactly what is wrong.
function spawnFailure(side: DatasetCommandOptions["side"], launch: LaunchSpec, exit: ExitInfo): Error {
  assertCanLaunch(side, launch);
  return startError(
    side,
    `could not spawn ${JSON.stringify(launch.file)} (${exit.spawnErrorCode})`,
    launch.cwd,
  );
}
