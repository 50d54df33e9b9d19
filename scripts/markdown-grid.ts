// The generated reference pages' tables: Markdown with columns padded, so a page reads as text too.

/** Why: the first row is the header; every cell is already valid Markdown for a table cell. */
export function renderPaddedGrid(cells: readonly (readonly string[])[]): string[] {
  const widths = cells[0]!.map((_, column) => Math.max(3, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: readonly string[]) =>
    `| ${cell.map((text, column) => text.padEnd(widths[column]!)).join(" | ")} |`;
  return [
    line(cells[0]!),
    `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`,
    ...cells.slice(1).map(line),
  ];
}
