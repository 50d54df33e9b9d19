// The terminal sections of a table comparison, in reading order: schema, rows, per-column
// statistics, distributions. The examples come after them, from the terminal reporter.

import type { TableReport } from "../table/types.ts";
import { cutMiddle, formatCount } from "./format.ts";
import type { Paint } from "./style.ts";
import { renderColumnsSection } from "./table-columns.ts";
import { renderDistributionSection } from "./table-distribution.ts";
import { describeTableEngine } from "./table-engine-text.ts";
import {
  describeDuplicates,
  describeMatch,
  describeOnlySide,
  describeRowCounts,
  describeSameSchema,
  listSchemaChanges,
} from "./table-text.ts";

/** Why: a table diff is read top-down, from "are these the same columns" to "how did values move". */
export function renderTableSections(table: TableReport, paint: Paint, width: number): string[] {
  const sections = [
    renderSchemaSection(table, paint),
    renderRowsSection(table, paint, width),
    renderColumnsSection(table, paint, width),
  ];
  const distribution = renderDistributionSection(table, paint, width);
  if (distribution !== undefined) sections.push(distribution);
  return sections;
}

/** Columns only on one side, type changes and order, or one line when nothing changed. */
export function renderSchemaSection(table: TableReport, paint: Paint): string {
  const changes = listSchemaChanges(table, (name) => paint("cyan", name));
  if (changes.length === 0) return `${paint("bold", "Schema")}: ${describeSameSchema(table)}`;
  const { old: oldColumns, new: newColumns } = table.schema.columns;
  const counts = paint(
    "dim",
    `(old ${formatCount(oldColumns.length)} columns, new ${formatCount(newColumns.length)})`,
  );
  return [`${paint("bold", "Schema")} ${counts}`, ...changes.map((line) => `  ${line}`)].join("\n");
}

/** Counts per side, how rows were matched, rows on one side only and duplicate keys. */
export function renderRowsSection(table: TableReport, paint: Paint, width: number): string {
  const quote = (text: string) => paint("cyan", text);
  const lines = [`${paint("bold", "Rows")} matched ${describeMatch(table.match, quote)}`];
  lines.push(`  ${describeRowCounts(table)}`);
  if (table.files !== undefined) {
    for (const side of ["old", "new"] as const) {
      const info = table.files[side];
      const facts = ` (${info.format}, sha256 ${info.sha256.slice(0, 12)})`;
      const lead = `  ${side} file `;
      // A long path keeps both ends, so the line fits; the JSON report holds it whole.
      const room = Math.max(20, width - lead.length - facts.length);
      lines.push(paint("dim", `${lead}${cutMiddle(info.reference ?? info.path, room)}${facts}`));
    }
  }
  const engine = describeTableEngine(table.engine);
  if (engine !== undefined) lines.push(paint("dim", `  ${engine}`));
  for (const side of ["old", "new"] as const) {
    const only = describeOnlySide(table, side, quote);
    if (only !== undefined) lines.push(`  ${only}`);
  }
  const duplicates = (["old", "new"] as const)
    .map((side) => describeDuplicates(table, side, quote))
    .filter((line): line is string => line !== undefined);
  for (const line of duplicates) lines.push(`  ${line}`);
  if (duplicates.length > 0)
    lines.push(
      paint("dim", "  rows sharing a key are paired in file order; the surplus counts as only-old/only-new"),
    );
  return lines.join("\n");
}
