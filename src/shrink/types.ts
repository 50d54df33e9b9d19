// Shrinking: a changed input reduced, step by step with the real components, as far as it goes
// while the same path still changes the same way (or the same side still fails the same way).
import type { DifferenceKind } from "../compare/types.ts";

/** What must keep happening while the input shrinks. */
export interface ShrinkTarget {
  /** The changed path, array indices folded to `[*]`. */
  path: string;
  kind: DifferenceKind;
  /** For failures: which side failed and how (`new crash`), kept too. */
  failure?: string;
}

/** The budgets of one shrink: steps (each runs both components once) and wall time. */
export interface ShrinkBudget {
  maxSteps: number;
  /** 0 means no time limit. */
  timeBudgetMs: number;
}

/** Why shrinking stopped: nothing smaller shows the change, a budget ran out, or the run was interrupted. */
export type ShrinkStop = "done" | "steps" | "time" | "interrupted";

/** The smallest input found, as the report keeps it (`examples[].minimalInput`). */
export interface MinimalInput {
  /** The input as JSON (parsed for display); inputText keeps the exact text the components got. */
  input: unknown;
  inputText: string;
  target: ShrinkTarget;
  /** Steps run (each ran both components once on a smaller candidate). */
  steps: number;
  durationMs: number;
  stopped: ShrinkStop;
  /** Where the CLI wrote it (a one-line JSONL file, also one JSON value). */
  file?: string;
  /** The command that runs exactly this input through both components. */
  repro?: string;
}
