// Dataset mode: the sample is written to one file, each side's batch command runs once on it,
// and the two output tables are compared row by row (src/table). A side that fails (non-zero
// exit, timeout, an output that cannot be read) is a failure of that side, shown with its stderr.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runDatasetCommand } from "../../adapters/command/index.ts";
import { describeComponent } from "../../adapters/create-adapter.ts";
import type { Failure, Outcome, Side } from "../../adapters/types.ts";
import { Aggregator } from "../aggregate/aggregator.ts";
import { createComparator } from "../compare/comparator.ts";
import { settingsForReport } from "../config/replay.ts";
import type { ResolvedComponent, ResolvedRunConfig } from "../config/types.ts";
import { ExitCode, TwinrunError } from "../errors.ts";
import { evaluateGate } from "../gate/gate.ts";
import { evaluateTableGate } from "../gate/table-gate.ts";
import type { Sample } from "../inputs/types.ts";
import type { DatasetReport, DatasetSideReport, Report } from "../report/types.ts";
import { compareTableFiles } from "../table/compare-table-files.ts";
import { readTable } from "../table/readers/index.ts";
import type { TableFormat } from "../table/types.ts";
import { writeSampleFile } from "../table/write-sample.ts";
import type { RunHooks } from "./run-twin.ts";

type SideRun =
  | { status: "ok"; durationMs: number; outputPath: string }
  | { status: "failure"; failure: Failure; durationMs: number };

/** Why: a batch step maps a dataset to a dataset; it runs once per side, never per input. */
export async function runDatasetTwin(
  config: ResolvedRunConfig,
  sides: { old: ResolvedComponent; new: ResolvedComponent; label: { old: string; new: string } },
  sample: Sample,
  hooks: RunHooks,
  startedAt: number,
): Promise<Report> {
  const sourceFormat = sample.identity.format;
  const inputFormat = config.dataset.format ?? sourceFormat;
  const outputFormat: TableFormat = config.dataset.outputFormat ?? inputFormat;
  const folder = await mkdtemp(path.join(os.tmpdir(), "twinrun-dataset-"));
  try {
    const inputPath = path.join(folder, `sample.${inputFormat}`);
    await writeSampleFile({
      sourcePath: config.input.path,
      sourceFormat,
      sourceSha256: sample.identity.sha256,
      records: sample.records,
      targetPath: inputPath,
      targetFormat: inputFormat,
      csvStrings: config.input.csvStrings,
    });
    const run = (side: Side) =>
      runSide(
        config,
        side,
        sides[side],
        inputPath,
        path.join(folder, `${side}-output.${outputFormat}`),
        hooks.signal,
      );
    const [oldRun, newRun] = await Promise.all([run("old"), run("new")]);
    const interrupted = hooks.signal?.aborted ?? false;
    const dataset: DatasetReport = {
      inputFormat,
      outputFormat,
      ...(config.dataset.keepTemp && { keptTemp: folder }),
      old: sideReport(oldRun),
      new: sideReport(newRun),
    };
    const base = baseReport(config, sides, sample, dataset, startedAt, interrupted);
    if (oldRun.status === "ok" && newRun.status === "ok") {
      return await compareOutputs(config, base, oldRun, newRun, outputFormat);
    }
    return failedReport(config, base, oldRun, newRun);
  } finally {
    if (!config.dataset.keepTemp) await rm(folder, { recursive: true, force: true });
  }
}

async function runSide(
  config: ResolvedRunConfig,
  side: Side,
  component: ResolvedComponent,
  inputPath: string,
  outputPath: string,
  signal: AbortSignal | undefined,
): Promise<SideRun> {
  if (component.adapter !== "command") {
    throw new TwinrunError(
      "CONFIG_INVALID",
      `${side}: dataset mode runs commands only, but this side uses the ${component.adapter} adapter`,
    );
  }
  const result = await runDatasetCommand({
    side,
    command: component.command,
    cwd: component.cwd,
    env: { ...config.sharedEnv, ...component.env },
    shell: component.shell,
    timeoutMs: config.runner.timeoutMs,
    inputPath,
    outputPath,
    ...(signal !== undefined && { signal }),
  });
  if (result.status === "failure") return result;
  return { status: "ok", durationMs: result.durationMs, outputPath };
}

/** Both outputs read as tables and compared; an unreadable output is that side's failure. */
async function compareOutputs(
  config: ResolvedRunConfig,
  base: Report,
  oldRun: Extract<SideRun, { status: "ok" }>,
  newRun: Extract<SideRun, { status: "ok" }>,
  format: TableFormat,
): Promise<Report> {
  const { key, columnOrder, psiMax } = config.table;
  let compared: Awaited<ReturnType<typeof compareTableFiles>>;
  try {
    compared = await compareTableFiles({
      old: { path: oldRun.outputPath, format },
      new: { path: newRun.outputPath, format },
      csvStrings: config.input.csvStrings,
      comparison: {
        compare: config.compare,
        match: key === undefined ? { by: "position" } : { by: "key", key },
        columnOrder,
        ...(psiMax !== undefined && { psiMax }),
        maxExamples: config.report.examples,
      },
    });
  } catch (error) {
    const problem = unreadableOutput(error);
    // The old output is read first; when it fails, the new one is still checked, so two
    // unreadable outputs are reported as two failures, not as a change.
    const oldProblem = problem.includes(oldRun.outputPath) ? problem : undefined;
    const newProblem =
      oldProblem === undefined
        ? problem
        : await probeTable(newRun.outputPath, format, config.input.csvStrings);
    const judged = (run: Extract<SideRun, { status: "ok" }>, reason: string | undefined): SideRun =>
      reason === undefined
        ? run
        : {
            status: "failure",
            durationMs: run.durationMs,
            failure: { kind: "unparsable", message: `its ${format} output could not be read: ${reason}` },
          };
    const oldJudged = judged(oldRun, oldProblem);
    const newJudged = judged(newRun, newProblem);
    const dataset = {
      ...(base.dataset as DatasetReport),
      old: sideReport(oldJudged),
      new: sideReport(newJudged),
    };
    return failedReport(config, { ...base, dataset }, oldJudged, newJudged);
  }
  const { aggregate, schemaChanged } = compared;
  // Output files are named only when they are kept: removed temp paths would mislead.
  const { files: _files, ...unnamed } = compared.table;
  const table = config.dataset.keepTemp ? compared.table : unnamed;
  const gate = evaluateTableGate(
    evaluateGate(aggregate.summary, config.gate.maxChanged),
    aggregate.summary,
    table,
    schemaChanged,
  );
  const dataset = base.dataset as DatasetReport;
  return {
    ...base,
    verdict: gate.verdict,
    summary: aggregate.summary,
    paths: aggregate.paths,
    examples: aggregate.examples,
    gate: gateOf(gate),
    table,
    dataset: {
      ...dataset,
      old: { ...dataset.old, rows: table.rows.old },
      new: { ...dataset.new, rows: table.rows.new },
    },
  };
}

