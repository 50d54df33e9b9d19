// The Markdown sections of a table comparison, compact enough for a PR comment: schema changes,
// a rows line, the most changed columns, distributions over psiMax, and row examples as tables.
import type { DistributionStats, TableReport } from "../table/types.ts";
import { formatCompactNumber, formatCount } from "./format.ts";
import { code, escapeCell, escapeHtml, escapeText } from "./markdown-text.ts";
import { COLUMN_HEAD, formatColumnCells, orderColumns } from "./table-columns.ts";
import { formatDistinct } from "./table-distribution.ts";
import { describeHead, type RowExampleView } from "./table-examples.ts";
import {
  describeDuplicates,
  describeMatch,
  describeOnlySide,
  describeRowCounts,
  describeSameSchema,
  listSchemaChanges,
  PSI_MAJOR,
  readPsi,
} from "./table-text.ts";

/** Changed columns listed in the comment; the JSON report holds the rest. */
export const MAX_MARKDOWN_COLUMNS = 10;

/** Why: a reviewer reads a table diff as schema, then rows, then columns, then drift. */
export function renderTableMarkdown(table: TableReport): string[] {
  const sections = [renderSchemaAndRows(table)];
  const columns = renderChangedColumns(table);
  if (columns !== undefined) sections.push(columns);
  const distribution = renderDistribution(table);
  if (distribution !== undefined) sections.push(distribution);
  return sections;
}

function renderSchemaAndRows(table: TableReport): string {
  const changes = listSchemaChanges(table, code);
  const lines = ["### Schema and rows", ""];
  if (changes.length === 0) lines.push(`**Schema:** ${describeSameSchema(table)}`);
  else lines.push("**Schema changes:**", "", ...changes.map((line) => `- ${line}`));
  lines.push("", `**Rows** (matched ${describeMatch(table.match, code)}): ${describeRowCounts(table)}`);
  const details = [
    describeOnlySide(table, "old", code),
    describeOnlySide(table, "new", code),
    describeDuplicates(table, "old", code),
    describeDuplicates(table, "new", code),
  ].filter((line): line is string => line !== undefined);
  if (details.length > 0) lines.push("", ...details.map((line) => `- ${line}`));
  return lines.join("\n");
}

function renderChangedColumns(table: TableReport): string | undefined {
  const { changed, unchanged } = orderColumns(table.columns);
  const ignored = unchanged.filter((stats) => stats.ignored === true).map((stats) => code(stats.column));
  const ignoredLine = ignored.length > 0 ? `Ignored columns: ${ignored.join(", ")}` : undefined;
  if (changed.length === 0) return ignoredLine;
  const lines = [
    "### Changed columns",
    "",
    `| ${COLUMN_HEAD.join(" | ")} |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const stats of changed.slice(0, MAX_MARKDOWN_COLUMNS))
    lines.push(row([code(stats.column), ...formatColumnCells(stats)]));
  const hidden = changed.length - MAX_MARKDOWN_COLUMNS;
  const notes: string[] = [];
  if (hidden > 0)
    notes.push(`… and ${formatCount(hidden)} more changed columns (all of them are in the JSON report)`);
  if (unchanged.length > 0) notes.push(`${formatCount(unchanged.length)} columns unchanged.`);
  if (ignoredLine !== undefined) notes.push(ignoredLine);
  if (notes.length > 0) lines.push("", notes.join(" "));
  return lines.join("\n");
}

/** With psiMax: the columns over it as a table. Without: one line naming major shifts, if any. */
function renderDistribution(table: TableReport): string | undefined {
  const { psiMax } = table;
  if (psiMax === undefined) {
    const major = table.distribution.filter((stats) => readPsi(stats.psi, undefined) === "major");
    if (major.length === 0) return undefined;
    const named = major.map((stats) => `${code(stats.column)} ${formatPsiValue(stats)}`);
    return `**Distribution:** major shift (PSI > ${PSI_MAJOR}) in ${named.join(", ")}`;
  }
  const over = table.distribution.filter((stats) => readPsi(stats.psi, psiMax) === "over");
  if (over.length === 0) return undefined;
  const lines = [
    `### Distribution shift (PSI over psiMax ${formatCompactNumber(psiMax)})`,
    "",
    "| column | PSI | mean | std | p1 | p50 | p99 |",
    "| --- | ---: | --- | --- | --- | --- | --- |",
  ];
  for (const stats of over)
    lines.push(row([code(stats.column), formatPsiValue(stats), ...formatMoves(stats)]));
  return lines.join("\n");
}

function formatPsiValue(stats: DistributionStats): string {
  return stats.psi === null ? "n/a" : formatCompactNumber(stats.psi);
}

/** `120.5 → 131.3` for mean, std and three quantiles. */
function formatMoves(stats: DistributionStats): string[] {
  return (["mean", "std", "p1", "p50", "p99"] as const).map((name) => {
    const [oldText, newText] = formatDistinct(stats.old[name], stats.new[name]);
    return oldText === newText ? oldText : `${oldText} → ${newText}`;
  });
}

/** One row example as a `<details>` block holding a small table. */
export function renderRowExampleMarkdown(view: RowExampleView, open: boolean): string {
  const head = describeHead(view);
  const what =
    view.absent === undefined
      ? `${view.cells.filter((cell) => !cell.key).length + view.hidden} changed column(s)`
      : `only in ${view.absent === "old" ? "new" : "old"}`;
  const lines = [
    `<details${open ? " open" : ""}><summary>${escapeHtml(`${view.title}: ${what}`)}</summary>`,
    "",
    `| ${head.join(" | ")} |`,
    `| ${head.map((name) => (name === "abs" || name === "rel" ? "---:" : "---")).join(" | ")} |`,
  ];
  for (const cell of view.cells) {
    const cells = [cell.key ? `${code(cell.column)} (key)` : code(cell.column)];
    if (head.includes("kind")) cells.push(cell.kind ?? "");
    cells.push(cell.old === "" ? "" : code(cell.old), cell.new === "" ? "" : code(cell.new));
    if (head.includes("abs"))
      cells.push(
        cell.abs === undefined ? "" : formatCompactNumber(cell.abs),
        cell.rel === undefined ? "" : formatCompactNumber(cell.rel),
      );
    lines.push(row(cells));
  }
  if (view.hidden > 0) lines.push("", escapeText(`… and ${view.hidden} more in the JSON report`));
  if (view.truncated) lines.push("", "(the comparator stopped at its per-trial cap)");
  lines.push("", "</details>");
  return lines.join("\n");
}

function row(cells: string[]): string {
  return `| ${cells.map(escapeCell).join(" | ")} |`;
}
