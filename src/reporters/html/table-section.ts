// A table comparison in the HTML report: schema, rows, per-column changes with a bar each, and per
// numeric column the old and new distributions over PSI's bins, their quantiles and the PSI.
import type { DistributionStats, TableReport } from "../../table/types.ts";
import { formatCount, formatRatio } from "../format.ts";
import { formatColumnCells, orderColumns } from "../table-columns.ts";
import { formatSummaries, selectDistribution } from "../table-distribution.ts";
import {
  describeDuplicates,
  describeMatch,
  describeOnlySide,
  describePsiLegend,
  describeRowCounts,
  describeSameSchema,
  formatPsi,
  listSchemaChanges,
  readPsi,
} from "../table-text.ts";
import { binSharesSpec, categorySharesSpec, type ShareBin } from "./chart-specs.ts";
import { html, type Markup } from "./markup.ts";
import { renderChart } from "./render-chart.ts";

/** Columns listed as rows before the rest is counted. */
export const MAX_COLUMN_ROWS = 200;
const SUMMARY_NAMES = ["mean", "std", "min", "p1", "p50", "p99", "max"];

/** Why: a table diff reads from "same columns?" through "same rows?" to "how did values move". */
export async function renderTableSection(table: TableReport): Promise<Markup> {
  return html`${renderSchema(table)}${renderRows(table)}${renderColumns(table)}${await renderDistributions(table)}${await renderCategories(table)}`;
}

function renderSchema(table: TableReport): Markup {
  const changes = listSchemaChanges(table, (name) => name);
  const body =
    changes.length === 0
      ? html`<p>${describeSameSchema(table)}</p>`
      : html`<ul>${changes.map((line) => html`<li>${line}</li>`)}</ul>`;
  return html`<section id="schema"><h2>Schema</h2>
<p class="muted">old ${formatCount(table.schema.columns.old.length)} columns, new ${formatCount(table.schema.columns.new.length)}</p>
${body}</section>`;
}

function renderRows(table: TableReport): Markup {
  const lines = [describeRowCounts(table)];
  for (const side of ["old", "new"] as const) {
    const only = describeOnlySide(table, side, (text) => text);
    if (only !== undefined) lines.push(only);
    const duplicates = describeDuplicates(table, side, (text) => text);
    if (duplicates !== undefined) lines.push(duplicates);
  }
  return html`<section id="rows"><h2>Rows</h2>
<p>matched ${describeMatch(table.match, (text) => text)}</p>
<ul>${lines.map((line) => html`<li>${line}</li>`)}</ul></section>`;
}

function renderColumns(table: TableReport): Markup {
  const { changed, unchanged } = orderColumns(table.columns);
  const ordered = [...changed, ...unchanged];
  const shown = ordered.slice(0, MAX_COLUMN_ROWS);
  const most = Math.max(1e-12, ...shown.map((stats) => stats.changed / Math.max(1, stats.compared)));
  const rows = shown.map((stats) => {
    const share = stats.changed / Math.max(1, stats.compared);
    const width = stats.changed === 0 ? 0 : Math.max(1, Math.round((share / most) * 100));
    const [changedCell, ...rest] = formatColumnCells(stats);
    return html`<tr><td class="path">${stats.column}</td><td class="num">${changedCell}</td><td><div class="bar" title="${formatRatio(stats.changed, stats.compared)}"><span style="width:${width}%"></span></div></td>${rest.map((cell) => html`<td class="num">${cell}</td>`)}</tr>`;
  });
  const hidden = ordered.length - shown.length;
  return html`<section id="columns"><h2>Columns <span class="muted">(${changed.length} of ${table.columns.length} changed)</span></h2>
<table><thead><tr><th>column</th><th class="num">changed</th><th></th><th class="num">max abs</th><th class="num">max rel</th><th class="num">mean abs</th><th class="num">nulls old / new</th><th class="num">null changes</th></tr></thead>
<tbody>${rows}</tbody></table>
${hidden > 0 ? html`<p class="muted">… and ${formatCount(hidden)} more columns in the JSON report.</p>` : ""}
</section>`;
}

async function renderDistributions(table: TableReport): Promise<Markup> {
  if (table.distribution.length === 0) return html``;
  const { shown, stable, hidden } = selectDistribution(table);
  const figures: Markup[] = [];
  for (const stats of shown) figures.push(await renderDistribution(stats, table.psiMax));
  return html`<section id="distributions"><h2>Distributions</h2>
<p class="muted">${describePsiLegend(table.psiMax)}. Bars: each side's share of rows in the old side's decile bins.</p>
${figures}
${hidden > 0 ? html`<p class="muted">… and ${formatCount(hidden)} more shifted or changed columns in the JSON report.</p>` : ""}
${stable > 0 ? html`<p class="muted">${formatCount(stable)} stable numeric column${stable === 1 ? "" : "s"} not shown (values unchanged, PSI below 0.1).</p>` : ""}
</section>`;
}

