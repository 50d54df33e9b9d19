// The calibration run: old twice, as two separate instances, on a seeded subset of the sample.
import { createRecordAdapter } from "../../adapters/components.ts";
import { Aggregator } from "../aggregate/aggregator.ts";
import type { Comparator } from "../compare/comparator.ts";
import type { ResolvedComponent, ResolvedRunConfig } from "../config/types.ts";
import { createRandom } from "../inputs/random.ts";
import { pickUniform } from "../inputs/reservoir.ts";
import type { InputRecord } from "../inputs/types.ts";
import { runTrials } from "../runner/run-trials.ts";
import { NoiseJudge } from "./noise-judge.ts";
import { differsEverywhere, notDeterministicError } from "./noise-profile.ts";

/** Calibration inputs when `--calibrate` gives no count: enough to see a path's noise, cheap to run. */
export const DEFAULT_CALIBRATION_TRIALS = 50;

/** Why: the calibration inputs follow from the seed alone, so a rerun calibrates on the same ones. */
export function pickCalibrationRecords(
  records: readonly InputRecord[],
  count: number,
  seed: number,
): InputRecord[] {
  if (count >= records.length) return [...records];
  // Another stream than the sampler's, so the subset is not the sample's first draws.
  return pickUniform(records, count, createRandom(seed ^ 0x5bd1e995)).sort((a, b) => a.index - b.index);
}

/**
 * Runs old against old and returns the noise judge for the run. Throws when old differs from
 * itself on every path of every input (see notDeterministicError).
 */
export async function runCalibration(
  config: ResolvedRunConfig,
  oldSide: ResolvedComponent,
  records: readonly InputRecord[],
  comparator: Comparator,
  signal: AbortSignal | undefined,
  onStart?: (inputs: number) => void,
): Promise<NoiseJudge> {
  const count = config.calibrate?.trials ?? Math.min(DEFAULT_CALIBRATION_TRIALS, records.length);
  const chosen = pickCalibrationRecords(records, count, config.input.seed);
  onStart?.(chosen.length);
  const first = createRecordAdapter("old", oldSide, config);
  const second = createRecordAdapter("old", oldSide, config);
  const aggregator = new Aggregator({ maxExamples: 0 });
  let judged = 0;
  let whollyDifferent = 0;
  let firstWholly: { index: number; paths: string[] } | undefined;
  try {
    await Promise.all([first.start(), second.start()]);
    await runTrials({
      records: chosen,
      oldAdapter: first,
      newAdapter: second,
      compareOutcomes: (a, b) => comparator.compareOutcomes(a, b),
      concurrency: config.runner.concurrency,
      signal,
      onTrial: (trial) => {
        aggregator.add(trial);
        if (trial.comparison.inconclusive !== undefined) return;
        judged++;
        if (!differsEverywhere(trial.old, trial.comparison.differences)) return;
        whollyDifferent++;
        firstWholly ??= { index: trial.index, paths: trial.comparison.differences.map((d) => d.path) };
      },
    });
  } finally {
    await Promise.all([first.stop(), second.stop()]);
  }
  if (judged > 0 && whollyDifferent === judged && firstWholly !== undefined) {
    throw notDeterministicError(oldSide.label, judged, firstWholly);
  }
  return new NoiseJudge(aggregator.result().paths, {
    trials: chosen.length,
    indices: chosen.map((record) => record.index),
  });
}
