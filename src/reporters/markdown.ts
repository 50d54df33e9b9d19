// The Markdown reporter: a compact summary that fits a PR comment or a GitHub step summary —
// verdict, counts, the top changed paths, accepted differences, the first few example diffs.
// A table comparison shows schema, rows and changed columns instead of paths, and rows as tables.

import type { Report } from "../report/types.ts";
import { writeFileAtomic } from "../util/atomic-write.ts";
import {
  describeGateLine,
  describeHeadline,
  describeSampleLine,
  type Headline,
  listChangedPaths,
} from "./ci-text.ts";
import { describeCoverPicks } from "./cover-text.ts";
import { describeDatasetRun } from "./dataset-text.ts";
import { renderExample } from "./examples.ts";
import { formatCompactNumber, formatDurationMs, formatKinds, formatRatio } from "./format.ts";
import { listHintLines } from "./hints-text.ts";
import { renderRowExampleMarkdown, renderTableMarkdown } from "./markdown-table.ts";
import { code, escapeCell, escapeHtml, escapeText, fence } from "./markdown-text.ts";
import { createPaint } from "./style.ts";
import { viewRowExample } from "./table-examples.ts";
import type { RenderOptions, TextSink } from "./types.ts";

/** Rows of the changed-paths table; the JSON report holds the rest. */
export const MAX_MARKDOWN_PATHS = 15;
/** Example diffs shown (fewer when --examples asks for fewer). */
export const MAX_MARKDOWN_EXAMPLES = 3;
/** Lines of one example block, so a huge output cannot blow a comment's size limit. */
const MAX_EXAMPLE_LINES = 60;

export { code, fence } from "./markdown-text.ts";

const ICONS: Record<Headline["status"], string> = {
  passed: "✅",
  failed: "❌",
  incomplete: "⏹️",
  error: "⚠️",
};

/** Renders the summary as GitHub-flavoured Markdown, ending with a newline. */
export function renderMarkdownReport(report: Report, out: TextSink, options: RenderOptions): void {
  const headline = describeHeadline(report);
  const sections = [
    `## ${ICONS[headline.status]} ${headline.title}`,
    `**${describeGateLine(report)}**`,
    renderFacts(report),
  ];
  if (report.error !== undefined) sections.push(`> ⚠️ ${escapeText(report.error)}`);
  if (report.table !== undefined) sections.push(...renderTableMarkdown(report.table));
  const paths = report.table === undefined ? renderPaths(report) : undefined;
  if (paths !== undefined) sections.push(paths);
  const hints = renderHints(report);
  if (hints !== undefined) sections.push(hints);
  const accepted = renderAccepted(report);
  if (accepted !== undefined) sections.push(accepted);
  const examples = renderExamples(report, options);
  if (examples !== undefined) sections.push(examples);
  out.write(`${sections.join("\n\n")}\n`);
}

/** Why: `--markdown <file>` is written atomically, like every report file. */
export async function writeMarkdownReport(
  report: Report,
  file: string,
  options: RenderOptions,
): Promise<void> {
  await writeFileAtomic(file, renderMarkdownToString(report, options));
}

/** The Markdown text (for the step summary and files). */
export function renderMarkdownToString(report: Report, options: RenderOptions): string {
  let text = "";
  renderMarkdownReport(report, { write: (chunk) => (text += chunk) }, options);
  return text;
}

function renderFacts(report: Report): string {
  const { components, sample, summary, timing } = report;
  const failures = summary.failures;
  const rows: [string, string][] = [
    ["old", `${code(components.old.label)} ${escapeText(components.old.spec)}`],
    ["new", `${code(components.new.label)} ${escapeText(components.new.spec)}`],
    [
      "input",
      `${code(sample.source.split(/[\\/]/).pop() ?? sample.source)} (sha256 ${code(sample.sha256.slice(0, 12))})`,
    ],
    ["sample", escapeText(describeSampleLine(report))],
    ...coverRow(report),
    [
      "trials",
      `${summary.trials} · same ${summary.same} · changed ${summary.changed} · failures old ${failures.old} / new ${failures.new} / both ${failures.both}`,
    ],
    [
      "time",
      `p50 old ${formatDurationMs(timing.old.p50)} / new ${formatDurationMs(timing.new.p50)} · wall ${formatDurationMs(timing.wallMs)}`,
    ],
  ];
  if (report.base !== undefined)
    rows.splice(2, 0, ["base", `${code(report.base.ref)} at ${code(report.base.commit.slice(0, 12))}`]);
  if (report.dataset !== undefined) {
    rows.push(["old run", escapeText(describeDatasetRun(report.dataset.old))]);
    rows.push(["new run", escapeText(describeDatasetRun(report.dataset.new))]);
    if (report.dataset.keptTemp !== undefined) rows.push(["temp files", code(report.dataset.keptTemp)]);
  }
  return [
    "| | |",
    "| --- | --- |",
    ...rows.map(([name, value]) => `| ${name} | ${escapeCell(value)} |`),
  ].join("\n");
}

