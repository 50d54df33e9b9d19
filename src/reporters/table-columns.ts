// The per-column grid of a table comparison: how often and how much each column changed,
// and how its nulls moved. Changed columns first; unchanged ones fold into one line.
import type { ColumnStats, TableReport } from "../table/types.ts";
import { formatCompactNumber, formatCount, formatRatio } from "./format.ts";
import { renderGrid } from "./grid.ts";
import type { Paint } from "./style.ts";

/** With at most this many columns every one is a row; beyond, unchanged columns fold into a line. */
export const MAX_ALL_COLUMNS = 10;
/** Changed columns shown as rows before `… and N more changed columns`. */
export const MAX_CHANGED_COLUMN_ROWS = 30;
/** Ignored columns named in the fold line. */
const MAX_NAMED_IGNORED = 5;

/** The head of the per-column table, shared with the Markdown reporter. */
export const COLUMN_HEAD = [
  "column",
  "changed",
  "max abs",
  "max rel",
  "mean abs",
  "nulls old/new",
  "null changes",
];

/** Why: one set of cells per column for both renderers; the name cell is left to the caller. */
export function formatColumnCells(stats: ColumnStats): string[] {
  const optional = (value: number | undefined) => (value === undefined ? "" : formatCompactNumber(value));
  return [
    stats.ignored === true ? "ignored" : formatRatio(stats.changed, stats.compared),
    optional(stats.maxAbs),
    optional(stats.maxRel),
    optional(stats.meanAbs),
    `${formatCount(stats.nulls.old)} / ${formatCount(stats.nulls.new)}`,
    formatNullChanges(stats),
  ];
}

/** `2 to null · 1 from null`, empty when no value became null or left it. */
export function formatNullChanges(stats: ColumnStats): string {
  const parts: string[] = [];
  if (stats.nullChanges.toNull > 0) parts.push(`${formatCount(stats.nullChanges.toNull)} to null`);
  if (stats.nullChanges.fromNull > 0) parts.push(`${formatCount(stats.nullChanges.fromNull)} from null`);
  return parts.join(" · ");
}

/** Changed columns first (in the report's order), then the rest; stable within each group. */
export function orderColumns(columns: ColumnStats[]): { changed: ColumnStats[]; unchanged: ColumnStats[] } {
  return {
    changed: columns.filter((stats) => stats.changed > 0),
    unchanged: columns.filter((stats) => stats.changed === 0),
  };
}

/** The terminal's per-column section: a heading, the table, and lines for what it folded away. */
export function renderColumnsSection(table: TableReport, paint: Paint, width: number): string {
  const { changed, unchanged } = orderColumns(table.columns);
  const heading = paint("bold", "Columns");
  if (table.columns.length === 0) return `${heading}: none compared`;
  const showAll = table.columns.length <= MAX_ALL_COLUMNS;
  if (changed.length === 0 && !showAll)
    return `${heading}: all ${formatCount(unchanged.length)} unchanged${describeIgnored(unchanged)}`;
  const rows = showAll ? [...changed, ...unchanged] : changed.slice(0, MAX_CHANGED_COLUMN_ROWS);
  const cells = rows.map((stats) => {
    const name = stats.ignored === true ? paint("dim", stats.column) : paint("cyan", stats.column);
    const values = formatColumnCells(stats);
    if (stats.changed > 0) values[0] = paint("red", values[0]);
    if (stats.ignored === true) values[0] = paint("dim", values[0]);
    return [name, ...values];
  });
  const lines = [heading, renderGrid(COLUMN_HEAD, cells, { paint, width })];
  if (!showAll) {
    const hiddenChanged = changed.length - rows.length;
    if (hiddenChanged > 0)
      lines.push(
        `… and ${formatCount(hiddenChanged)} more changed columns (all of them are in the JSON report)`,
      );
    if (unchanged.length > 0)
      lines.push(
        `${formatCount(unchanged.length)} more column${unchanged.length === 1 ? "" : "s"} unchanged${describeIgnored(unchanged)}`,
      );
  }
  return lines.join("\n");
}

/** ` (2 ignored: a, b)` for the ignored columns among folded ones. */
function describeIgnored(columns: ColumnStats[]): string {
  const ignored = columns.filter((stats) => stats.ignored === true).map((stats) => stats.column);
  if (ignored.length === 0) return "";
  const named = ignored.slice(0, MAX_NAMED_IGNORED).join(", ");
  const more = ignored.length > MAX_NAMED_IGNORED ? ", …" : "";
  return ` (${formatCount(ignored.length)} ignored: ${named}${more})`;
}
