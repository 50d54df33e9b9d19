// Dataset mode: the sample is written to one file, each side's batch command runs once on it,
// and the two output tables are compared row by row (src/table). A side that fails (non-zero
// exit, timeout, an output that cannot be read) is a failure of that side, shown with its stderr.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createTableAdapter } from "../../adapters/components.ts";
import type { Failure, Side } from "../../adapters/types.ts";
import { AcceptanceTracker } from "../accept/tracker.ts";
import type { AcceptedFile } from "../accept/types.ts";
import type { NoiseJudge } from "../calibrate/noise-judge.ts";
import { findUnusedTableRules } from "../compare/rule-usage.ts";
import type { ResolvedComponent, ResolvedRunConfig } from "../config/types.ts";
import { TwinrunError } from "../errors.ts";
import { type InputRecord, isInputFormat, type Sample } from "../inputs/types.ts";
import { buildReport } from "../report/build-report.ts";
import type { DatasetReport, Report, RunSettings } from "../report/types.ts";
import type { TrialResult } from "../runner/types.ts";
import { type Slowdown, SlowdownTracker } from "../slowdown/slowdown.ts";
import { compareTableFiles, probeTableFile } from "../table/compare-table-files.ts";
import { tableComparisonOptions } from "../table/comparison-options.ts";
import type { TableFormat } from "../table/types.ts";
import { writeSampleFile } from "../table/write-sample.ts";
import { calibrateBatchStep } from "./calibrate-batch-step.ts";
import { baseReportParts, type DatasetBaseParts, failedReportParts, sideReport } from "./dataset-report.ts";
import type { RunHooks } from "./run-components.ts";

/** The sides a dataset run starts, and what its report carries about the run as a whole. */
export interface DatasetSides {
  old: ResolvedComponent;
  new: ResolvedComponent;
  label: { old: string; new: string };
  /** The report's reproducible settings (with --base: the commit, not the ref). */
  settings: RunSettings;
  base?: { ref: string; commit: string };
}

export type SideRun =
  | { status: "ok"; durationMs: number; outputPath: string }
  | { status: "failure"; failure: Failure; durationMs: number };

/** Why: a batch step maps a dataset to a dataset; it runs once per side, never per input. */
export async function runBatchStep(
  config: ResolvedRunConfig,
  sides: DatasetSides,
  sample: Sample,
  hooks: RunHooks & { accepted?: AcceptedFile; noise?: NoiseJudge },
  startedAt: number,
): Promise<Report> {
  const identityFormat = sample.identity.format;
  // A database's rows are JSON records: written as JSONL unless another sample format is asked for.
  const sourceFormat = identityFormat === "postgres" ? "jsonl" : identityFormat;
  if (!isInputFormat(sourceFormat)) {
    throw new Error(`twinrun bug: a run's sample never comes from ${sourceFormat}`);
  }
  const inputFormat = config.dataset.format ?? sourceFormat;
  const outputFormat: TableFormat = config.dataset.outputFormat ?? inputFormat;
  const folder = await mkdtemp(path.join(os.tmpdir(), "twinrun-dataset-"));
  try {
    const inputPath = path.join(folder, `sample.${inputFormat}`);
    const writeSample = (records: InputRecord[], targetPath: string) =>
      writeSampleFile({
        sourcePath: sample.identity.source,
        sourceFormat,
        sourceSha256: sample.identity.sha256,
        records,
        targetPath,
        targetFormat: inputFormat,
        csvStrings: config.input.csvStrings,
      });
    await writeSample(sample.records, inputPath);
    const outputOf = (side: Side, repeat: number) =>
      path.join(folder, `${side}-output${repeat === 1 ? "" : `-${repeat}`}.${outputFormat}`);
    const run = (side: Side, repeat = 1) =>
      runSide(config, side, sides[side], inputPath, outputOf(side, repeat), hooks.signal);
    const { oldRun, newRun, slowdown } =
      config.dataset.repeat > 1
        ? await runRepeated(config, run, hooks.signal)
        : { ...(await runOnce(run)), slowdown: undefined };
    const interrupted = hooks.signal?.aborted ?? false;
    const dataset: DatasetReport = {
      inputFormat,
      outputFormat,
      ...(config.dataset.keepTemp && { keptTemp: folder }),
      old: sideReport(oldRun),
      new: sideReport(newRun),
    };
    const base = baseReportParts(config, sides, sample, dataset, startedAt, interrupted, slowdown);
    if (oldRun.status === "ok" && newRun.status === "ok") {
      // A shrinking candidate is judged by the run's own calibration, not calibrated anew.
      const noise =
        hooks.noise ??
        (config.calibrate === undefined || interrupted
          ? undefined
          : await calibrateBatchStep({
              config,
              oldLabel: sides.label.old,
              sample,
              folder,
              inputPath,
              inputFormat,
              outputFormat,
              oldOutputPath: oldRun.outputPath,
              writeSample,
              runOld: (input, output) => runSide(config, "old", sides.old, input, output, hooks.signal),
              ...(hooks.onCalibrate !== undefined && { onCalibrate: hooks.onCalibrate }),
            }));
      return await compareOutputs(config, base, oldRun, newRun, outputFormat, hooks.accepted, noise);
    }
    return buildReport(failedReportParts(config, base, oldRun, newRun));
  } finally {
    if (!config.dataset.keepTemp) await rm(folder, { recursive: true, force: true });
  }
}

