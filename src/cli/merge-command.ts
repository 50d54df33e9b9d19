// `twinrun merge <report.json>...`: combine the shard reports of one sample into one report,
// render it like a run, write the CI outputs, and exit with the recomputed gate's code.
import path from "node:path";
import type { Command } from "commander";
import { flagError, parseNonEmpty } from "../config/flag-grammars.ts";
import type { MergeFlags } from "../config/options/table.ts";
import { mergeReports, readExamplesSetting } from "../merge/merge-reports.ts";
import { readReportFile } from "../report/read-report.ts";
import { writeJsonReport } from "../reporters/json.ts";
import { parseReporterSpec, resolveReportOutputs } from "../reporters/outputs.ts";
import { writeReports } from "../reporters/write-reports.ts";
import type { CliIo } from "./io.ts";
import { shellQuote } from "./shell-quote.ts";
import { shouldUseColor, terminalWidth } from "./terminal.ts";

const LAST_REPORT = path.join(".twinrun", "last-report.json");
const EXIT_INCOMPLETE = 130;

/** Why: the CLI's merge action; every file path is relative to the working folder. */
export async function runMergeCommand(reportPaths: string[], command: Command, io: CliIo): Promise<number> {
  const { cwd } = io;
  const flags = command.opts() as MergeFlags;
  const file = (flag: string, value: string | undefined) =>
    value === undefined ? undefined : path.resolve(cwd, parseNonEmpty(flag, value, "a file"));
  const jsonPath = file("--json", flags.json);
  const markdown = file("--markdown", flags.markdown);
  const junit = file("--junit", flags.junit);
  const htmlPath = file("--html", flags.html);
  const outputs = resolveReportOutputs({
    reporters: (flags.reporter ?? []).map((spec) => parseReporterSpec(spec, "--reporter", cwd)),
    ...(markdown !== undefined && { markdown }),
    ...(junit !== undefined && { junit }),
    ...(htmlPath !== undefined && { html: htmlPath }),
  });
  const unique = new Set(reportPaths.map((name) => path.resolve(cwd, name)));
  if (unique.size !== reportPaths.length)
    throw flagError("merge", "each shard report once", reportPaths.join(" "));

  const named = await Promise.all(
    reportPaths.map(async (name) => ({ name, report: await readReportFile(path.resolve(cwd, name), name) })),
  );
  const report = mergeReports(named);

  let reproPath: string | undefined;
  if (jsonPath !== undefined) {
    await writeJsonReport(report, jsonPath);
    reproPath = path.relative(cwd, jsonPath) || jsonPath;
  }
  if (flags.save !== false) {
    await writeJsonReport(report, path.resolve(cwd, LAST_REPORT));
    reproPath ??= LAST_REPORT;
  }
  const examples = readExamplesSetting(report);
  const renderOptions = {
    color: shouldUseColor(io.stdout, io.env),
    width: terminalWidth(io.stdout, io.env),
    examples,
    reproCommand: (index: number) =>
      reproPath === undefined
        ? "(no saved report: rerun without --no-save, or with --json <file>)"
        : `npx twinrun run --replay ${shellQuote(reproPath)} --only ${index}`,
  };
  if (outputs.some((output) => output.reporter === "terminal"))
    io.stdout.write(
      `Merged ${named.length} shard reports of one sample (${report.summary.trials} trials).\n`,
    );
  await writeReports(report, outputs, {
    stepSummary: flags.stepSummary !== false,
    env: io.env,
    stdout: io.stdout,
    render: renderOptions,
  });
  return report.complete ? report.gate.exitCode : EXIT_INCOMPLETE;
}
