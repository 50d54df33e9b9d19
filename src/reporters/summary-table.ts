// The summary table every terminal report starts with: what ran, on what, and the verdict.
import Table from "cli-table3";
import { SCHEMA_CHANGED_REASON } from "../gate/table-gate.ts";
import type { TimingStats, Verdict } from "../report/types.ts";
import { formatDurationMs, formatRatio } from "./format.ts";
import { type Paint, type StyleName, stripAnsi } from "./style.ts";
import type { ReportView, TimingView } from "./view-model.ts";

const MAX_VALUE_WIDTH = 90;

const VERDICT_STYLES: Record<Verdict, StyleName> = {
  equivalent: "green",
  changed: "red",
  inconclusive: "yellow",
  error: "yellow",
};

/** A two-column table: components, input source and sample, counts, timing, verdict and gate. */
export function renderSummaryTable(view: ReportView, paint: Paint): string {
  const { counts, sample, components, failures } = view;
  const rows: [string, string][] = [
    ["old", describeComponent(components.old.label, components.old.spec, paint)],
    ["new", describeComponent(components.new.label, components.new.spec, paint)],
  ];
  if (sample !== undefined) {
    rows.push(
      [
        "input",
        `${sample.source} ${paint("dim", `(${sample.format}, sha256 ${sample.sha256.slice(0, 12)})`)}`,
      ],
      ["sample", sample.line],
    );
    if (sample.coverPicks !== undefined) rows.push(["covers", sample.coverPicks]);
  }
  rows.push(
    [view.unit === "rows" ? "rows" : "trials", describeTrials(view, paint)],
    ["same", String(counts.same)],
    ["changed", describeChanged(view, paint)],
  );
  if (counts.inconclusive > 0)
    rows.push(["inconclusive", paint("yellow", formatRatio(counts.inconclusive, counts.trials))]);
  // Table runs show failures only when some side failed; a diff has no component that could.
  if (failures !== undefined && (view.kind === "records" || failures.old + failures.new + failures.both > 0))
    rows.push(["failures", describeFailures(failures, paint)]);
  rows.push(["time", describeTiming(view.timing)]);
  if (view.slowdown !== undefined) rows.push(["slowdown", view.slowdown]);
  rows.push(["verdict", describeVerdict(view, paint)], ["gate", describeGate(view, paint)]);
  // The slowdown gate has a line of its own, so a slow refactor never hides behind "max changed".
  const slowdownGate = view.gate.slowdown;
  if (slowdownGate !== undefined)
    rows.push(["", paint(slowdownGate.passed ? "green" : "red", slowdownGate.line)]);
  if (view.error !== undefined) rows.push(["error", paint("yellow", view.error)]);
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

function describeTrials(view: ReportView, paint: Paint): string {
  const { trials, planned, truncated } = view.counts;
  let text = String(trials);
  if (!view.complete) text += ` of ${planned} ${paint(["yellow", "bold"], "INCOMPLETE")}`;
  if (truncated > 0) text += paint("yellow", ` (${truncated} with differences truncated)`);
  return text;
}

function describeFailures(failures: NonNullable<ReportView["failures"]>, paint: Paint): string {
  const { old, new: newCount, both } = failures;
  const text = `old ${old} · new ${newCount} · both ${both}`;
  return paintCount(text, old + newCount + both, "yellow", paint);
}

/** Per-trial percentiles, one duration per side (dataset mode), or the wall clock alone (a diff). */
export function describeTiming(timing: TimingView): string {
  const wall = `wall ${formatDurationMs(timing.wallMs)}`;
  if (timing.kind === "wall") return wall;
  if (timing.kind === "once")
    return `old ${formatDurationMs(timing.oldMs)} · new ${formatDurationMs(timing.newMs)} · ${wall}`;
  const side = (name: string, stats: TimingStats) =>
    `${name} p50 ${formatDurationMs(stats.p50)} / p95 ${formatDurationMs(stats.p95)}`;
  return `${side("old", timing.old)} · ${side("new", timing.new)} · ${wall}`;
}

function describeVerdict(view: ReportView, paint: Paint): string {
  const verdict = paint([VERDICT_STYLES[view.verdict], "bold"], view.verdict);
  return view.complete ? verdict : `${verdict} ${paint(["yellow", "bold"], "(incomplete run)")}`;
}

/** Changed trials; a table whose schema changed says so, since its rows may all be the same. */
function describeChanged(view: ReportView, paint: Paint): string {
  const { counts, gate } = view;
  const ratio = paintCount(formatRatio(counts.changed, counts.trials), counts.changed, "red", paint);
  return gate.reason?.includes(SCHEMA_CHANGED_REASON) === true
    ? `${ratio} · ${paint("red", "schema changed")}`
    : ratio;
}

function describeGate(view: ReportView, paint: Paint): string {
  const { gate } = view;
  // A gate can fail with every count inside its threshold (a schema change, PSI, accepted entries): say why.
  const reason = gate.reason === undefined ? "" : `${gate.reason.replaceAll(/ \(see [^)]*\)/g, "")}; `;
  const threshold = `${gate.passed ? "" : reason}max changed ${gate.maxChanged}`;
  if (gate.status === "incomplete")
    return `${paint(["yellow", "bold"], "incomplete")} (interrupted; ${threshold}) → exit ${gate.exitCode}`;
  return gate.passed
    ? `${paint("green", "passed")} (${threshold})`
    : `${paint("red", "failed")} (${threshold}) → exit ${gate.exitCode}`;
}

function paintCount(text: string, count: number, style: StyleName, paint: Paint): string {
  return count > 0 ? paint(style, text) : text;
}