type RunSide = (side: Side, repeat?: number) => Promise<SideRun>;

/** One run per side, both at once: without repeats no timing is judged. */
async function runOnce(run: RunSide): Promise<{ oldRun: SideRun; newRun: SideRun }> {
  const [oldRun, newRun] = await Promise.all([run("old"), run("new")]);
  return { oldRun, newRun };
}

/**
 * Why: one wall time per side says nothing about noise; `repeat` pairs, run one at a time in
 * alternating order (old first, then new first) so neither side always gets the warm cache, give
 * paired ratios for the slowdown's interval and gate. The first pair's outputs are compared; a
 * side that fails on a later repeat is that side's failure, named with the repeat.
 */
async function runRepeated(
  config: ResolvedRunConfig,
  run: RunSide,
  signal: AbortSignal | undefined,
): Promise<{ oldRun: SideRun; newRun: SideRun; slowdown?: Slowdown }> {
  const tracker = new SlowdownTracker(0, config.gate.maxSlowdown);
  let first: { oldRun: SideRun; newRun: SideRun } | undefined;
  for (let repeat = 1; repeat <= config.dataset.repeat && signal?.aborted !== true; repeat++) {
    const order: Side[] = repeat % 2 === 1 ? ["old", "new"] : ["new", "old"];
    const runs: Partial<Record<Side, SideRun>> = {};
    for (const side of order) runs[side] = await run(side, repeat);
    const oldRun = runs.old!;
    const newRun = runs.new!;
    if (first === undefined) first = { oldRun, newRun };
    if (oldRun.status === "failure" || newRun.status === "failure") {
      const named = (sideRun: SideRun, firstRun: SideRun): SideRun =>
        sideRun.status === "failure" && repeat > 1
          ? {
              ...sideRun,
              failure: {
                ...sideRun.failure,
                message: `on repeat ${repeat} of ${config.dataset.repeat}: ${sideRun.failure.message}`,
              },
            }
          : sideRun.status === "failure"
            ? sideRun
            : firstRun;
      return { oldRun: named(oldRun, first.oldRun), newRun: named(newRun, first.newRun) };
    }
    tracker.add(oldRun.durationMs, newRun.durationMs);
  }
  const slowdown = tracker.result();
  return { ...first!, ...(slowdown !== undefined && { slowdown }) };
}

async function runSide(
  config: ResolvedRunConfig,
  side: Side,
  component: ResolvedComponent,
  inputPath: string,
  outputPath: string,
  signal: AbortSignal | undefined,
): Promise<SideRun> {
  const result = await createTableAdapter(side, component, config).run({
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
  base: DatasetBaseParts,
  oldRun: Extract<SideRun, { status: "ok" }>,
  newRun: Extract<SideRun, { status: "ok" }>,
  format: TableFormat,
  accepted: AcceptedFile | undefined,
  noise: NoiseJudge | undefined,
): Promise<Report> {
  const acceptance =
    accepted === undefined
      ? undefined
      : new AcceptanceTracker(accepted, { strict: config.gate.strictAccepted });
  let compared: Awaited<ReturnType<typeof compareTableFiles>>;
  try {
    compared = await compareTableFiles({
      old: { path: oldRun.outputPath, format },
      new: { path: newRun.outputPath, format },
      csvStrings: config.input.csvStrings,
      comparison: {
        ...tableComparisonOptions(config.compare, config.table, config.report.examples),
        ...(acceptance !== undefined && {
          onTrial: (trial: TrialResult) => acceptance.add(trial.comparison.differences),
        }),
        ...(noise !== undefined && { noise }),
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
        : await probeTable(newRun.outputPath, format, config.input.csvStrings, config.table.memoryLimit);
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
    const dataset = { ...base.dataset, old: sideReport(oldJudged), new: sideReport(newJudged) };
    return buildReport(failedReportParts(config, { ...base, dataset }, oldJudged, newJudged));
  }
  const { aggregate, schemaChanged } = compared;
  const acceptedReport = acceptance?.result(aggregate.summary.trials);
  // Output files are named only when they are kept: removed temp paths would mislead.
  const { files: _files, ...unnamed } = compared.table;
  const table = config.dataset.keepTemp ? compared.table : unnamed;
  const { dataset } = base;
  return buildReport({
    ...base,
    summary: aggregate.summary,
    paths: aggregate.paths,
    examples: aggregate.examples,
    ...(aggregate.inconclusive !== undefined && { inconclusive: aggregate.inconclusive }),
    ...(acceptedReport !== undefined && { accepted: acceptedReport }),
    table: { table, schemaChanged },
    ...(noise !== undefined && { calibration: noise.result() }),
    unusedRules: findUnusedTableRules(
      config.compare.rules,
      table.schema.columns,
      config.table.ignoreColumnCase,
    ),
    dataset: {
      ...dataset,
      old: { ...dataset.old, rows: table.rows.old },
      new: { ...dataset.new, rows: table.rows.new },
    },
  });
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
  memoryLimit: string,
): Promise<string | undefined> {
  const error = await probeTableFile(file, format, csvStrings, memoryLimit);
  return error === undefined ? undefined : unreadableOutput(error);
}
