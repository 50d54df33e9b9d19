// The terminal reporter: summary table, changed paths, the first differing inputs with repro commands.
// A table comparison shows its schema, rows, columns and distributions instead of changed paths.
import type { Report } from "../report/types.ts";
import { renderDatasetSection } from "./dataset-text.ts";
import { renderExample } from "./examples.ts";
import { formatCount } from "./format.ts";
import type { HintLine } from "./hints-text.ts";
import { renderNotebookCells } from "./notebook-text.ts";
import { renderNoisyPathsTable, renderPathsTable } from "./paths-table.ts";
import { createPaint, type Paint, stripAnsi } from "./style.ts";
import { renderSummaryTable } from "./summary-table.ts";
import { renderRowExample } from "./table-examples.ts";
import { renderTableSections } from "./table-sections.ts";
import type { RenderOptions, TextSink } from "./types.ts";
import { describeUnusedRule } from "./unused-rules-text.ts";
import { type ExampleView, type ReportView, viewReport } from "./view-model.ts";

/** Renders a finished report for a person at a terminal; writes once, no ANSI codes unless options.color. */
export function renderTerminalReport(report: Report, out: TextSink, options: RenderOptions): void {
  const view = viewReport(report);
  const paint = createPaint(options.color);
  const sections = [renderSummaryTable(view, paint)];
  if (view.notes.length > 0)
    sections.push(
      view.notes.map((note) => paint(note.strong ? ["yellow", "bold"] : "yellow", note.text)).join("\n"),
    );
  if (view.unusedRules !== undefined) sections.push(renderUnusedRules(view.unusedRules, paint));
  for (const { side, notebook } of view.notebooks) sections.push(renderNotebookCells(side, notebook, paint));
  if (view.dataset !== undefined) sections.push(renderDatasetSection(view, view.dataset, paint));
  if (view.table !== undefined) sections.push(...renderTableSections(view.table, paint));
  // Old's own noise first: what the changes below were judged against.
  if (view.calibration !== undefined) sections.push(renderCalibration(view, paint));
  if (view.counts.changed > 0) {
    // For tables the per-column section already says what the changed-paths table would.
    if (view.changedPaths.length > 0 && view.table === undefined)
      sections.push(`${paint("bold", "Changed paths")}\n${renderPathsTable(view.changedPaths, paint)}`);
    if (view.hints !== undefined) sections.push(renderHints(view.hints, paint));
    sections.push(...renderExamples(view, options, paint));
  } else if (view.verdict === "equivalent") {
    sections.push(renderEquivalentLine(view, paint));
  }
  const trust = [view.changeRate, view.target].filter((line) => line !== undefined);
  if (trust.length > 0) sections.push(trust.join("\n"));
  const text = `${sections.join("\n\n")}\n`;
  // Library output (jsondiffpatch, cli-table3) is stripped too, so colour off really means none.
  out.write(options.color ? text : stripAnsi(text));
}

/** `Hints` then one line per condition: path, condition, how many changed and unchanged trials it holds for. */
function renderHints(lines: HintLine[], paint: Paint): string {
  const width = Math.min(40, Math.max(...lines.map((line) => line.target.length)));
  const textWidth = Math.min(60, Math.max(...lines.map((line) => line.text.length)));
  const rows = lines.map(
    (line) =>
      `  ${paint("cyan", line.target.padEnd(width))}  ${line.text.padEnd(textWidth)}  ${paint("dim", line.counts)}`,
  );
  return [`${paint("bold", "Hints")} (input conditions under which a path changed)`, ...rows].join("\n");
}

function renderCalibration(view: ReportView, paint: Paint): string {
  const lines = [view.calibration ?? ""];
  if (view.noisyPaths.length > 0) lines.unshift(paint("bold", "Noisy paths (old differs from itself here)"));
  const table = view.noisyPaths.length === 0 ? "" : `\n${renderNoisyPathsTable(view.noisyPaths, paint)}`;
  return `${lines.join("\n")}${table}`;
}

function renderExamples(view: ReportView, options: RenderOptions, paint: Paint): string[] {
  const shown = view.examples.slice(0, Math.max(0, options.examples));
  const differing = view.counts.changed;
  const title = paint("bold", view.unit === "rows" ? "Differing rows" : "Differing inputs");
  const header =
    shown.length < differing
      ? `${title} (showing ${shown.length} of ${differing}; ` +
        "raise --examples or read the JSON report for more)"
      : `${title} (${differing})`;
  // Rows of a table, and a dataset run's single trial (the whole sample), have nothing narrower to replay.
  const reproCommand = view.reproducible ? options.reproCommand : undefined;
  const render = ({ example, row }: ExampleView) =>
    row === undefined
      ? renderExample(example, { ...options, paint, reproCommand })
      : renderRowExample(row, paint);
  return [header, ...shown.map((example) => render(example).join("\n"))];
}

function renderEquivalentLine(view: ReportView, paint: Paint): string {
  const { trials } = view.counts;
  const counted =
    view.unit === "inputs"
      ? `${trials} trial${trials === 1 ? "" : "s"}`
      : `${formatCount(trials)} row${trials === 1 ? "" : "s"}`;
  const line = paint(["green", "bold"], `No behavioural change in ${counted}${view.tolerance}.`);
  const both = view.failures?.both ?? 0;
  if (both === 0) return line;
  return `${line}\n${paint("yellow", `${both} input(s) failed the same way on both sides; they count as unchanged.`)}`;
}

/** Each rule that matched nothing, in yellow: it compared nothing, so the verdict did not use it. */
function renderUnusedRules(unused: NonNullable<ReportView["unusedRules"]>, paint: Paint): string {
  const lines = unused.lines.map((line) =>
    paint(
      "yellow",
      describeUnusedRule(line, (path) => path),
    ),
  );
  if (unused.more !== undefined) lines.push(paint("yellow", unused.more));
  return lines.join("\n");
}
