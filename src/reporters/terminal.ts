// The terminal reporter: summary table, changed paths, the first differing inputs with repro commands.
// A table comparison shows its schema, rows, columns and distributions instead of changed paths.
import type { Report } from "../report/types.ts";
import { renderDatasetSection } from "./dataset-text.ts";
import { renderExample } from "./examples.ts";
import { formatCompactNumber, formatCount } from "./format.ts";
import { listHintLines } from "./hints-text.ts";
import { renderNotebookSections } from "./notebook-text.ts";
import { renderPathsTable } from "./paths-table.ts";
import { createPaint, type Paint, stripAnsi } from "./style.ts";
import { plannedTrials, renderSummaryTable } from "./summary-table.ts";
import { renderTableExample } from "./table-examples.ts";
import { renderTableSections } from "./table-sections.ts";
import type { RenderOptions, TextSink } from "./types.ts";

/** Renders a finished report for a person at a terminal; writes once, no ANSI codes unless options.color. */
export function renderTerminalReport(report: Report, out: TextSink, options: RenderOptions): void {
  const paint = createPaint(options.color);
  const sections = [renderSummaryTable(report, paint)];
  const notes = renderNotes(report, paint);
  if (notes.length > 0) sections.push(notes.join("\n"));
  sections.push(...renderNotebookSections(report, paint));
  if (report.dataset !== undefined) sections.push(renderDatasetSection(report, report.dataset, paint));
  if (report.table !== undefined) sections.push(...renderTableSections(report.table, paint));
  if (report.summary.changed > 0) {
    // For tables the per-column section already says what the changed-paths table would.
    if (report.paths.length > 0 && report.table === undefined)
      sections.push(`${paint("bold", "Changed paths")}\n${renderPathsTable(report.paths, paint)}`);
    const hints = renderHints(report, paint);
    if (hints !== undefined) sections.push(hints);
    sections.push(...renderExamples(report, options, paint));
  } else if (report.verdict === "equivalent") {
    sections.push(renderEquivalentLine(report, paint));
  }
  const text = `${sections.join("\n\n")}\n`;
  // Library output (jsondiffpatch, cli-table3) is stripped too, so colour off really means none.
  out.write(options.color ? text : stripAnsi(text));
}

/** `Hints` then one line per condition: path, condition, how many changed and unchanged trials it holds for. */
function renderHints(report: Report, paint: Paint): string | undefined {
  const lines = listHintLines(report);
  if (lines.length === 0) return undefined;
  const width = Math.min(40, Math.max(...lines.map((line) => line.target.length)));
  const textWidth = Math.min(60, Math.max(...lines.map((line) => line.text.length)));
  const rows = lines.map(
    (line) =>
      `  ${paint("cyan", line.target.padEnd(width))}  ${line.text.padEnd(textWidth)}  ${paint("dim", line.counts)}`,
  );
  return [`${paint("bold", "Hints")} (input conditions under which a path changed)`, ...rows].join("\n");
}

function renderNotes(report: Report, paint: Paint): string[] {
  const notes: string[] = [];
  if (!report.complete) {
    notes.push(
      paint(
        ["yellow", "bold"],
        `INCOMPLETE: the run stopped after ${report.summary.trials} of ${plannedTrials(report)} trials; ` +
          "every count covers completed trials only.",
      ),
    );
  }
  if (report.verdict === "error" && report.error !== undefined) {
    notes.push(paint("yellow", `The run could not reach a verdict: ${report.error}`));
  }
  for (const stats of report.inconclusive ?? []) {
    const sides = (["old", "new", "both"] as const)
      .filter((side) => stats.sides[side] > 0)
      .map((side) => `${side} ${stats.sides[side]}`)
      .join(", ");
    notes.push(
      paint(
        ["yellow", "bold"],
        `INCONCLUSIVE: ${stats.trials} trial(s) (${sides}; inputs ${stats.exampleIndices.join(", ")}` +
          `${stats.trials > stats.exampleIndices.length ? ", …" : ""}): ${stats.message}`,
      ),
    );
  }
  const { truncatedTrials } = report.summary;
  if (truncatedTrials > 0) {
    notes.push(
      paint(
        "yellow",
        `${truncatedTrials} trial(s) hit the per-trial difference cap (compare.maxDifferencesPerTrial); ` +
          "their later differences are not counted.",
      ),
    );
  }
  return notes;
}

function renderExamples(report: Report, options: RenderOptions, paint: Paint): string[] {
  const shown = report.examples.slice(0, Math.max(0, options.examples));
  const differing = report.summary.changed;
  const { table } = report;
  const title = paint("bold", table === undefined ? "Differing inputs" : "Differing rows");
  const header =
    shown.length < differing
      ? `${title} (showing ${shown.length} of ${differing}; ` +
        "raise --examples or read the JSON report for more)"
      : `${title} (${differing})`;
  const render = (example: Report["examples"][number]) =>
    table === undefined
      ? renderExample(example, {
          ...options,
          paint,
          // A dataset run's single trial is the whole sample: nothing narrower to replay.
          ...(report.dataset !== undefined && { reproCommand: undefined }),
        })
      : renderTableExample(example, table, { ...options, paint, reproCommand: undefined });
  return [header, ...shown.map((example) => render(example).join("\n"))];
}

function renderEquivalentLine(report: Report, paint: Paint): string {
  const { trials, failures } = report.summary;
  const counted =
    report.table === undefined
      ? `${trials} trial${trials === 1 ? "" : "s"}`
      : `${formatCount(trials)} row${trials === 1 ? "" : "s"}`;
  const line = paint(["green", "bold"], `No behavioural change in ${counted}${describeTolerance(report)}.`);
  if (failures.both === 0) return line;
  return `${line}\n${paint("yellow", `${failures.both} input(s) failed the same way on both sides; they count as unchanged.`)}`;
}

/** ` (tolerance abs 1e-12, rel 1e-9, 2 path rules)` from the report's compare settings, when recorded. */
export function describeTolerance(report: Report): string {
  const compare = asRecord(report.settings.compare);
  const tolerance = asRecord(compare?.tolerance);
  if (tolerance === undefined) return "";
  const parts: string[] = [];
  for (const key of ["abs", "rel", "ulps"] as const) {
    const value = tolerance[key];
    if (typeof value === "number") parts.push(`${key} ${formatCompactNumber(value)}`);
  }
  const rules = compare?.rules;
  if (Array.isArray(rules) && rules.length > 0)
    parts.push(`${rules.length} path rule${rules.length === 1 ? "" : "s"}`);
  return parts.length > 0 ? ` (tolerance ${parts.join(", ")})` : "";
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
