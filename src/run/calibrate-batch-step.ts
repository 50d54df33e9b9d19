// Dataset mode's calibration: old's batch step runs again on the same sample file (or twice on a
// seeded subset, with `--calibrate n`), and its two output tables are compared by the table
// engine; the columns that differ are its noise (src/calibrate/table-calibration.ts).
import path from "node:path";
import type { NoiseJudge } from "../calibrate/noise-judge.ts";
import { judgeOldTables, pickTableCalibrationRecords } from "../calibrate/table-calibration.ts";
import type { ResolvedRunConfig } from "../config/types.ts";
import { TwinrunError } from "../errors.ts";
import type { InputFormat, InputRecord, Sample } from "../inputs/types.ts";
import { compareTableFiles } from "../table/compare-table-files.ts";
import { tableComparisonOptions } from "../table/comparison-options.ts";
import type { TableFormat } from "../table/types.ts";
import type { SideRun } from "./run-batch-step.ts";

/** What calibrating a batch step needs from the dataset run around it. */
export interface BatchCalibration {
  config: ResolvedRunConfig;
  oldLabel: string;
  sample: Sample;
  folder: string;
  /** The sample file the run gave both sides, and old's output of it (its first run). */
  inputPath: string;
  inputFormat: InputFormat;
  outputFormat: TableFormat;
  oldOutputPath: string;
  /** Writes sampled records as an input file in the format the batch step reads. */
  writeSample: (records: InputRecord[], targetPath: string) => Promise<void>;
  /** Runs old's batch step once on an input file, writing the output file. */
  runOld: (inputPath: string, outputPath: string) => Promise<SideRun>;
  onCalibrate?: (records: number) => void;
}

/** Why: old against old on the same file is the only way to see which columns are its own noise. */
export async function calibrateBatchStep(request: BatchCalibration): Promise<NoiseJudge> {
  const { config, sample, folder, outputFormat } = request;
  const chosen = pickTableCalibrationRecords(sample.records, config);
  const whole = chosen.length === sample.records.length;
  request.onCalibrate?.(chosen.length);
  const output = (name: string) => path.join(folder, `${name}.${outputFormat}`);
  let inputPath = request.inputPath;
  let first: SideRun = { status: "ok", durationMs: 0, outputPath: request.oldOutputPath };
  if (!whole) {
    inputPath = path.join(folder, `calibration-sample.${request.inputFormat}`);
    await request.writeSample(chosen, inputPath);
    first = await request.runOld(inputPath, output("old-calibration-1"));
  }
  const second = await request.runOld(inputPath, output(whole ? "old-calibration" : "old-calibration-2"));
  if (first.status === "failure" || second.status === "failure") {
    throw calibrationFailed(request.oldLabel, chosen.length, first, second);
  }
  const compared = await compareTableFiles({
    old: { path: first.outputPath, format: outputFormat },
    new: { path: second.outputPath, format: outputFormat },
    csvStrings: config.input.csvStrings,
    comparison: tableComparisonOptions(config.compare, config.table, 0),
  });
  return judgeOldTables(request.oldLabel, compared, {
    records: chosen.length,
    indices: whole ? [] : chosen.map((record) => record.index),
  });
}

/** A calibration run of old that failed: once of twice is old disagreeing with itself. */
function calibrationFailed(label: string, records: number, first: SideRun, second: SideRun): TwinrunError {
  const failure = first.status === "failure" ? first : second;
  const message = failure.status === "failure" ? failure.failure.message : "";
  const once = first.status !== second.status;
  return new TwinrunError(
    "USAGE",
    once
      ? `${label} is not deterministic with itself: run twice on the same ${records} record(s), its batch step succeeded once and failed once (${message}); twinrun cannot calibrate it`
      : `calibrate: ${label}'s batch step failed on the ${records} calibration record(s) (${message}); run without --calibrate to see the failure in the report`,
  );
}
