// The top of the HTML report: the verdict and the gate in one banner, the warnings, the counts,
// and what ran on what — all read from the report view model, as the terminal reads them.

import { describeDatasetFormats, describeDatasetRun } from "../dataset-text.ts";
import { formatCount, formatDurationMs, formatKinds, formatRatio } from "../format.ts";
import { describeTableEngine } from "../table-engine-text.ts";
import type { ReportView, TimingView } from "../view-model.ts";
import { html, type Markup } from "./markup.ts";

/** Why: the first screen answers "did behaviour change, and does the gate let it through". */
export function renderSummarySection(view: ReportView): Markup {
  const { components } = view;
  return html`<header>
<h1>twinrun: ${components.old.label} → ${components.new.label}</h1>
<div class="muted">${view.report.createdAt}${view.tolerance}</div>
</header>
<section class="verdict ${view.verdict}" id="verdict">
<span class="word">${view.verdict}</span>
<span class="gate ${view.gate.status}">${view.gateLine}</span>
</section>
${renderNotes(view)}
${renderCounts(view)}
${renderFacts(view)}`;
}

// The warnings, then each path rule that matched nothing (it compared nothing: likely a typo).
function renderNotes(view: ReportView): Markup {
  const unused = view.unusedRules;
  if (view.notes.length === 0 && unused === undefined) return html``;
  const code = (path: string) => html`<code>${path}</code>`;
  const rules = (unused?.lines ?? []).map((line) => {
    const guess = line.suggestion === undefined ? "" : html`; did you mean ${code(line.suggestion)}?`;
    return html`<li>Unused ${line.what} ${code(line.path)}: it matched no path in any output${guess}</li>`;
  });
  return html`<ul class="notes">${view.notes.map((note) => html`<li>${note.strong ? html`<b>${note.text}</b>` : note.text}</li>`)}${rules}${
    unused?.more === undefined ? "" : html`<li>${unused.more}</li>`
  }</ul>`;
}

function renderCounts(view: ReportView): Markup {
  const { counts, failures } = view;
  const cards: [string, string][] = [
    [
      view.complete
        ? formatCount(counts.trials)
        : `${formatCount(counts.trials)} of ${formatCount(counts.planned)}`,
      view.kind === "tables" ? "rows" : "trials",
    ],
    [formatCount(counts.same), "same"],
    [formatRatio(counts.changed, counts.trials), "changed"],
  ];
  if (counts.inconclusive > 0) cards.push([formatCount(counts.inconclusive), "inconclusive"]);
  if (
    failures !== undefined &&
    (view.kind === "records" || failures.old + failures.new + failures.both > 0)
  ) {
    cards.push([`${failures.old} · ${failures.new} · ${failures.both}`, "failures old · new · both"]);
  }
  cards.push(...timingCards(view.timing));
  return html`<div class="counts">${cards.map(([value, name]) => html`<div class="count"><b>${value}</b><span>${name}</span></div>`)}</div>`;
}

function timingCards(timing: TimingView): [string, string][] {
  const wall: [string, string] = [formatDurationMs(timing.wallMs), "wall"];
  if (timing.kind === "wall") return [wall];
  if (timing.kind === "once")
    return [[`${formatDurationMs(timing.oldMs)} · ${formatDurationMs(timing.newMs)}`, "run old · new"], wall];
  return [
    [
      `${formatDurationMs(timing.old.p50)} · ${formatDurationMs(timing.new.p50)}`,
      `p50 per ${timing.per} old · new`,
    ],
    wall,
  ];
}

function renderFacts(view: ReportView): Markup {
  const { components, sample, report } = view;
  const facts: [string, string][] = [
    ["old", `${components.old.label} — ${components.old.spec}`],
    ["new", `${components.new.label} — ${components.new.spec}`],
  ];
  if (sample !== undefined) {
    facts.push(["input", `${sample.source} (${sample.format}, sha256 ${sample.sha256.slice(0, 12)})`]);
    facts.push(["sample", sample.line]);
    if (sample.coverPicks !== undefined) facts.push(["covers", sample.coverPicks]);
  }
  if (view.table?.files !== undefined) {
    for (const side of ["old", "new"] as const) {
      const file = view.table.files[side];
      facts.push([
        `${side} file`,
        `${file.reference ?? file.path} (${file.format}, sha256 ${file.sha256.slice(0, 12)})`,
      ]);
    }
  }
  const engine = describeTableEngine(view.table?.engine);
  if (engine !== undefined) facts.push(["engine", engine]);
  if (view.dataset !== undefined) {
    facts.push(["batch runs", describeDatasetFormats(view.dataset)]);
    for (const side of ["old", "new"] as const)
      facts.push([`${side} run`, describeDatasetRun(view.dataset[side])]);
    if (view.dataset.keptTemp !== undefined) facts.push(["temp files", view.dataset.keptTemp]);
  }
  if (view.base !== undefined) facts.push(["base", `${view.base.ref} (${view.base.commit.slice(0, 12)})`]);
  if (view.shard !== undefined) facts.push(["shard", `${view.shard.index} of ${view.shard.count}`]);
  const kinds = formatKinds(sumKinds(report.paths));
  if (kinds !== "") facts.push(["kinds", kinds]);
  return html`<dl class="facts">${facts.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl>`;
}

/** Why: a condition the changed inputs share is often the quickest explanation of a change. */
export function renderHints(view: ReportView): Markup {
  if (view.hints === undefined) return html``;
  return html`<section id="hints"><h2>When it changes</h2>
<table><thead><tr><th>path</th><th>condition on the inputs</th><th>trials</th></tr></thead>
<tbody>${view.hints.map((hint) => html`<tr><td class="path">${hint.target}</td><td class="mono">${hint.text}</td><td class="muted">${hint.counts}</td></tr>`)}</tbody></table>
</section>`;
}

// Difference kinds over every path, counted per path and trial.
function sumKinds(paths: ReportView["report"]["paths"]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const stats of paths) {
    for (const [kind, count] of Object.entries(stats.kinds)) kinds[kind] = (kinds[kind] ?? 0) + (count ?? 0);
  }
  return kinds;
}
