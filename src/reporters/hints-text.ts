// The hints section: for each changed path, the conditions on the inputs that separate its
// changed trials, with their counts. Terminal and Markdown show the same lines.
import type { Hint } from "../hints/types.ts";
import type { Report } from "../report/types.ts";

/** One line of the hints section. */
export interface HintLine {
  /** The changed path, with the failure kind for `$` failures: `$ (new crash)`. */
  target: string;
  text: string;
  /** `20/20 changed, 0/480 unchanged`. */
  counts: string;
}

/** Paths shown with hints; every path's hints are in the JSON report. */
export const MAX_HINTED_PATHS = 10;

/** Why: reporters list hints the same way: most changed path first, at most three per path. */
export function listHintLines(report: Report, maxPaths = MAX_HINTED_PATHS): HintLine[] {
  const lines: HintLine[] = [];
  const hinted = report.paths.filter((stats) => (stats.hints?.length ?? 0) > 0).slice(0, maxPaths);
  for (const stats of hinted) {
    for (const hint of stats.hints ?? []) {
      lines.push({
        target: hint.failure === undefined ? stats.path : `${stats.path} (${hint.failure})`,
        text: hint.text,
        counts: describeHintCounts(hint),
      });
    }
  }
  return lines;
}

/** `20/20 changed, 0/480 unchanged`: how many changed and unchanged trials the condition holds for. */
export function describeHintCounts(hint: Hint): string {
  return `${hint.covered}/${hint.total} changed, ${hint.unchangedCovered}/${hint.unchangedTotal} unchanged`;
}
