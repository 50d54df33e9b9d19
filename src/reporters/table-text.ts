// Sentences about a table comparison (schema, rows, keys, PSI) that the terminal and Markdown
// reporters share, so both say the same thing; each passes its own way of quoting names.
import type { DistributionStats, DuplicateKeys, RowLocation, RowMatch, TableReport } from "../table/types.ts";
import { formatLosslessValue } from "./display-value.ts";
import { formatCompactNumber, formatCount } from "./format.ts";

/** How a renderer quotes a column name or a key (cyan in a terminal, a code span in Markdown). */
export type Quote = (text: string) => string;

/** Names listed per schema line before `… and N more`. */
const MAX_LISTED_COLUMNS = 20;
/** Below this PSI a column is stable, above the next a major shift (the conventional reading). */
export const PSI_STABLE = 0.1;
export const PSI_MAJOR = 0.25;

/** Why: keys read as people write them (`id=7 day=2024-01-01`); strings are quoted only when ambiguous. */
export function formatRowKey(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([column, value]) => `${column}=${formatKeyValue(value)}`)
    .join(" ");
}

/** Key strings print bare unless they hold spaces or punctuation, or read like a number or literal. */
const BARE_KEY = /^[\p{L}\p{N}_.:/@+-]+$/u;
const LITERAL_LOOKALIKE = /^(?:[-+]?[\d.]+(?:e[-+]?\d+)?|null|true|false|nan|[-+]?infinity)$/i;

function formatKeyValue(value: unknown): string {
  if (typeof value === "string" && BARE_KEY.test(value) && !LITERAL_LOOKALIKE.test(value)) return value;
  return formatLosslessValue(value, 40);
}

/** `id=12` when matched by key, `line 40` when matched by position. */
export function formatRowLocation(location: RowLocation): string {
  return location.key !== undefined ? formatRowKey(location.key) : `line ${location.line}`;
}

/** `by key id,day` or `by position`. */
export function describeMatch(match: RowMatch, quote: Quote): string {
  return match.by === "key" ? `by key ${quote(match.key.join(","))}` : "by position";
}

/** One line per schema change; empty when both sides have the same columns with the same types. */
export function listSchemaChanges(table: TableReport, quote: Quote): string[] {
  const { schema } = table;
  const lines: string[] = [];
  if (schema.onlyOld.length > 0) lines.push(`only in old: ${listNames(schema.onlyOld, quote)}`);
  if (schema.onlyNew.length > 0) lines.push(`only in new: ${listNames(schema.onlyNew, quote)}`);
  for (const change of schema.typeChanges.slice(0, MAX_LISTED_COLUMNS))
    lines.push(`${quote(change.column)}: ${change.old} → ${change.new}`);
  const hiddenTypes = schema.typeChanges.length - MAX_LISTED_COLUMNS;
  if (hiddenTypes > 0) lines.push(`… and ${hiddenTypes} more type changes`);
  const dtypeChanges = schema.dtypeChanges ?? [];
  for (const change of dtypeChanges.slice(0, MAX_LISTED_COLUMNS))
    lines.push(`${quote(change.column)}: dtype ${change.old} → ${change.new}`);
  const hiddenDtypes = dtypeChanges.length - MAX_LISTED_COLUMNS;
  if (hiddenDtypes > 0) lines.push(`… and ${hiddenDtypes} more dtype changes`);
  if (schema.orderChanged === true) lines.push("column order changed");
  const caseMatched = schema.caseMatched ?? [];
  if (caseMatched.length > 0)
    lines.push(
      `matched ignoring case: ${listNames(
        caseMatched.map((pair) => `${quote(pair.new)} as ${quote(pair.old)}`),
        (name) => name,
      )}`,
    );
  return lines;
}

/** `same 12 columns`, for a schema without changes. */
export function describeSameSchema(table: TableReport): string {
  const count = table.schema.columns.old.length;
  return `same ${formatCount(count)} column${count === 1 ? "" : "s"}`;
}

