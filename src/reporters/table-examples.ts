// One changed row pair as a small grid: the key columns for context, then each changed column
// with its old and new value. A row on one side only lists its values under that side.
import type { DifferenceKind } from "../compare/types.ts";
import type { Example } from "../report/types.ts";
import type { TableReport } from "../table/types.ts";
import { formatLosslessValue } from "./display-value.ts";
import { MAX_DIFFERENCE_LINES } from "./examples.ts";
import { formatCompactNumber, toOneLine, truncateText } from "./format.ts";
import { renderGrid } from "./grid.ts";
import type { Paint } from "./style.ts";

const MAX_VALUE_CHARS = 60;
const MAX_TITLE_CHARS = 200;

/** One line of a row example's table; values are already formatted (`1.0`, `"a"`, `(missing)`). */
export interface RowCell {
  column: string;
  /** A key column shown for context, not a change. */
  key: boolean;
  kind?: DifferenceKind;
  old: string;
  new: string;
  abs?: number;
  rel?: number;
}

/** A changed row pair ready to render as a table. */
export interface RowExampleView {
  title: string;
  /** The side that has no such row, for a row on one side only. */
  absent?: "old" | "new";
  cells: RowCell[];
  /** Changed (or, for a one-sided row, listed) columns left out of `cells`. */
  hidden: number;
  truncated: boolean;
}

/** Why: both renderers show a row the same way; undefined when the example is not a row pair (a failure). */
export function viewRowExample(example: Example, table: TableReport): RowExampleView | undefined {
  const title = truncateText(toOneLine(example.inputText || `row #${example.index}`), MAX_TITLE_CHARS);
  const keys = table.match.by === "key" ? table.match.key : [];
  const { old: oldSide, new: newSide } = example;
  if (oldSide.status === "ok" && newSide.status === "ok") {
    if (!isRow(oldSide.output) || !isRow(newSide.output)) return undefined;
    return { title, ...viewChangedPair(example, oldSide.output, newSide.output, keys) };
  }
  for (const [present, absent] of [
    ["old", "new"],
    ["new", "old"],
  ] as const) {
    const side = example[present];
    if (side.status === "ok" && example[absent].status === "absent" && isRow(side.output))
      return { title, absent, ...viewOneSidedRow(side.output, present, keys) };
  }
  return undefined;
}

/** Key columns for context, then one cell per difference (a column or `column.nested.path`). */
function viewChangedPair(
  example: Example,
  oldRow: Record<string, unknown>,
  newRow: Record<string, unknown>,
  keys: string[],
): Omit<RowExampleView, "title"> {
  const changedPaths = new Set(example.differences.map((difference) => difference.path));
  const keyCells = keys
    .filter((key) => !changedPaths.has(key) && (Object.hasOwn(oldRow, key) || Object.hasOwn(newRow, key)))
    .map((key) => ({ column: key, key: true, old: formatValue(oldRow[key]), new: formatValue(newRow[key]) }));
  const shown = example.differences.slice(0, MAX_DIFFERENCE_LINES);
  const changedCells = shown.map((difference) => ({
    column: difference.path,
    key: false,
    kind: difference.kind,
    old: formatValue(difference.old),
    new: formatValue(difference.new),
    abs: difference.abs,
    rel: difference.rel,
  }));
  return {
    cells: [...keyCells, ...changedCells],
    hidden: example.differences.length - shown.length,
    truncated: example.truncated === true,
  };
}

/** Every column of a row that only one side has, key columns first, under that side. */
function viewOneSidedRow(
  row: Record<string, unknown>,
  present: "old" | "new",
  keys: string[],
): Omit<RowExampleView, "title" | "absent"> {
  const columns = [
    ...keys.filter((key) => Object.hasOwn(row, key)),
    ...Object.keys(row).filter((key) => !keys.includes(key)),
  ];
  const shown = columns.slice(0, MAX_DIFFERENCE_LINES);
  const cells = shown.map((column) => {
    const value = formatValue(row[column]);
    const key = keys.includes(column);
    return present === "old" ? { column, key, old: value, new: "" } : { column, key, old: "", new: value };
  });
  return { cells, hidden: columns.length - shown.length, truncated: false };
}

function formatValue(value: unknown): string {
  return formatLosslessValue(value, MAX_VALUE_CHARS);
}

function isRow(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The terminal lines for one row pair of a table report. */
export function renderRowExample(view: RowExampleView, paint: Paint, width: number): string[] {
  // Positional titles already start with "row 12"; keyed ones ("id=5 · …") get the word.
  const lines = [
    view.title.startsWith("row ") ? paint("bold", view.title) : `${paint("bold", "row")} ${view.title}`,
  ];
  const rows = view.cells.map((cell) => formatCells(view, cell, paint));
  lines.push(...renderGrid(describeHead(view), rows, { paint, width, indent: "  " }).split("\n"));
  if (view.hidden > 0) {
    const what = view.absent === undefined ? "changed columns" : "columns";
    lines.push(`  … and ${view.hidden} more ${what} (all of them are in the JSON report)`);
  }
  if (view.truncated)
    lines.push(
      paint("yellow", "  (the comparator stopped at its per-trial cap; later differences were not recorded)"),
    );
  return lines;
}

/** The column heads for a view: kind only when some change is not a plain value change, errors only when measured. */
export function describeHead(view: RowExampleView): string[] {
  const head = ["column"];
  if (view.cells.some((cell) => cell.kind !== undefined && cell.kind !== "value")) head.push("kind");
  head.push(
    view.absent === "old" ? "old (no such row)" : "old",
    view.absent === "new" ? "new (no such row)" : "new",
  );
  if (view.cells.some((cell) => cell.abs !== undefined || cell.rel !== undefined)) head.push("abs", "rel");
  return head;
}

/** The cells of one line, in the order of describeHead. */
export function formatCells(view: RowExampleView, cell: RowCell, paint: Paint): string[] {
  const head = describeHead(view);
  const changed = !cell.key && view.absent === undefined;
  const cells = [cell.key ? paint("dim", `${cell.column} (key)`) : paint("cyan", cell.column)];
  if (head.includes("kind")) cells.push(cell.kind ?? "");
  cells.push(changed ? paint("red", cell.old) : cell.old, changed ? paint("green", cell.new) : cell.new);
  if (head.includes("abs")) {
    cells.push(cell.abs === undefined ? "" : formatCompactNumber(cell.abs));
    cells.push(cell.rel === undefined ? "" : formatCompactNumber(cell.rel));
  }
  return cells;
}
