// The changed-paths table: where outputs changed, how often and how much.
import Table from "cli-table3";
import type { PathStats } from "../report/types.ts";
import { formatCompactNumber, formatKinds, formatRatio } from "./format.ts";
import type { Paint } from "./style.ts";

/** Beyond this many rows the table says how many paths it left out. */
export const MAX_PATH_ROWS = 30;

/** Changed paths sorted by changed count (desc), then path; capped at maxRows with a note. */
export function renderPathsTable(paths: PathStats[], paint: Paint, maxRows = MAX_PATH_ROWS): string {
  const changed = paths
    .filter((stats) => stats.changed > 0)
    .sort((a, b) => b.changed - a.changed || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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

function formatIndices(stats: PathStats): string {
  const shown = stats.exampleIndices.map((index) => `#${index}`).join(" ");
  return stats.changed > stats.exampleIndices.length ? `${shown} …` : shown;
}
