// `twinrun diff <old-output> <new-output>`: compare two existing table files.
import path from "node:path";
import type { Command } from "commander";
import { type DiffFlags, resolveDiffConfig } from "../config/resolve-diff.ts";
import { diffFiles } from "../diff/diff-files.ts";
import { writeJsonReport } from "../reporters/json.ts";
import { writeReports } from "../reporters/write-reports.ts";
import type { CliIo } from "./io.ts";
import { shouldUseColor, terminalWidth } from "./terminal.ts";

const LAST_DIFF = path.join(".twinrun", "last-diff.json");

/** Why: the CLI's diff action; returns the gate's exit code. */
export async function runDiffCommand(
  oldPath: string,
  newPath: string,
  command: Command,
  io: CliIo,
): Promise<number> {
  const flags = command.opts() as DiffFlags;
  if (command.getOptionValueSource("save") !== "cli") delete flags.save;
  const config = await resolveDiffConfig({ oldPath, newPath, flags, cwd: io.cwd });
  const report = await diffFiles(config, io.cwd);
  if (config.report.json !== undefined) await writeJsonReport(report, config.report.json);
  if (config.report.save) await writeJsonReport(report, path.resolve(io.cwd, LAST_DIFF));
  const render = {
    color: shouldUseColor(io.stdout, io.env),
    width: terminalWidth(io.stdout, io.env),
    examples: config.report.examples,
  };
  // A diff writes what it is asked for (flags or the config's report section), no CI extras.
  await writeReports(report, config.report.outputs, {
    stepSummary: false,
    env: {},
    stdout: io.stdout,
    render,
  });
  return report.gate.exitCode;
}
