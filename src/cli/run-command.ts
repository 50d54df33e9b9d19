// `twinrun run`: resolve the config, run, write and render the report, set the exit code.
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { killAllChildren } from "../../adapters/process/index.ts";
import { writeCalibrationRules } from "../calibrate/write-calibration.ts";
import type { RunFlags } from "../config/flags.ts";
import { resolveRunConfig } from "../config/resolve.ts";
import type { ResolvedRunConfig } from "../config/types.ts";
import type { Report } from "../report/types.ts";
import { writeJsonReport } from "../reporters/json.ts";
import { createProgress } from "../reporters/progress.ts";
import { writeReports } from "../reporters/write-reports.ts";
import { runComponents } from "../run/run-components.ts";
import { decideRunKind } from "../run/run-kind.ts";
import { writeMinimalInputs } from "../shrink/minimal-files.ts";
import { cancelPostgresQueries } from "../table/postgres/open-clients.ts";
import type { CliIo } from "./io.ts";
import { EXIT_INTERRUPTED } from "./process-interrupts.ts";
import { shellQuote } from "./shell-quote.ts";
import { shouldUseColor, terminalWidth } from "./terminal.ts";

const LAST_REPORT = path.join(".twinrun", "last-report.json");
const LAST_REPLAY = path.join(".twinrun", "last-replay.json");

/** Why: the CLI's run action; returns the gate's exit code, or 130 when interrupted. */
export async function runRunCommand(command: Command, io: CliIo): Promise<number> {
  const { stdout, stderr, cwd, env } = io;
  // Taken before anything else: a signal while the config resolves still stops the run cleanly.
  const controller = new AbortController();
  const release = io.interrupts?.take((signal) => {
    stderr.write(
      `\ntwinrun: interrupted (${signal}) — stopping components and writing the partial report (Ctrl-C again to quit now)\n`,
    );
    controller.abort();
    // Trials in flight end now (their results are dropped); the adapters then stop as usual.
    killAllChildren();
    // A query running in a database is cancelled there, not left to finish.
    void cancelPostgresQueries();
  });
  let progress: ReturnType<typeof createProgress> | undefined;
  let failures = 0;
  try {
    const config = await resolveRunConfig({
      flags: readFlags(command),
      cwd,
      env,
      cpuCount: availableParallelism(),
    });
    // Two queries report no trials along the way either: say what the run waits for.
    const runKind = decideRunKind(config);
    if (runKind.kind === "tables" && runKind.via === "database") {
      stderr.write("twinrun: running the old and new queries in their database and comparing the results\n");
    }
    const ranReport = await runComponents(config, {
      signal: controller.signal,
      onSample: (sample) => {
        // A batch step runs once per side and reports no trials along the way: say what it waits for.
        if (runKind.kind === "tables" && runKind.via === "dataset") {
          const count = sample.records.length.toLocaleString("en-US");
          const { repeat } = config.dataset;
          const times = repeat === 1 ? "once each" : `${repeat} times each, in turn,`;
          stderr.write(`twinrun: dataset mode: running old and new ${times} on ${count} records\n`);
          return;
        }
        progress = createProgress(stderr, sample.records.length);
      },
      onSetup: (side, setup) => stderr.write(`twinrun: setting up ${side}: ${setup}\n`),
      onCalibrate: (inputs) =>
        stderr.write(`twinrun: calibrating: old runs twice on ${inputs} inputs, to see its own noise\n`),
      onShrink: (trial) => {
        progress?.finish();
        stderr.write(`twinrun: shrinking input #${trial.index}\n`);
      },
      onTrial: (trial, state) => {
        if (trial.old.status === "failure" || trial.new.status === "failure") failures++;
        progress?.tick(state.done, state.changed, failures);
      },
    });
    progress?.finish();
    const report = await writeMinimalInputs(ranReport, cwd);
    const reportPath = await saveReports(report, config, cwd);
    const renderOptions = {
      color: shouldUseColor(stdout, env),
      width: terminalWidth(stdout, env),
      examples: config.report.examples,
      reproCommand: (index: number) =>
        reportPath === undefined
          ? "(no saved report: rerun without --no-save, or with --json <file>)"
          : `npx twinrun run --replay ${shellQuote(reportPath)} --only ${index}`,
    };
    await writeReports(report, config.report.outputs, {
      stepSummary: config.report.stepSummary,
      env,
      stdout,
      render: renderOptions,
    });
    if (config.report.writeCalibration !== undefined && report.calibration) {
      const written = await writeCalibrationRules(
        config.report.writeCalibration,
        report.calibration,
        report.kind === "tables" ? "rows" : "inputs",
      );
      const where = path.relative(cwd, config.report.writeCalibration) || config.report.writeCalibration;
      const kept = written.kept.length > 0 ? ` (kept its rules for ${written.kept.join(", ")})` : "";
      stderr.write(
        `twinrun: wrote ${written.added.length} calibration rule(s) to ${where}${kept}; review them before relying on them\n`,
      );
    }
    return report.complete ? report.gate.exitCode : EXIT_INTERRUPTED;
  } catch (error) {
    // A cancelled query fails its comparison: that is the interrupt, not the user's mistake.
    if (!controller.signal.aborted) throw error;
    stderr.write(
      "twinrun: interrupted — the queries were cancelled in the database; no report was written\n",
    );
    return EXIT_INTERRUPTED;
  } finally {
    progress?.finish();
    release?.();
  }
}

/** Writes the requested JSON report and the saved copy; returns the path repro commands use. */
async function saveReports(
  report: Report,
  config: ResolvedRunConfig,
  cwd: string,
): Promise<string | undefined> {
  let reproPath: string | undefined;
  if (config.report.json !== undefined) {
    await writeJsonReport(report, config.report.json);
    reproPath = path.relative(cwd, config.report.json) || config.report.json;
  }
  if (config.report.save) {
    // A replay must not overwrite the report whose examples the user is walking through.
    const saved = config.replay === undefined ? LAST_REPORT : LAST_REPLAY;
    await writeJsonReport(report, path.resolve(cwd, saved));
    // The user's own --json file outlives the next run's save, so repro lines prefer it.
    if (config.replay === undefined) reproPath ??= saved;
  }
  if (config.replay !== undefined && reproPath === undefined) {
    reproPath = path.relative(cwd, config.replay.reportPath) || config.replay.reportPath;
  }
  return reproPath;
}

/** Commander's parsed options as RunFlags; `save` only when --no-save was really given. */
function readFlags(command: Command): RunFlags {
  const options = command.opts() as RunFlags & { save?: boolean };
  const flags: RunFlags = { ...options };
  if (command.getOptionValueSource("save") !== "cli") delete flags.save;
  if (command.getOptionValueSource("stepSummary") !== "cli") delete flags.stepSummary;
  return flags;
}
