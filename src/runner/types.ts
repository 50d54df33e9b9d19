// What one trial produced: both outcomes and their comparison.
import type { Outcome } from "../../adapters/types.ts";
import type { CompareResult, Difference } from "../compare/types.ts";

export interface TrialResult {
  index: number;
  inputText: string;
  old: Outcome;
  new: Outcome;
  /** With calibration, `noise` holds the differences within old's own noise (not counted). */
  comparison: CompareResult & { noise?: Difference[] };
  /** `twinrun diff`: the record exists on one side only; the other side's outcome is a placeholder. */
  absent?: "old" | "new";
}
