// The top of the HTML report: the verdict and the gate in one banner, the counts, and what ran on what.
import { isDiffSettings, type Report } from "../../report/types.ts";
import { describeCoverPicks, describeCoverSplit } from "../cover-text.ts";
import { describeDatasetFormats, describeDatasetRun } from "../dataset-text.ts";
import { formatCount, formatDurationMs, formatKinds, formatRatio } from "../format.ts";
import { plannedTrials } from "../summary-table.ts";
import { describeTolerance } from "../terminal.ts";
import { html, type Markup } from "./markup.ts";

/** Why: the first screen answers "did behaviour change, and does the gate let it through". */
export function renderSummarySection(report: Report): Markup {
  const { components } = report;
  return html`<header>
<h1>twinrun: ${components.old.label} → ${components.new.label}</h1>
<div class="muted">${report.createdAt}${describeTolerance(report)}</div>
</header>
<section class="verdict ${report.verdict}" id="verdict">
<span class="word">${report.verdict}</span>
${renderGate(report)}
${report.complete ? "" : html`<span class="gate incomplete">incomplete run</span>`}
</section>
${renderNotes(report)}
${renderCounts(report)}
${renderFacts(report)}`;
}

function renderGate(report: Report): Markup {
  const { gate } = report;
  const counted = gate.counted !== undefined ? `, ${gate.counted} counted after accepted differences` : "";
  const reason = gate.reason !== undefined ? `: ${gate.reason}` : "";
  return html`<span>gate <span class="gate ${gate.status}">${gate.status}</span> (max changed ${gate.maxChanged}${counted}) → exit ${gate.exitCode}${reason}</span>`;
}

function renderNotes(report: Report): Markup {
  const notes: string[] = [];
  if (!report.complete) {
    notes.push(
      `The run stopped after ${report.summary.trials} of ${plannedTrials(report)} trials; every count covers completed trials only.`,
    );
  }
  if (report.error !== undefined) notes.push(`The run could not reach a verdict: ${report.error}`);
  for (const stats of report.inconclusive ?? []) {
    notes.push(
      `Inconclusive: ${stats.trials} trial(s) (inputs ${stats.exampleIndices.join(", ")}${stats.trials > stats.exampleIndices.length ? ", …" : ""}): ${stats.message}`,
    );
  }
  if (report.summary.truncatedTrials > 0) {
    notes.push(
      `${report.summary.truncatedTrials} trial(s) hit the per-trial difference cap (compare.maxDifferencesPerTrial); their later differences are not counted.`,
    );
  }
  if (notes.length === 0) return html``;
  return html`<ul class="notes">${notes.map((note) => html`<li>${note}</li>`)}</ul>`;
}

function renderCounts(report: Report): Markup {
  const { summary } = report;
  const unit = report.kind === "tables" ? "rows" : "trials";
  const cards: [string, string][] = [
    [formatCount(summary.trials), unit],
    [formatCount(summary.same), "same"],
    [formatRatio(summary.changed, summary.trials), "changed"],
  ];
  if ((summary.inconclusive ?? 0) > 0) cards.push([formatCount(summary.inconclusive ?? 0), "inconclusive"]);
  const { failures } = summary;
  if (report.kind === "records" || failures.old + failures.new + failures.both > 0) {
    cards.push([`${failures.old} · ${failures.new} · ${failures.both}`, "failures old · new · both"]);
  }
  if (!isDiffSettings(report.settings)) cards.push([describeTiming(report), "time old · new"]);
  cards.push([formatDurationMs(report.timing.wallMs), "wall"]);
  return html`<div class="counts">${cards.map(([value, name]) => html`<div class="count"><b>${value}</b><span>${name}</span></div>`)}</div>`;
}

function describeTiming(report: Report): string {
  if (report.dataset !== undefined) {
    return `${formatDurationMs(report.dataset.old.durationMs)} · ${formatDurationMs(report.dataset.new.durationMs)}`;
  }
  const { old, new: newSide } = report.timing;
  return `p50 ${formatDurationMs(old.p50)} · ${formatDurationMs(newSide.p50)}`;
}

function renderFacts(report: Report): Markup {
  const { components, sample } = report;
  const facts: [string, string][] = [
    ["old", `${components.old.label} — ${components.old.spec}`],
    ["new", `${components.new.label} — ${components.new.spec}`],
  ];
  if (isDiffSettings(report.settings)) {
    const { diff } = report.settings;
    facts.push([
      "old file",
      `${diff.old.path} (${diff.old.format}, ${formatCount(diff.old.rows)} rows, sha256 ${diff.old.sha256.slice(0, 12)})`,
    ]);
    facts.push([
      "new file",
      `${diff.new.path} (${diff.new.format}, ${formatCount(diff.new.rows)} rows, sha256 ${diff.new.sha256.slice(0, 12)})`,
    ]);
  } else {
    facts.push(["input", `${sample.source} (${sample.format}, sha256 ${sample.sha256.slice(0, 12)})`]);
    facts.push(["sample", describeSample(report)]);
    const picks = describeCoverPicks(sample);
    if (picks !== undefined) facts.push(["covers", picks]);
  }
  if (report.dataset !== undefined) {
    facts.push(["batch runs", describeDatasetFormats(report.dataset)]);
    for (const side of ["old", "new"] as const)
      facts.push([`${side} run`, describeDatasetRun(report.dataset[side])]);
    if (report.dataset.keptTemp !== undefined) facts.push(["temp files", report.dataset.keptTemp]);
  }
  if (report.base !== undefined)
    facts.push(["base", `${report.base.ref} (${report.base.commit.slice(0, 12)})`]);
  if (report.shard !== undefined) facts.push(["shard", `${report.shard.index} of ${report.shard.count}`]);
  const changedKinds = formatKinds(sumKinds(report));
  if (changedKinds !== "") facts.push(["kinds", changedKinds]);
  return html`<dl class="facts">${facts.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl>`;
}

function describeSample(report: Report): string {
  const { sample } = report;
  const parts =
    sample.strategy === "replay"
      ? [`replay of ${sample.indices.length} inputs`]
      : sample.strategy === "all"
        ? [`all ${formatCount(sample.totalRecords)} records`]
        : [`${sample.strategy} ${formatCount(sample.size)} of ${formatCount(sample.totalRecords)} records`];
  const split = describeCoverSplit(sample);
  if (split !== undefined) parts.push(split);
  parts.push(`seed ${sample.seed}`);
  if (sample.stratifyBy !== undefined) parts.push(`stratified by ${sample.stratifyBy}`);
  if (sample.skipped > 0) parts.push(`${sample.skipped} malformed records skipped`);
  return parts.join(", ");
}

// Difference kinds over every path, counted per path and trial.
function sumKinds(report: Report): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const stats of report.paths) {
    for (const [kind, count] of Object.entries(stats.kinds)) kinds[kind] = (kinds[kind] ?? 0) + (count ?? 0);
  }
  return kinds;
}
