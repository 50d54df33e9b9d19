// What one trial produced: both outcomes and their comparison.
import type { Outcome } from "../../adapters/types.ts";
import type { CompareResult } from "../compare/types.ts";

export interface TrialResult {
  index: number;
  inputText: string;
  old: Outcome;
  new: Outcome;
  comparison: CompareResult;
  /** `twinrun diff`: the record exists on one side only; the other side's outcome is a placeholder. */
  absent?: "old" | "new";
}
