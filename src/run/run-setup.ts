// The optional per-side `setup` command (`npm ci`, `pip install -e .`): run once in the side's
// folder before the component starts; with --base the old side's runs inside the worktree.
import { execa } from "execa";
import { killGroup } from "../../adapters/process/index.ts";
import type { Side } from "../../adapters/types.ts";
import { ComponentStartError } from "../errors.ts";

/** The last this many characters of a failing setup's output are shown. */
const OUTPUT_TAIL_CHARS = 4000;

/** One side's setup: the command, its folder and its environment. */
export interface SetupStep {
  side: Side;
  command: string;
  cwd: string;
  env: Record<string, string>;
}

/**
 * Why: a side that cannot be prepared cannot be compared: a failing setup is exit 3 with its
 * output. Steps run one after the other (old, then new): two installs into one environment at
 * once would race. Aborting (Ctrl-C) kills the running step; the caller then skips the trials.
 */
export async function runSetupSteps(
  steps: readonly SetupStep[],
  options: { signal?: AbortSignal; onSetup?: (side: Side, command: string) => void } = {},
): Promise<void> {
  for (const step of steps) {
    if (options.signal?.aborted) return;
    options.onSetup?.(step.side, step.command);
    // Its own process group, so an abort ends the shell and everything it started (`npm ci`'s children).
    const subprocess = execa(step.command, {
      shell: true,
      cwd: step.cwd,
      env: step.env,
      stdin: "ignore",
      all: true,
      reject: false,
      detached: true,
      cleanup: false,
    });
    const stop = () => killGroup(subprocess.pid, "SIGKILL");
    options.signal?.addEventListener("abort", stop, { once: true });
    process.once("exit", stop);
    const result = await subprocess.finally(() => {
      options.signal?.removeEventListener("abort", stop);
      process.off("exit", stop);
    });
    if (options.signal?.aborted) return;
    if (result.exitCode !== 0 || result.failed) {
      const how =
        result.exitCode !== undefined ? `exit code ${result.exitCode}` : (result.signal ?? "failed");
      const output = (result.all ?? "").trimEnd();
      const tail = output.length > OUTPUT_TAIL_CHARS ? `…${output.slice(-OUTPUT_TAIL_CHARS)}` : output;
      throw new ComponentStartError(
        step.side,
        `${step.side} component could not start: its setup command failed (${how}): ${step.command} (cwd ${step.cwd})` +
          (tail === "" ? "" : `\n${tail}`),
      );
    }
  }
}
