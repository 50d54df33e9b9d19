// The terminal's grids (changed paths, columns, distributions, rows): no boxes, a head and
// aligned columns, fitted to the terminal's width by wrapping the widest cells first.
import Table, { type Cell, type CellOptions } from "cli-table3";
import wrapAnsi from "wrap-ansi";
import { displayWidth } from "./fit.ts";
import type { Paint } from "./style.ts";

/** Columns are this far apart. */
const GAP = "  ";
/** A column is not squeezed narrower than this unless even that does not fit. */
const MIN_COLUMN = 8;
const TIGHT_COLUMN = 3;

const BORDERLESS = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "",
  "mid-mid": "",
  right: "",
  "right-mid": "",
  middle: GAP,
};

/** A cell: text, or text spanning rows (a distribution's column name beside its old and new lines). */
export type GridCell = string | { content: string; rowSpan: number };

export interface GridOptions {
  paint: Paint;
  /** The terminal width the grid must fit, indent included. */
  width: number;
  /** Put before every line (examples are indented under their title). */
  indent?: string;
}

/** Why: one layout for every terminal table, so none is ever wider than the terminal. */
export function renderGrid(
  head: readonly string[],
  rows: readonly GridCell[][],
  options: GridOptions,
): string {
  const indent = options.indent ?? "";
  const content = head.map(() => 0);
  const placed = placeCells(rows, head.length);
  for (const row of placed)
    for (const { column, text } of row) content[column] = Math.max(content[column], widestLine(text));
  const room = options.width - displayWidth(indent) - GAP.length * (head.length - 1);
  const widths = fitColumns(
    head.map((name, column) => ({
      content: content[column],
      head: widestLine(name),
      headWord: longestWord(name),
    })),
    room,
  );
  // Cells are wrapped here, long words broken, so cli-table3 never cuts one short with "…".
  const wrap = (text: string, column: number) => wrapAnsi(text, widths[column], { hard: true });
  const table = new Table({
    head: head.map((name, column) => options.paint("bold", wrap(name, column))),
    chars: BORDERLESS,
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
    colWidths: widths,
  });
  for (const [index, row] of rows.entries()) {
    const columns = placed[index];
    table.push(
      row.map((cell, position): Cell => {
        const column = columns[position]?.column ?? position;
        return typeof cell === "string"
          ? wrap(cell, column)
          : ({ content: wrap(cell.content, column), rowSpan: cell.rowSpan } satisfies CellOptions);
      }),
    );
  }
  // Spanning cells leave blank separator lines behind; padding leaves trailing spaces.
  return table
    .toString()
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => indent + line.trimEnd())
    .join("\n");
}

/** What a column needs: its widest cell, its head, and the head's longest word (heads may wrap). */
export interface ColumnNeed {
  content: number;
  head: number;
  headWord: number;
}

/**
 * Widths that fit the room: first heads wrap where they are wider than their cells, then the
 * widest column narrows first, down to MIN_COLUMN, and only then to TIGHT_COLUMN.
 */
export function fitColumns(needs: readonly ColumnNeed[], room: number): number[] {
  const widths = needs.map((need) => Math.max(1, need.content, need.head));
  let total = widths.reduce((sum, width) => sum + width, 0);
  const floors = [
    needs.map((need) => Math.max(1, need.content, need.headWord)),
    needs.map((need) => Math.min(Math.max(1, need.content, need.head), MIN_COLUMN)),
    needs.map(() => TIGHT_COLUMN),
  ];
  for (const floor of floors) {
    while (total > room) {
      let widest = -1;
      for (let column = 0; column < widths.length; column++)
        if (widths[column] > floor[column] && (widest < 0 || widths[column] > widths[widest]))
          widest = column;
      if (widest < 0) break;
      widths[widest]--;
      total--;
    }
  }
  return widths;
}

function longestWord(text: string): number {
  return Math.max(1, ...text.split(/\s+/).map(displayWidth));
}

/** Which column each cell lands in, as cli-table3 places them: cells spanning rows from above are skipped. */
function placeCells(rows: readonly GridCell[][], columns: number): { column: number; text: string }[][] {
  const covered = new Array<number>(columns).fill(0);
  return rows.map((row) => {
    const placed: { column: number; text: string }[] = [];
    let column = 0;
    for (const cell of row) {
      while (column < columns && covered[column] > 0) {
        covered[column]--;
        column++;
      }
      if (column >= columns) break;
      const text = typeof cell === "string" ? cell : cell.content;
      if (typeof cell !== "string" && cell.rowSpan > 1) covered[column] = cell.rowSpan - 1;
      placed.push({ column, text });
      column++;
    }
    for (; column < columns; column++) if (covered[column] > 0) covered[column]--;
    return placed;
  });
}

function widestLine(text: string): number {
  return Math.max(0, ...text.split("\n").map(displayWidth));
}
