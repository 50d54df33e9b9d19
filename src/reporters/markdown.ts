// The Markdown reporter: a compact summary that fits a PR comment or a GitHub step summary —
// verdict, counts, the top changed paths, accepted differences, the first few example diffs.
// A table comparison shows schema, rows and changed columns instead of paths, and rows as tables.

import type { Report } from "../report/types.ts";
import { writeFileAtomic } from "../util/atomic-write.ts";
import type { Headline } from "./ci-text.ts";
import { describeDatasetRun } from "./dataset-text.ts";
import { renderExample } from "./examples.ts";
import { formatCompactNumber, formatCount, formatDurationMs, formatKinds, formatRatio } from "./format.ts";
import type { HintLine } from "./hints-text.ts";
import { code, escapeCell, escapeHtml, escapeText, fence } from "./markdown-text.ts";
import { createPaint } from "./style.ts";
import { describeTableEngine } from "./table-engine-text.ts";
import { renderRowExampleMarkdown, renderTableMarkdown } from "./table-markdown.ts";
import { noisyPathsTitle } from "./trust-text.ts";
import type { RenderOptions, TextSink } from "./types.ts";
import { describeUnusedRule } from "./unused-rules-text.ts";
import { type ReportView, type TimingView, viewReport } from "./view-model.ts";

/** Rows of the changed-paths table; the JSON report holds the rest. */
export const MAX_MARKDOWN_PATHS = 15;
/** Example diffs shown (fewer when --examples asks for fewer). */
export const MAX_MARKDOWN_EXAMPLES = 3;
/** Example blocks are laid out this wide: a PR page scrolls a code block sideways beyond it. */
const MARKDOWN_BLOCK_WIDTH = 120;
/** Lines of one example block, so a huge output cannot blow a comment's size limit. */
const MAX_EXAMPLE_LINES = 60;

export { code, fence } from "./markdown-text.ts";

const ICONS: Record<Headline["status"], string> = {
  passed: "✅",
  failed: "❌",
  incomplete: "⏹️",
  error: "⚠️",
};

/**
 * Renders the summary as GitHub-flavoured Markdown, ending with a newline, in the terminal's order:
 * verdict and facts, warnings, accepted differences, the table sections or changed paths, examples.
 */
