// One shrinking step: run both (already started) components on a candidate input, compare, and
// check that the target still shows: the same path changing the same way, or the same failure.
import type { RecordAdapter } from "../../adapters/types.ts";
import type { Comparator } from "../compare/comparator.ts";
import { foldPath } from "../compare/paths.ts";
import type { CompareResult, Difference } from "../compare/types.ts";
import { describeFailingSides } from "../report/failing-sides.ts";
import type { TrialResult } from "../runner/types.ts";
import type { ShowsTarget } from "./shrink-input.ts";
import type { ShrinkTarget } from "./types.ts";

/** With calibration: moves the differences within old's own noise aside, so they never count. */
export type NoiseSplit = (result: CompareResult) => CompareResult;

/**
 * Why: the shrinker asks yes or no; this runs the real components to answer. With calibration,
 * a candidate whose only difference at the target is old's own noise does not show the target.
 */
export function createTargetCheck(
  sides: { old: RecordAdapter; new: RecordAdapter },
  comparator: Comparator,
  index: number,
  target: ShrinkTarget,
  splitNoise: NoiseSplit = (result) => result,
): ShowsTarget {
  return async (text) => {
    const input = { index, text };
    const [oldOutcome, newOutcome] = await Promise.all([sides.old.run(input), sides.new.run(input)]);
    const comparison = splitNoise(comparator.compareOutcomes(oldOutcome, newOutcome));
    if (comparison.inconclusive !== undefined) return false;
    const trial: TrialResult = { index, inputText: text, old: oldOutcome, new: newOutcome, comparison };
    return comparison.differences.some((difference) => matchesTarget(trial, difference, target));
  };
}

/** The target a changed trial shows: its first difference at `path` (folded), or its first difference. */
export function targetOfTrial(trial: TrialResult, path?: string): ShrinkTarget | undefined {
  const { differences } = trial.comparison;
  const difference =
    path === undefined ? differences[0] : differences.find((candidate) => foldPath(candidate.path) === path);
  if (difference === undefined) return undefined;
  return {
    path: foldPath(difference.path),
    kind: difference.kind,
    ...(difference.kind === "failure" && {
      failure: describeFailingSides(trial.old, trial.new, difference),
    }),
  };
}

function matchesTarget(trial: TrialResult, difference: Difference, target: ShrinkTarget): boolean {
  if (foldPath(difference.path) !== target.path || difference.kind !== target.kind) return false;
  return (
    target.failure === undefined || describeFailingSides(trial.old, trial.new, difference) === target.failure
  );
}
