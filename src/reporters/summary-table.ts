// The summary table every terminal report starts with: what ran, on what, and the verdict.
import Table from "cli-table3";
import { isDiffSettings, type Report, type Verdict } from "../report/types.ts";
import { formatDurationMs, formatRatio } from "./format.ts";
import { type Paint, type StyleName, stripAnsi } from "./style.ts";

const MAX_VALUE_WIDTH = 90;

const VERDICT_STYLES: Record<Verdict, StyleName> = {
  equivalent: "green",
  changed: "red",
  inconclusive: "yellow",
  error: "yellow",
};

/** The number of trials the run meant to do (the sample), so an interrupted run shows how far it got. */
export function plannedTrials(report: Report): number {
  return report.sample.indices.length > 0 ? report.sample.indices.length : report.sample.size;
}

/** A two-column table: components, input source and sample, counts, timing, verdict and gate. */
export function renderSummaryTable(report: Report, paint: Paint): string {
  const { summary, sample, components } = report;
  // Table reports count rows, not trials; `twinrun diff` has no input source, sample or timings.
  const isTable = report.table !== undefined;
  const isDiff = isDiffSettings(report.settings);
  const rows: [string, string][] = [
    ["old", describeComponent(components.old.label, components.old.spec, paint)],
    ["new", describeComponent(components.new.label, components.new.spec, paint)],
  ];
  if (!isDiff) {
    rows.push(
      [
        "input",
        `${sample.source} ${paint("dim", `(${sample.format}, sha256 ${sample.sha256.slice(0, 12)})`)}`,
      ],
      ["sample", describeSample(report)],
    );
  }
  rows.push(
    [isTable ? "rows" : "trials", describeTrials(report, paint)],
    ["same", String(summary.same)],
    ["changed", paintCount(formatRatio(summary.changed, summary.trials), summary.changed, "red", paint)],
  );
  const inconclusive = summary.inconclusive ?? 0;
  if (inconclusive > 0)
    rows.push(["inconclusive", paint("yellow", formatRatio(inconclusive, summary.trials))]);
  const { failures } = summary;
  if (!isTable || failures.old + failures.new + failures.both > 0)
    rows.push(["failures", describeFailures(report, paint)]);
  rows.push(
    ["time", isDiff ? `wall ${formatDurationMs(report.timing.wallMs)}` : describeTiming(report)],
    ["verdict", describeVerdict(report, paint)],
    ["gate", describeGate(report, paint)],
  );
  if (report.error !== undefined) rows.push(["error", paint("yellow", report.error)]);
  // Wide values (long commands, paths) wrap instead of stretching the table past the terminal.
  const widest = Math.max(...rows.map(([, value]) => stripAnsi(value).length));
  const valueWidth = Math.min(MAX_VALUE_WIDTH, widest + 2);
  const table = new Table({ style: { head: [], border: [] }, wordWrap: true, colWidths: [null, valueWidth] });
  for (const [name, value] of rows) table.push([paint("bold", name), value]);
  return table.toString();
}

function describeComponent(label: string, spec: string, paint: Paint): string {
  return label === spec ? label : `${paint("bold", label)}  ${paint("dim", spec)}`;
}

function describeSample(report: Report): string {
  const { sample } = report;
  const parts =
    sample.strategy === "replay"
      ? [`replay of ${sample.indices.length} inputs`]
      : sample.strategy === "all"
        ? [`all ${sample.totalRecords} records`]
        : [`${sample.strategy} ${sample.size} of ${sample.totalRecords} records`];
  parts.push(`seed ${sample.seed}`);
  if (sample.stratifyBy !== undefined) parts.push(`stratified by ${sample.stratifyBy}`);
  if (sample.skipped > 0) parts.push(`${sample.skipped} malformed records skipped`);
  return parts.join(", ");
}

function describeTrials(report: Report, paint: Paint): string {
  const { trials, truncatedTrials } = report.summary;
  let text = String(trials);
  if (!report.complete) text += ` of ${plannedTrials(report)} ${paint(["yellow", "bold"], "INCOMPLETE")}`;
  if (truncatedTrials > 0) text += paint("yellow", ` (${truncatedTrials} with differences truncated)`);
  return text;
}

function describeFailures(report: Report, paint: Paint): string {
  const { old, new: newCount, both } = report.summary.failures;
  const text = `old ${old} · new ${newCount} · both ${both}`;
  return paintCount(text, old + newCount + both, "yellow", paint);
}

function describeTiming(report: Report): string {
  const { timing } = report;
  // Dataset mode runs each side once: one duration each, no percentiles.
  if (report.dataset !== undefined) {
    const { old, new: newSide } = report.dataset;
    return `old ${formatDurationMs(old.durationMs)} · new ${formatDurationMs(newSide.durationMs)} · wall ${formatDurationMs(timing.wallMs)}`;
  }
  const side = (name: string, stats: Report["timing"]["old"]) =>
    `${name} p50 ${formatDurationMs(stats.p50)} / p95 ${formatDurationMs(stats.p95)}`;
  return `${side("old", timing.old)} · ${side("new", timing.new)} · wall ${formatDurationMs(timing.wallMs)}`;
}

function describeVerdict(report: Report, paint: Paint): string {
  const verdict = paint([VERDICT_STYLES[report.verdict], "bold"], report.verdict);
  return report.complete ? verdict : `${verdict} ${paint(["yellow", "bold"], "(incomplete run)")}`;
}

function describeGate(report: Report, paint: Paint): string {
  const { gate } = report;
  const threshold = `max changed ${gate.maxChanged}`;
  if (gate.status === "incomplete")
    return `${paint(["yellow", "bold"], "incomplete")} (interrupted; ${threshold}) → exit ${gate.exitCode}`;
  return gate.passed
    ? `${paint("green", "passed")} (${threshold})`
    : `${paint("red", "failed")} (${threshold}) → exit ${gate.exitCode}`;
}

function paintCount(text: string, count: number, style: StyleName, paint: Paint): string {
  return count > 0 ? paint(style, text) : text;
}