async function renderDistribution(stats: DistributionStats, psiMax: number | undefined): Promise<Markup> {
  const [oldCells, newCells] = formatSummaries(stats.old, stats.new);
  const level = readPsi(stats.psi, psiMax);
  const chart =
    stats.bins === undefined
      ? html``
      : html`<figure class="chart" data-chart="distribution"><figcaption>old vs new, share of rows per bin</figcaption>${await renderChart(
          binSharesSpec({ bins: shareBins(stats.bins), axisTitle: stats.column }),
        )}</figure>`;
  return html`<h3 class="mono">${stats.column} <span class="psi ${level}">PSI ${formatPsi(stats, psiMax)}</span>${stats.sampled ? html` <span class="muted">(from a sample of each side)</span>` : ""}</h3>
<div class="charts">${chart}
<table class="quantiles"><thead><tr><th></th><th class="num">count</th>${SUMMARY_NAMES.map((name) => html`<th class="num">${name}</th>`)}</tr></thead>
<tbody><tr><td><span class="swatch old"></span>old</td><td class="num">${formatCount(stats.old.count)}</td>${oldCells.map((cell) => html`<td class="num">${cell}</td>`)}</tr>
<tr><td><span class="swatch new"></span>new</td><td class="num">${formatCount(stats.new.count)}</td>${newCells.map((cell) => html`<td class="num">${cell}</td>`)}</tr></tbody></table>
</div>`;
}

/** Text columns whose top values hold at least this share of a side's rows are drawn (not ids). */
export const MIN_TOP_SHARE = 0.5;
/** Categorical columns drawn at most. */
export const MAX_CATEGORY_CHARTS = 12;

async function renderCategories(table: TableReport): Promise<Markup> {
  const changed = new Set(table.columns.filter((stats) => stats.changed > 0).map((stats) => stats.column));
  const categorical = (table.categories ?? []).filter((stats) => {
    const covered = (side: "old" | "new") =>
      stats.values.reduce((sum, entry) => sum + entry[side], 0) / Math.max(1, stats.totals[side]);
    return Math.max(covered("old"), covered("new")) >= MIN_TOP_SHARE;
  });
  if (categorical.length === 0) return html``;
  // Changed columns first, then the rest in file order.
  const ordered = [
    ...categorical.filter((stats) => changed.has(stats.column)),
    ...categorical.filter((stats) => !changed.has(stats.column)),
  ];
  const shown = ordered.slice(0, MAX_CATEGORY_CHARTS);
  const figures: Markup[] = [];
  for (const stats of shown) {
    const share = (count: number, side: "old" | "new") => count / Math.max(1, stats.totals[side]);
    const values = stats.values.map((entry) => ({
      value: entry.value,
      old: share(entry.old, "old"),
      new: share(entry.new, "new"),
    }));
    const svg = await renderChart(categorySharesSpec({ values }));
    const rows = stats.values.map(
      (entry) =>
        html`<tr><td class="mono">${entry.value}</td><td class="num">${formatCount(entry.old)}</td><td class="num">${formatCount(entry.new)}</td></tr>`,
    );
    figures.push(html`<h3 class="mono">${stats.column} <span class="muted">(${formatCount(stats.distinct)} distinct values)</span></h3>
<div class="charts"><figure class="chart" data-chart="categories"><figcaption>top values, share of each side's rows</figcaption>${svg}</figure>
<table><thead><tr><th>value</th><th class="num"><span class="swatch old"></span>old</th><th class="num"><span class="swatch new"></span>new</th></tr></thead><tbody>${rows}</tbody></table></div>`);
  }
  const hidden = ordered.length - shown.length;
  return html`<section id="categories"><h2>Categorical columns</h2>
<p class="muted">The most frequent values of each text column, over every row of each side.</p>
${figures}
${hidden > 0 ? html`<p class="muted">… and ${formatCount(hidden)} more categorical columns in the JSON report.</p>` : ""}
</section>`;
}

/** PSI's bins as labelled shares: `≤ 1.5`, `(1.5, 3]`, …, `> 9`; labels kept distinct for the axis. */
export function shareBins(bins: NonNullable<DistributionStats["bins"]>): ShareBin[] {
  const oldTotal = bins.old.reduce((sum, count) => sum + count, 0) || 1;
  const newTotal = bins.new.reduce((sum, count) => sum + count, 0) || 1;
  const { edges } = bins;
  const edge = (value: number) => String(Number(value.toPrecision(4)));
  const seen = new Set<string>();
  return bins.old.map((oldCount, index) => {
    let label =
      edges.length === 0
        ? "all"
        : index === 0
          ? `≤ ${edge(edges[0])}`
          : index >= edges.length
            ? `> ${edge(edges[edges.length - 1])}`
            : `(${edge(edges[index - 1])}, ${edge(edges[index])}]`;
    // Two bins whose edges print alike would share one bar on an ordinal axis.
    if (seen.has(label)) label = `${label} #${index + 1}`;
    seen.add(label);
    return { label, old: oldCount / oldTotal, new: (bins.new[index] ?? 0) / newTotal };
  });
}
