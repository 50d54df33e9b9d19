// The terminal reporter, compact in the manner of vitest's: a head of at most six lines (verdict,
// counts, failures, what ran, times, gate), the warnings, then what changed — the table sections
// or the changed paths — and each differing input once. Every line fits the terminal's width.
import type { Report } from "../report/types.ts";
import { listCiNotes } from "./ci-notes.ts";
import { renderDatasetSection } from "./dataset-text.ts";
import { renderExample, renderMinimalInput } from "./examples.ts";
import { cutToWidth, resolveWidth } from "./fit.ts";
import { formatCount } from "./format.ts";
import type { HintLine } from "./hints-text.ts";
import { renderNotebookCells } from "./notebook-text.ts";
import { renderNoisyPathsGrid, renderPathsGrid } from "./paths-grid.ts";
import { createPaint, type Paint, stripAnsi } from "./style.ts";
import { renderRowExample } from "./table-examples.ts";
import { renderTableSections } from "./table-sections.ts";
import { renderHeader } from "./terminal-header.ts";
import { noisyPathsTitle } from "./trust-text.ts";
import type { RenderOptions, TextSink } from "./types.ts";
import { describeUnusedRule } from "./unused-rules-text.ts";
import { type ExampleView, type ReportView, viewReport } from "./view-model.ts";

/** Renders a finished report for a person at a terminal; writes once, no ANSI codes unless options.color. */
export function renderTerminalReport(report: Report, out: TextSink, options: RenderOptions): void {
  const view = viewReport(report);
  const paint = createPaint(options.color);
  const width = resolveWidth(options.width);
  const sections = [renderHeader(view, paint, width).join("\n")];
  const notes = renderNotes(view, paint);
  if (notes.length > 0) sections.push(notes.join("\n"));
  for (const { side, notebook } of view.notebooks) sections.push(renderNotebookCells(side, notebook, paint));
  if (view.dataset !== undefined) sections.push(renderDatasetSection(view, view.dataset, paint));
  // Old's own noise first: what the changes below (a table's columns too) were judged against.
  if (view.calibration !== undefined) sections.push(renderCalibration(view, paint, width));
  if (view.table !== undefined) sections.push(...renderTableSections(view.table, paint, width));
  // For tables the per-column section already says what the changed-paths table would.
  if (view.table === undefined && view.changedPaths.length > 0)
    sections.push(`${paint("bold", "Changed paths")}\n${renderPathsGrid(view.changedPaths, paint, width)}`);
  if (view.hints !== undefined)
    sections.push(renderHints(view.hints, view.table !== undefined, paint, width));
  if (view.counts.changed > 0) sections.push(...renderExamples(view, options, paint, width));
  // What the sample can say about the whole source, last: read once the changes are known.
  const trust = [view.changeRate, view.target].filter((line) => line !== undefined);
  if (trust.length > 0) sections.push(trust.join("\n"));
  // Tables are laid out to the width; prose is left to the terminal's own wrapping, so a
  // command or a message copies whole. Colour off strips library output too.
  const text = `${sections.join("\n\n")}\n`;
  out.write(options.color ? text : stripAnsi(text));
}

/** The warnings under the head, the shard and accepted differences, and the cover strategy's picks. */
function renderNotes(view: ReportView, paint: Paint): string[] {
  const lines = view.notes.map((note) => paint(note.strong ? ["yellow", "bold"] : "yellow", note.text));
  // How much slower new ran, and the slowdown gate's own line, so a slow refactor never hides.
  if (view.slowdown !== undefined) lines.push(`${paint("bold", "Slowdown")} ${view.slowdown}`);
  const slowdownGate = view.gate.slowdown;
  if (slowdownGate !== undefined) lines.push(paint(slowdownGate.passed ? "green" : "red", slowdownGate.line));
  // A rule that matched nothing compared nothing: a likely typo, beside the verdict.
  for (const line of view.unusedRules?.lines ?? [])
    lines.push(
      paint(
        "yellow",
        describeUnusedRule(line, (path) => path),
      ),
    );
  if (view.unusedRules?.more !== undefined) lines.push(paint("yellow", view.unusedRules.more));
  lines.push(...listCiNotes(view, paint));
  const both = view.failures?.both ?? 0;
  if (both > 0 && view.counts.changed === 0)
    lines.push(
      paint("yellow", `${both} input(s) failed the same way on both sides; they count as unchanged.`),
    );
  if (view.sample?.coverPicks !== undefined)
    lines.push(`${paint("bold", "Covers")} ${view.sample.coverPicks}`);
  return lines;
}

/** `Hints` then one line per condition: path, condition, how many changed and unchanged trials it holds for. */
function renderHints(lines: HintLine[], tables: boolean, paint: Paint, width: number): string {
  const targetWidth = Math.min(40, Math.max(...lines.map((line) => line.target.length)));
  const textWidth = Math.min(60, Math.max(...lines.map((line) => line.text.length)));
  const rows = lines.map((line) =>
    cutToWidth(
      `  ${paint("cyan", line.target.padEnd(targetWidth))}  ${line.text.padEnd(textWidth)}  ${paint("dim", line.counts)}`,
      width,
    ),
  );
  // A table's hints are conditions on the old row's columns, not on a component's input.
  const about = tables
    ? "conditions on the old row under which a column changed"
    : "input conditions under which a path changed";
  return [`${paint("bold", "Hints")} (${about})`, ...rows].join("\n");
}

function renderCalibration(view: ReportView, paint: Paint, width: number): string {
  const lines = [view.calibration ?? ""];
  if (view.noisyPaths.length > 0) lines.unshift(paint("bold", noisyPathsTitle(view.unit)));
  const table =
    view.noisyPaths.length === 0 ? "" : `\n${renderNoisyPathsGrid(view.noisyPaths, paint, width)}`;
  return `${lines.join("\n")}${table}`;
}

function renderExamples(view: ReportView, options: RenderOptions, paint: Paint, width: number): string[] {
  const shown = view.examples.slice(0, Math.max(0, options.examples));
  if (shown.length === 0) return [];
  const differing = view.counts.changed;
  const title = paint("bold", view.unit === "rows" ? "Differing rows" : "Differing inputs");
  const header =
    shown.length < differing
      ? `${title} (showing ${shown.length} of ${formatCount(differing)}; --examples shows more)`
      : `${title} (${formatCount(differing)})`;
  // Rows of a table, and a dataset run's single trial (the whole sample), have nothing narrower to replay.
  const repro = view.reproducible ? options.reproCommand : undefined;
  // The same command for every input (no saved report to replay) is said once, under the examples.
  const commands = repro === undefined ? [] : shown.map(({ example }) => repro(example.index));
  const sameForAll = commands.length > 1 && commands.every((command) => command === commands[0]);
  const reproCommand = sameForAll ? undefined : repro;
  const render = ({ example, row }: ExampleView) =>
    row === undefined
      ? renderExample(example, { paint, width, reproCommand })
      : [
          ...renderRowExample(row, paint, width),
          // Dataset mode's --shrink: the fewest input rows that still show the change.
          ...(example.minimalInput === undefined
            ? []
            : renderMinimalInput(example.minimalInput, paint, width)),
        ];
  const blocks = [header, ...shown.map((example) => render(example).join("\n"))];
  if (sameForAll) blocks.push(`reproduce: ${paint("cyan", commands[0])}`);
  return blocks;
}