function renderPaths(report: Report): string | undefined {
  const changed = listChangedPaths(report);
  if (changed.length === 0) return undefined;
  const lines = [
    "### Changed paths",
    "",
    "| path | changed | kinds | max abs | max rel | inputs | |",
    "| --- | ---: | --- | ---: | ---: | --- | --- |",
  ];
  for (const { stats, accepted } of changed.slice(0, MAX_MARKDOWN_PATHS)) {
    const more = stats.changed > stats.exampleIndices.length ? " …" : "";
    const cells = [
      code(stats.path),
      formatRatio(stats.changed, stats.compared),
      formatKinds(stats.kinds),
      stats.maxAbs === undefined ? "" : formatCompactNumber(stats.maxAbs),
      stats.maxRel === undefined ? "" : formatCompactNumber(stats.maxRel),
      stats.exampleIndices.map((index) => `#${index}`).join(" ") + more,
      accepted ? "accepted" : "❌",
    ];
    lines.push(`| ${cells.map(escapeCell).join(" | ")} |`);
  }
  if (changed.length > MAX_MARKDOWN_PATHS) {
    lines.push(
      "",
      `… and ${changed.length - MAX_MARKDOWN_PATHS} more changed paths (all of them are in the JSON report)`,
    );
  }
  return lines.join("\n");
}

function renderHints(report: Report): string | undefined {
  const hints = listHintLines(report);
  if (hints.length === 0) return undefined;
  const lines = ["### Hints", "", "| path | condition | holds for |", "| --- | --- | --- |"];
  for (const hint of hints)
    lines.push(`| ${[code(hint.target), code(hint.text), hint.counts].map(escapeCell).join(" | ")} |`);
  return lines.join("\n");
}

function renderAccepted(report: Report): string | undefined {
  const accepted = report.accepted;
  if (accepted === undefined) return undefined;
  const name = accepted.file.split(/[\\/]/).pop() ?? accepted.file;
  const lines = [
    `### Accepted differences (${code(name)})`,
    "",
    `${accepted.coveredTrials} changed input(s) covered, ${accepted.uncoveredTrials} not covered.`,
  ];
  if (accepted.entries.length > 0) {
    lines.push(
      "",
      "| entry | kinds | max changed | matched | status | note |",
      "| --- | --- | ---: | ---: | --- | --- |",
    );
    for (const entry of accepted.entries) {
      const status =
        entry.status === "used" ? "used" : entry.status === "unused" ? "⚠️ unused" : "❌ exceeded";
      const cells = [
        code(entry.path),
        entry.kinds.join(", "),
        entry.maxChanged,
        String(entry.matchedTrials),
        status,
        escapeText(entry.note ?? ""),
      ];
      lines.push(`| ${cells.map(escapeCell).join(" | ")} |`);
    }
  }
  return lines.join("\n");
}

function renderExamples(report: Report, options: RenderOptions): string | undefined {
  const count = Math.min(MAX_MARKDOWN_EXAMPLES, Math.max(0, options.examples), report.examples.length);
  if (count === 0) return undefined;
  const paint = createPaint(false);
  const { table } = report;
  const blocks = report.examples.slice(0, count).map((example, position) => {
    const view = table === undefined ? undefined : viewRowExample(example, table);
    if (view !== undefined) return renderRowExampleMarkdown(view, position === 0);
    // Rows of a table (and a dataset run's single trial) are not inputs a replay could rerun.
    const reproCommand =
      table === undefined && report.dataset === undefined ? options.reproCommand : undefined;
    const lines = renderExample(example, { paint, color: false, reproCommand });
    const shown =
      lines.length > MAX_EXAMPLE_LINES
        ? [
            ...lines.slice(0, MAX_EXAMPLE_LINES),
            `… ${lines.length - MAX_EXAMPLE_LINES} more lines in the JSON report`,
          ]
        : lines;
    const summary = `input #${example.index}: ${example.differences.length} difference${example.differences.length === 1 ? "" : "s"}`;
    return [
      `<details${position === 0 ? " open" : ""}><summary>${escapeHtml(summary)}</summary>`,
      "",
      fence(shown.join("\n")),
      "",
      "</details>",
    ].join("\n");
  });
  const noun = table === undefined ? "inputs" : "rows";
  const header =
    report.summary.changed > count
      ? `### Examples (first ${count} of ${report.summary.changed} changed ${noun})`
      : `### Examples`;
  return [header, "", ...blocks].join("\n");
}

function coverRow(report: Report): [string, string][] {
  const picks = describeCoverPicks(report.sample);
  return picks === undefined ? [] : [["covers", escapeText(picks)]];
}
