// The shrinking loop: try the reductions of the current input in order; the first that still
// shows the target becomes the current input, and the search restarts from it. Stops when no
// reduction shows it any more, or when the step or time budget runs out.
import { parseLossless } from "../json/parse.ts";
import { stringifyLossless } from "../json/stringify.ts";
import { reductionsOf } from "./reductions.ts";
import type { MinimalInput, ShrinkBudget, ShrinkStop, ShrinkTarget } from "./types.ts";

/** Runs both components on one input text and says whether the target still shows. */
export type ShowsTarget = (inputText: string) => Promise<boolean>;

/** Why: delta debugging over a real input, every step a real run of both components. */
export async function shrinkInput(
  inputText: string,
  target: ShrinkTarget,
  showsTarget: ShowsTarget,
  budget: ShrinkBudget,
  signal?: AbortSignal,
): Promise<MinimalInput> {
  const startedAt = Date.now();
  let current: unknown = parseLossless(inputText);
  let currentText = inputText;
  // A candidate already tried (it may come back after another reduction) is never run twice.
  const tried = new Set<string>([stringifyLossless(current)]);
  let steps = 0;
  let stopped: ShrinkStop = "done";
  search: for (;;) {
    for (const candidate of reductionsOf(current)) {
      const text = stringifyLossless(candidate);
      if (tried.has(text)) continue;
      if (signal?.aborted === true) {
        stopped = "interrupted";
        break search;
      }
      if (steps >= budget.maxSteps) {
        stopped = "steps";
        break search;
      }
      if (budget.timeBudgetMs > 0 && Date.now() - startedAt >= budget.timeBudgetMs) {
        stopped = "time";
        break search;
      }
      tried.add(text);
      steps++;
      if (await showsTarget(text)) {
        current = candidate;
        currentText = text;
        continue search;
      }
    }
    break;
  }
  return {
    input: current,
    inputText: currentText,
    target,
    steps,
    durationMs: Date.now() - startedAt,
    stopped,
  };
}
