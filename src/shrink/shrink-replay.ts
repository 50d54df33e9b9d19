// `twinrun shrink`: one input of an earlier report, rerun with the report's settings, then
// shrunk with the same components (started once, workers reused for every step).
import { createRecordAdapter } from "../../adapters/components.ts";
import { NoiseJudge } from "../calibrate/noise-judge.ts";
import type { CalibrationReport } from "../calibrate/types.ts";
import { createComparator } from "../compare/comparator.ts";
import { foldPath } from "../compare/paths.ts";
import type { CompareResult } from "../compare/types.ts";
import type { ResolvedRunConfig } from "../config/types.ts";
import { TwinrunError } from "../errors.ts";
import { listSetupSteps, prepareSides } from "../run/prepare-sides.ts";
import { loadRunSample, startBoth } from "../run/run-components.ts";
import { decideRunKind } from "../run/run-kind.ts";
import { runSetupSteps } from "../run/run-setup.ts";
import type { TrialResult } from "../runner/types.ts";
import { shrinkTrials } from "./shrink-trials.ts";
import type { MinimalInput } from "./types.ts";

/** What shrinking one replayed input gave: the trial as it ran now, and its minimal input when it still changed. */
export interface ReplayShrinkResult {
  trial: TrialResult;
  minimal?: MinimalInput;
}

/** Why: shrinking needs the run's exact components and settings, which the report keeps. */
export async function shrinkReplayedInput(
  config: ResolvedRunConfig,
  options: {
    path?: string;
    signal?: AbortSignal;
    onShrink?: (trial: TrialResult) => void;
    /** The report's calibration: old's noise alone is no change, on the input or while shrinking. */
    calibration?: CalibrationReport;
  },
): Promise<ReplayShrinkResult> {
  const noise = options.calibration === undefined ? undefined : NoiseJudge.fromReport(options.calibration);
  const splitNoise = (result: CompareResult) => (noise === undefined ? result : noise.split(result));
  if (decideRunKind(config).kind === "tables") {
    throw new TwinrunError(
      "USAGE",
      "twinrun shrink: this report compared tables (dataset mode or the dataframe style): only runs of one trial per input can be shrunk",
    );
  }
  const sample = await loadRunSample(config);
  const [record] = sample.records;
  if (record === undefined)
    throw new TwinrunError("INPUT_INVALID", "twinrun shrink: the input was not found");
  const sides = await prepareSides(config);
  try {
    await runSetupSteps(listSetupSteps(config, sides), { signal: options.signal });
    const oldAdapter = createRecordAdapter("old", sides.old, config);
    const newAdapter = createRecordAdapter("new", sides.new, config);
    try {
      await startBoth(oldAdapter, newAdapter, options.signal);
      const comparator = createComparator(config.compare);
      const input = { index: record.index, text: record.text };
      const [oldOutcome, newOutcome] = await Promise.all([oldAdapter.run(input), newAdapter.run(input)]);
      const trial: TrialResult = {
        index: record.index,
        inputText: record.text,
        old: oldOutcome,
        new: newOutcome,
        comparison: splitNoise(comparator.compareOutcomes(oldOutcome, newOutcome)),
      };
      const { differences } = trial.comparison;
      if (differences.length === 0) return { trial };
      if (
        options.path !== undefined &&
        !differences.some((difference) => foldPath(difference.path) === options.path)
      ) {
        const paths = [...new Set(differences.map((difference) => foldPath(difference.path)))];
        throw new TwinrunError(
          "USAGE",
          `--path ${options.path}: input ${record.index} did not change there; it changed at ${paths.slice(0, 10).join(", ")}`,
        );
      }
      const budget = { maxSteps: config.shrink.maxSteps, timeBudgetMs: config.shrink.timeBudgetMs };
      const found = await shrinkTrials([trial], { old: oldAdapter, new: newAdapter }, comparator, budget, {
        ...(options.path !== undefined && { path: options.path }),
        ...(options.signal !== undefined && { signal: options.signal }),
        ...(options.onShrink !== undefined && { onTrial: options.onShrink }),
        splitNoise,
      });
      const minimal = found.get(record.index);
      return minimal === undefined ? { trial } : { trial, minimal };
    } finally {
      await Promise.all([oldAdapter.stop(), newAdapter.stop()]);
    }
  } finally {
    await sides.close();
  }
}
