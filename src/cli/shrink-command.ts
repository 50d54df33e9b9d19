// `twinrun shrink <report.json> <index>`: rerun one input of a report with its settings, shrink
// it while the same path changes the same way, write the minimal input and its repro config,
// and record it in the report's example. Exit 1: the minimal input shows the change; 0: the
// input no longer changes (nothing to shrink).
import { availableParallelism } from "node:os";
import path from "node:path";
import { killAllChildren } from "../../adapters/process/index.ts";
import type { ShrinkFlags } from "../config/options/table.ts";
import { resolveRunConfig } from "../config/resolve.ts";
import { ExitCode, TwinrunError } from "../errors.ts";
import { readReportFile } from "../report/read-report.ts";
import { isDiffSettings, type Report } from "../report/types.ts";
import { renderMinimalInput } from "../reporters/examples.ts";
import { writeJsonReport } from "../reporters/json.ts";
import { createPaint } from "../reporters/style.ts";
import { writeMinimalInput } from "../shrink/minimal-files.ts";
import { shrinkReplayedInput } from "../shrink/shrink-replay.ts";
import type { CliIo } from "./io.ts";
import { EXIT_INTERRUPTED } from "./process-interrupts.ts";
import { shouldUseColor } from "./terminal.ts";

/** Why: the CLI's shrink action; returns 1 when a (minimal) input still shows the change, 0 when none does. */
export async function runShrinkCommand(
  reportPath: string,
  indexText: string,
  flags: ShrinkFlags,
  io: CliIo,
): Promise<number> {
  const { stdout, stderr, cwd, env } = io;
  if (!/^\d+$/.test(indexText.trim())) {
    throw new TwinrunError(
      "USAGE",
      `<index>: expected an input index such as 17 (as in --only), got ${JSON.stringify(indexText)}`,
    );
  }
  const index = Number(indexText.trim());
  const controller = new AbortController();
  const release = io.interrupts?.take((signal) => {
    stderr.write(`\ntwinrun: interrupted (${signal}) — stopping components\n`);
    controller.abort();
    killAllChildren();
  });
  try {
    const absoluteReport = path.resolve(cwd, reportPath);
    const report = await readReportFile(absoluteReport, reportPath);
    if (isDiffSettings(report.settings)) {
      throw new TwinrunError(
        "USAGE",
        `${reportPath}: a diff of two files has no components to shrink an input with`,
      );
    }
    if (!report.sample.indices.includes(index)) {
      const count = report.sample.indices.length;
      throw new TwinrunError(
        "USAGE",
        `<index> ${index}: input ${index} is not in the sample of ${reportPath} (${count} inputs, e.g. ${report.sample.indices.slice(0, 5).join(", ")}); give an index the report lists, e.g. one of its examples`,
      );
    }
    const config = await resolveRunConfig({
      flags: {
        replay: reportPath,
        only: String(index),
        ...(flags.shrinkSteps !== undefined && { shrinkSteps: flags.shrinkSteps }),
        ...(flags.shrinkTime !== undefined && { shrinkTime: flags.shrinkTime }),
      },
      cwd,
      env,
      cpuCount: availableParallelism(),
    });
    stderr.write(`twinrun: rerunning input #${index} of ${reportPath}\n`);
    const result = await shrinkReplayedInput(config, {
      ...(flags.path !== undefined && { path: flags.path }),
      signal: controller.signal,
      onShrink: () => stderr.write(`twinrun: shrinking input #${index}\n`),
      ...(report.calibration !== undefined && { calibration: report.calibration }),
    });
    if (controller.signal.aborted) return EXIT_INTERRUPTED;
    const paint = createPaint(shouldUseColor(stdout, env));
    if (result.minimal === undefined) {
      stdout.write(`Input #${index} shows no change any more: nothing to shrink.\n`);
      return ExitCode.equivalent;
    }
    const minimal = await writeMinimalInput(result.minimal, index, report.settings, cwd);
    const recorded = await recordInReport(report, index, minimal, absoluteReport);
    const lines = [
      `${paint("bold", `input #${index}`)}  ${result.trial.inputText.length} characters → ${minimal.inputText.length}`,
      ...renderMinimalInput(minimal, paint),
    ];
    if (recorded) lines.push(`  recorded in ${reportPath} (examples[].minimalInput)`);
    stdout.write(`${lines.join("\n")}\n`);
    return ExitCode.changed;
  } finally {
    release?.();
  }
}

/** Sets the example's minimalInput when the report shows this input; the report is rewritten atomically. */
async function recordInReport(
  report: Report,
  index: number,
  minimal: NonNullable<Report["examples"][number]["minimalInput"]>,
  file: string,
): Promise<boolean> {
  if (!report.examples.some((example) => example.index === index)) return false;
  const examples = report.examples.map((example) =>
    example.index === index ? { ...example, minimalInput: minimal } : example,
  );
  await writeJsonReport({ ...report, examples } as Report, file);
  return true;
}