/**
 * One side failed: one trial whose example shows the failure, judged like any trial (a changed
 * outcome). Both failed: nothing was compared, so there is no verdict to give (exit 3).
 */
function failedReport(config: ResolvedRunConfig, base: Report, oldRun: SideRun, newRun: SideRun): Report {
  const comparator = createComparator(config.compare);
  const aggregator = new Aggregator({ maxExamples: config.report.examples });
  const oldOutcome = outcomeOf(oldRun);
  const newOutcome = outcomeOf(newRun);
  aggregator.add({
    index: 0,
    inputText: `the whole sample (${base.sample.size} records)`,
    old: oldOutcome,
    new: newOutcome,
    comparison: comparator.compareOutcomes(oldOutcome, newOutcome),
  });
  const aggregate = aggregator.result();
  if (oldRun.status === "failure" && newRun.status === "failure") {
    return {
      ...base,
      verdict: "error",
      error: `both sides failed, so nothing was compared: old: ${oldRun.failure.message}; new: ${newRun.failure.message}`,
      summary: aggregate.summary,
      paths: aggregate.paths,
      examples: aggregate.examples,
      gate: { ...base.gate, passed: false, exitCode: ExitCode.componentStart },
    };
  }
  const gate = evaluateGate(aggregate.summary, config.gate.maxChanged);
  return {
    ...base,
    verdict: gate.verdict,
    summary: aggregate.summary,
    paths: aggregate.paths,
    examples: aggregate.examples,
    gate: gateOf(gate),
  };
}

/** The message of an unreadable output (a table reader's INPUT_INVALID error); anything else is rethrown. */
function unreadableOutput(error: unknown): string {
  if (error instanceof TwinrunError && error.code === "INPUT_INVALID") return error.message;
  throw error;
}

/** Reads a table only to see whether it can be read; the problem, or undefined. */
async function probeTable(
  file: string,
  format: TableFormat,
  csvStrings: boolean,
): Promise<string | undefined> {
  try {
    await readTable(file, format, { row: () => undefined }, { csvStrings });
    return undefined;
  } catch (error) {
    return unreadableOutput(error);
  }
}

function outcomeOf(run: SideRun): Outcome {
  if (run.status === "failure") return run;
  return { status: "ok", text: "null", value: null, durationMs: run.durationMs };
}

function sideReport(run: SideRun): DatasetSideReport {
  return run.status === "ok"
    ? { status: "ok", durationMs: run.durationMs }
    : { status: "failure", durationMs: run.durationMs, failure: run.failure };
}

function gateOf(gate: ReturnType<typeof evaluateGate>): Report["gate"] {
  return {
    maxChanged: gate.maxChanged,
    passed: gate.passed,
    exitCode: gate.exitCode,
    ...(gate.reason !== undefined && { reason: gate.reason }),
  };
}

/** The parts of the report that do not depend on how the comparison went. */
function baseReport(
  config: ResolvedRunConfig,
  sides: { old: ResolvedComponent; new: ResolvedComponent; label: { old: string; new: string } },
  sample: Sample,
  dataset: DatasetReport,
  startedAt: number,
  interrupted: boolean,
): Report {
  const timing = (run: DatasetSideReport) => ({
    p50: run.durationMs,
    p95: run.durationMs,
    totalMs: run.durationMs,
  });
  return {
    tool: "twinrun",
    reportVersion: 1,
    createdAt: new Date().toISOString(),
    complete: !interrupted,
    verdict: "error",
    components: {
      old: { label: sides.label.old, spec: describeComponent(config.old) },
      new: { label: sides.label.new, spec: describeComponent(config.new) },
    },
    sample: sample.identity,
    summary: { trials: 0, same: 0, changed: 0, failures: { old: 0, new: 0, both: 0 }, truncatedTrials: 0 },
    paths: [],
    examples: [],
    timing: { old: timing(dataset.old), new: timing(dataset.new), wallMs: Date.now() - startedAt },
    gate: { maxChanged: "0", passed: false, exitCode: ExitCode.usage },
    settings: settingsForReport(config) as Record<string, unknown>,
    dataset,
  };
}

/** True when the run's components are batch commands (`mode: dataset`). */
export function isDatasetMode(config: ResolvedRunConfig): boolean {
  return config.old.adapter === "command" && config.old.mode === "dataset";
}