export function renderMarkdownReport(report: Report, out: TextSink, options: RenderOptions): void {
  const view = viewReport(report);
  const sections = [
    `## ${ICONS[view.headline.status]} ${view.headline.title}`,
    `**${view.gateLine}**`,
    renderFacts(view),
  ];
  if (view.notes.length > 0)
    sections.push(view.notes.map((note) => `> ⚠️ ${escapeText(note.text)}`).join("\n>\n"));
  if (view.unusedRules !== undefined) sections.push(renderUnusedRules(view.unusedRules));
  const accepted = renderAccepted(view);
  if (accepted !== undefined) sections.push(accepted);
  const noise = renderNoise(view);
  if (noise !== undefined) sections.push(noise);
  if (view.table !== undefined) sections.push(...renderTableMarkdown(view.table));
  const paths = view.table === undefined ? renderPaths(view) : undefined;
  if (paths !== undefined) sections.push(paths);
  if (view.hints !== undefined) sections.push(renderHints(view.hints));
  const examples = renderExamples(view, options);
  if (examples !== undefined) sections.push(examples);
  const trust = [view.changeRate, view.target].filter((line) => line !== undefined);
  if (trust.length > 0) sections.push(trust.map((line) => escapeText(line)).join("\n\n"));
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

/** The facts table: only what this kind of run has (a diff has no input source, failures or percentiles). */
function renderFacts(view: ReportView): string {
  const { components, sample, counts, failures, dataset } = view;
  const rows: [string, string][] = [
    ["old", `${code(components.old.label)} ${escapeText(components.old.spec)}`],
    ["new", `${code(components.new.label)} ${escapeText(components.new.spec)}`],
  ];
  if (view.base !== undefined)
    rows.push(["base", `${code(view.base.ref)} at ${code(view.base.commit.slice(0, 12))}`]);
  if (sample !== undefined) {
    const shard =
      view.shard === undefined
        ? ""
        : `; shard ${view.shard.index}/${view.shard.count} (${view.report.sample.indices.length} of its inputs)`;
    rows.push(
      ["input", `${code(sample.name)} (sha256 ${code(sample.sha256.slice(0, 12))})`],
      ["sample", escapeText(`${sample.line}${shard}`)],
    );
    if (sample.coverPicks !== undefined) rows.push(["covers", escapeText(sample.coverPicks)]);
  }
  const trials = [
    formatCount(counts.trials),
    `same ${formatCount(counts.same)}`,
    `changed ${formatCount(counts.changed)}`,
  ];
  if (failures !== undefined)
    trials.push(`failures old ${failures.old} / new ${failures.new} / both ${failures.both}`);
  rows.push(
    [view.unit === "rows" ? "rows" : "trials", trials.join(" · ")],
    ["time", describeTime(view.timing)],
  );
  if (view.slowdown !== undefined) rows.push(["slowdown", escapeText(view.slowdown)]);
  if (view.gate.slowdown !== undefined)
    rows.push([
      "slowdown gate",
      `${view.gate.slowdown.passed ? "✅" : "❌"} ${escapeText(view.gate.slowdown.line)}`,
    ]);
  const engine = describeTableEngine(view.table?.engine);
  if (engine !== undefined) rows.push(["engine", escapeText(engine)]);
  if (dataset !== undefined) {
    rows.push(["old run", escapeText(describeDatasetRun(dataset.old))]);
    rows.push(["new run", escapeText(describeDatasetRun(dataset.new))]);
    if (dataset.keptTemp !== undefined) rows.push(["temp files", code(dataset.keptTemp)]);
  }
  return [
    "| | |",
    "| --- | --- |",
    ...rows.map(([name, value]) => `| ${name} | ${escapeCell(value)} |`),
  ].join("\n");
}

function describeTime(timing: TimingView): string {
  const wall = `wall ${formatDurationMs(timing.wallMs)}`;
  if (timing.kind === "wall") return wall;
  if (timing.kind === "once")
    return `old ${formatDurationMs(timing.oldMs)} / new ${formatDurationMs(timing.newMs)} · ${wall}`;
  return `p50 old ${formatDurationMs(timing.old.p50)} / new ${formatDurationMs(timing.new.p50)} · ${wall}`;
}

/** The noisy paths of a calibrated run, before the changed paths they were judged against. */
function renderNoise(view: ReportView): string | undefined {
  if (view.calibration === undefined) return undefined;
  const lines = [`### ${noisyPathsTitle(view.unit)}`, "", escapeText(view.calibration)];
  if (view.noisyPaths.length === 0) return lines.join("\n");
  lines.push(
    "",
    "| path | old vs old | kinds | max abs | max rel | this run | explicit rule |",
    "| --- | ---: | --- | ---: | ---: | --- | --- |",
  );
  for (const row of view.noisyPaths.slice(0, MAX_MARKDOWN_PATHS)) {
    const cells = [
      code(row.path),
      row.oldVsOld,
      row.kinds,
      row.maxAbs,
      row.maxRel,
      row.run,
      row.rule === "" ? "" : code(row.rule),
    ];
    lines.push(`| ${cells.map(escapeCell).join(" | ")} |`);
  }
  return lines.join("\n");
}

function renderPaths(view: ReportView): string | undefined {
  const changed = view.changedPaths;
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

function renderHints(hints: HintLine[]): string {
  const lines = ["### Hints", "", "| path | condition | holds for |", "| --- | --- | --- |"];
  for (const hint of hints)
    lines.push(`| ${[code(hint.target), code(hint.text), hint.counts].map(escapeCell).join(" | ")} |`);
  return lines.join("\n");
}

/** Each rule that matched nothing, as a warning quote right under the facts. */
function renderUnusedRules(unused: NonNullable<ReportView["unusedRules"]>): string {
  const lines = unused.lines.map((line) => `> ⚠️ ${describeUnusedRule(line, code)}`);
  if (unused.more !== undefined) lines.push(`> ${escapeText(unused.more)}`);
  return lines.join("\n>\n");
}

function renderAccepted(view: ReportView): string | undefined {
  const accepted = view.accepted;
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
        entry.maxChanged ?? `${entry.maxRate} (95% bound)`,
        String(entry.matchedTrials),
        status,
        escapeText(entry.note ?? ""),
      ];
      lines.push(`| ${cells.map(escapeCell).join(" | ")} |`);
    }
  }
  return lines.join("\n");
}

function renderExamples(view: ReportView, options: RenderOptions): string | undefined {
  const count = Math.min(MAX_MARKDOWN_EXAMPLES, Math.max(0, options.examples), view.examples.length);
  if (count === 0) return undefined;
  const paint = createPaint(false);
  // Rows of a table (and a dataset run's single trial) are not inputs a replay could rerun.
  const reproCommand = view.reproducible ? options.reproCommand : undefined;
  const blocks = view.examples.slice(0, count).map(({ example, row }, position) => {
    if (row !== undefined) return renderRowExampleMarkdown(row, position === 0);
    const lines = renderExample(example, { paint, width: MARKDOWN_BLOCK_WIDTH, reproCommand });
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
  const header =
    view.counts.changed > count
      ? `### Examples (first ${count} of ${view.counts.changed} changed ${view.unit})`
      : `### Examples`;
  return [header, "", ...blocks].join("\n");
}
