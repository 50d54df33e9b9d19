// The CLI run in this process on buffers: the same entry as `bin/twinrun.js`, without a spawn.
import { runTwinrun } from "../../src/cli/cli.ts";
import { bufferStream } from "../../src/cli/io.ts";
import type { CliResult } from "./cli.ts";

/** Runs `twinrun <args>` in-process in `cwd`, without colours. */
export async function runInProcess(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliResult> {
  const stdout = bufferStream();
  const stderr = bufferStream();
  const exitCode = await runTwinrun(args, {
    stdout,
    stderr,
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
  });
  return { exitCode, stdout: stdout.text(), stderr: stderr.text() };
}
