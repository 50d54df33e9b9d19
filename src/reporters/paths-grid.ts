// The changed-paths grid (terminal): where outputs changed, how often and how much.
import type { PathStats } from "../report/types.ts";
import type { ChangedPath } from "./ci-text.ts";
import { DEFAULT_WIDTH } from "./fit.ts";
import { cutMiddle, formatCompactNumber, formatKinds, formatRatio } from "./format.ts";
import { renderGrid } from "./grid.ts";
import type { Paint } from "./style.ts";
import type { NoisyPathRow } from "./trust-text.ts";

/** Beyond this many rows the table says how many paths it left out. */
export const MAX_PATH_ROWS = 30;
/** A longer path keeps its two ends; the JSON report holds it whole. */
const MAX_PATH_CHARS = 120;

/** The changed paths in their order (most changed first), fitted to width; capped at maxRows with a note. */
export function renderPathsGrid(
  paths: readonly ChangedPath[],
  paint: Paint,
  width = DEFAULT_WIDTH,
  maxRows = MAX_PATH_ROWS,
): string {
  const changed = paths.map((path) => path.stats);
  const shown = changed.slice(0, maxRows);
  // Errors are measured for numbers only: a table of string or type changes has no room to waste on them.
  const measured = shown.some((stats) => stats.maxAbs !== undefined || stats.maxRel !== undefined);
  const head = ["path", "changed", "kinds", ...(measured ? ["max abs", "max rel"] : []), "inputs"];
  const optional = (value: number | undefined) => (value === undefined ? "" : formatCompactNumber(value));
  const rows = shown.map((stats) => [
    paint("cyan", cutMiddle(stats.path, MAX_PATH_CHARS)),
    formatRatio(stats.changed, stats.compared),
    formatKinds(stats.kinds),
    ...(measured ? [optional(stats.maxAbs), optional(stats.maxRel)] : []),
    formatIndices(stats),
  ]);
  const hidden = changed.length - rows.length;
  const note = hidden > 0 ? `\n… and ${hidden} more changed paths (all of them are in the JSON report)` : "";
  return renderGrid(head, rows, { paint, width }) + note;
}

/** The noisy paths of a calibrated run: old-vs-old figures, what the run did there, the explicit rule. */
export function renderNoisyPathsGrid(
  rows: readonly NoisyPathRow[],
  paint: Paint,
  width = DEFAULT_WIDTH,
  maxRows = MAX_PATH_ROWS,
): string {
  const head = ["path", "old vs old", "kinds", "max abs", "max rel", "this run", "explicit rule"];
  const cells = rows
    .slice(0, maxRows)
    .map((row) => [
      paint("cyan", cutMiddle(row.path, MAX_PATH_CHARS)),
      row.oldVsOld,
      row.kinds,
      row.maxAbs,
      row.maxRel,
      row.run,
      row.rule,
    ]);
  const hidden = rows.length - cells.length;
  const note = hidden > 0 ? `\n… and ${hidden} more noisy paths (all of them are in the JSON report)` : "";
  return renderGrid(head, cells, { paint, width }) + note;
}

function formatIndices(stats: PathStats): string {
  const shown = stats.exampleIndices.map((index) => `#${index}`).join(" ");
  return stats.changed > stats.exampleIndices.length ? `${shown} …` : shown;
}
