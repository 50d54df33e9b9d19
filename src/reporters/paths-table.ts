// The changed-paths table: where outputs changed, how often and how much.
import Table from "cli-table3";
import type { PathStats } from "../report/types.ts";
import type { ChangedPath } from "./ci-text.ts";
import { formatCompactNumber, formatKinds, formatRatio } from "./format.ts";
import type { Paint } from "./style.ts";
import type { NoisyPathRow } from "./trust-text.ts";

/** Beyond this many rows the table says how many paths it left out. */
export const MAX_PATH_ROWS = 30;

/** The changed paths in their order (most changed first); capped at maxRows with a note. */
export function renderPathsTable(
  paths: readonly ChangedPath[],
  paint: Paint,
  maxRows = MAX_PATH_ROWS,
): string {
  const changed = paths.map((path) => path.stats);
  const head = ["path", "changed", "kinds", "max abs", "max rel", "inputs"].map((name) =>
    paint("bold", name),
  );
  const table = new Table({ head, style: { head: [], border: [] } });
  for (const stats of changed.slice(0, maxRows)) {
    table.push([
      paint("cyan", stats.path),
      formatRatio(stats.changed, stats.compared),
      formatKinds(stats.kinds),
      stats.maxAbs === undefined ? "" : formatCompactNumber(stats.maxAbs),
      stats.maxRel === undefined ? "" : formatCompactNumber(stats.maxRel),
      formatIndices(stats),
    ]);
  }
  const hidden = changed.length - Math.min(changed.length, maxRows);
  const note = hidden > 0 ? `\n… and ${hidden} more changed paths (all of them are in the JSON report)` : "";
  return table.toString() + note;
}

/** The noisy paths of a calibrated run: old-vs-old figures, what the run did there, the explicit rule. */
export function renderNoisyPathsTable(
  rows: readonly NoisyPathRow[],
  paint: Paint,
  maxRows = MAX_PATH_ROWS,
): string {
  const head = ["path", "old vs old", "kinds", "max abs", "max rel", "this run", "explicit rule"].map(
    (name) => paint("bold", name),
  );
  const table = new Table({ head, style: { head: [], border: [] } });
  for (const row of rows.slice(0, maxRows)) {
    table.push([paint("cyan", row.path), row.oldVsOld, row.kinds, row.maxAbs, row.maxRel, row.run, row.rule]);
  }
  const hidden = rows.length - Math.min(rows.length, maxRows);
  const note = hidden > 0 ? `\n… and ${hidden} more noisy paths (all of them are in the JSON report)` : "";
  return table.toString() + note;
}

function formatIndices(stats: PathStats): string {
  const shown = stats.exampleIndices.map((index) => `#${index}`).join(" ");
  return stats.changed > stats.exampleIndices.length ? `${shown} …` : shown;
}
