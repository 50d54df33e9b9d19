// Runs every sampled input through both components and compares the two outcomes.
import type { RecordAdapter } from "../../adapters/types.ts";
import type { InputRecord } from "../inputs/types.ts";
import { runOrderedPool } from "./ordered-pool.ts";
import type { TrialResult } from "./types.ts";

/** Compares two outcomes; the comparator's compareOutcomes fits. */
export type CompareOutcomes = (
  old: TrialResult["old"],
  current: TrialResult["new"],
) => TrialResult["comparison"];

export interface RunTrialsOptions {
  records: Iterable<InputRecord>;
  oldAdapter: RecordAdapter;
  newAdapter: RecordAdapter;
  compareOutcomes: CompareOutcomes;
  concurrency: number;
  /** Receives each trial in input order. */
  onTrial: (trial: TrialResult) => void;
  signal?: AbortSignal;
}

/** Runs the trials through a bounded pool; old and new see each input at the same time. */
export async function runTrials(
  options: RunTrialsOptions,
): Promise<{ completed: number; interrupted: boolean }> {
  const { oldAdapter, newAdapter, compareOutcomes, signal } = options;
  const { completed } = await runOrderedPool({
    items: options.records,
    concurrency: options.concurrency,
    signal,
    run: async (record): Promise<TrialResult> => {
      const input = { index: record.index, text: record.text };
      const [oldOutcome, newOutcome] = await Promise.all([oldAdapter.run(input), newAdapter.run(input)]);
      return {
        index: record.index,
        inputText: record.text,
        old: oldOutcome,
        new: newOutcome,
        comparison: compareOutcomes(oldOutcome, newOutcome),
      };
    },
    onResult: options.onTrial,
  });
  return { completed, interrupted: signal?.aborted ?? false };
}