function listNames(names: string[], quote: Quote): string {
  const shown = names.slice(0, MAX_LISTED_COLUMNS).map(quote).join(", ");
  return names.length > MAX_LISTED_COLUMNS
    ? `${shown} … and ${names.length - MAX_LISTED_COLUMNS} more`
    : shown;
}

/** `old 1,000 · new 1,002 · matched 995`. */
export function describeRowCounts(table: TableReport): string {
  const { rows } = table;
  return `old ${formatCount(rows.old)} · new ${formatCount(rows.new)} · matched ${formatCount(rows.matched)}`;
}

/** `only in old: 5 rows: id=12, id=40, …`, or undefined when no row is on that side only. */
export function describeOnlySide(table: TableReport, side: "old" | "new", quote: Quote): string | undefined {
  const count = side === "old" ? table.rows.onlyOld : table.rows.onlyNew;
  if (count === 0) return undefined;
  const examples = side === "old" ? table.rows.onlyOldExamples : table.rows.onlyNewExamples;
  const shown = examples.map((location) => quote(formatRowLocation(location))).join(", ");
  const more = count > examples.length ? (shown === "" ? "…" : ", …") : "";
  const listed = shown === "" && more === "" ? "" : `: ${shown}${more}`;
  return `only in ${side}: ${formatCount(count)} row${count === 1 ? "" : "s"}${listed}`;
}

/** `duplicate keys in old: 1 key, 2 extra rows: id=7 ×3 (lines 4, 9, 12)`, or undefined without any. */
export function describeDuplicates(
  table: TableReport,
  side: "old" | "new",
  quote: Quote,
): string | undefined {
  const duplicates: DuplicateKeys | undefined = table.rows.duplicates?.[side];
  if (duplicates === undefined || duplicates.keys === 0) return undefined;
  const shown = duplicates.examples.map(
    (example) =>
      `${quote(formatRowKey(example.key))} ×${example.lines.length} (line${example.lines.length === 1 ? "" : "s"} ${example.lines.join(", ")})`,
  );
  const more = duplicates.keys > duplicates.examples.length ? ", …" : "";
  const counts =
    `${formatCount(duplicates.keys)} key${duplicates.keys === 1 ? "" : "s"}, ` +
    `${formatCount(duplicates.extraRows)} extra row${duplicates.extraRows === 1 ? "" : "s"}`;
  return `duplicate keys in ${side}: ${counts}${shown.length > 0 ? `: ${shown.join(", ")}${more}` : ""}`;
}

/** What a PSI value means here: over the gate's psiMax, or the conventional stable/moderate/major reading. */
export type PsiLevel = "none" | "stable" | "moderate" | "major" | "within" | "over";

/** Why: one reading of PSI for every renderer; with psiMax set the gate's limit is what matters. */
export function readPsi(psi: number | null, psiMax: number | undefined): PsiLevel {
  if (psi === null || Number.isNaN(psi)) return "none";
  if (psiMax !== undefined) return psi > psiMax ? "over" : "within";
  return psi < PSI_STABLE ? "stable" : psi <= PSI_MAJOR ? "moderate" : "major";
}

/** `0.31 major`, `0.31 over 0.25`, `0.02`, or `n/a` when the old side had no spread to bin. */
export function formatPsi(stats: DistributionStats, psiMax: number | undefined): string {
  const level = readPsi(stats.psi, psiMax);
  if (level === "none" || stats.psi === null) return "n/a";
  const value = formatCompactNumber(stats.psi);
  if (level === "over") return `${value} over ${formatCompactNumber(psiMax as number)}`;
  return level === "within" ? value : `${value} ${level}`;
}

/** The legend under a distribution table. */
export function describePsiLegend(psiMax: number | undefined): string {
  return psiMax !== undefined
    ? `PSI over ${formatCompactNumber(psiMax)} (psiMax) fails the gate`
    : `PSI: < ${PSI_STABLE} stable · ${PSI_STABLE}–${PSI_MAJOR} moderate shift · > ${PSI_MAJOR} major shift`;
}
