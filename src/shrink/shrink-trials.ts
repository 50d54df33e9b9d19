// Shrinks changed trials one after another with the run's own (still running) components.
import type { RecordAdapter } from "../../adapters/types.ts";
import type { Comparator } from "../compare/comparator.ts";
import type { TrialResult } from "../runner/types.ts";
import { shrinkInput } from "./shrink-input.ts";
import { createTargetCheck, type NoiseSplit, targetOfTrial } from "./trial-check.ts";
import type { MinimalInput, ShrinkBudget } from "./types.ts";

/** Why: `--shrink k` and `twinrun shrink` reduce inputs the same way; each trial gets its own budget. */
export async function shrinkTrials(
  trials: readonly TrialResult[],
  sides: { old: RecordAdapter; new: RecordAdapter },
  comparator: Comparator,
  budget: ShrinkBudget,
  options: {
    path?: string;
    signal?: AbortSignal;
    onTrial?: (trial: TrialResult) => void;
    /** With calibration: the run's noise judge, so noise alone never keeps a candidate "still changed". */
    splitNoise?: NoiseSplit;
  } = {},
): Promise<Map<number, MinimalInput>> {
  const out = new Map<number, MinimalInput>();
  for (const trial of trials) {
    if (options.signal?.aborted === true) break;
    const target = targetOfTrial(trial, options.path);
    if (target === undefined) continue;
    options.onTrial?.(trial);
    const check = createTargetCheck(sides, comparator, trial.index, target, options.splitNoise);
    out.set(trial.index, await shrinkInput(trial.inputText, target, check, budget, options.signal));
  }
  return out;
}
