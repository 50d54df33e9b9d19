// Where behaviour changed: the changed paths (columns, for tables) with a bar each, then how the
// abs and rel errors of each numeric path spread.
import type { ChangedPath } from "../ci-text.ts";
import { formatCompactNumber, formatKinds, formatRatio } from "../format.ts";
import type { ReportView } from "../view-model.ts";
import { logHistogramSpec } from "./chart-specs.ts";
import { html, type Markup } from "./markup.ts";
import { renderChart } from "./render-chart.ts";

/** Paths beyond this many are counted, not listed (the JSON report has them all). */
export const MAX_PATH_ROWS = 200;
/** Error histograms are drawn for this many numeric paths, most changed first. */
export const MAX_ERROR_CHARTS = 12;

/** Why: the table says where and how often; the bar makes the biggest change visible at a glance. */
export function renderPathsSection(view: ReportView): Markup {
  const shown = view.changedPaths.slice(0, MAX_PATH_ROWS);
  const hidden = view.changedPaths.length - shown.length;
  const most = Math.max(1e-12, ...shown.map(({ stats }) => stats.changed / Math.max(1, stats.compared)));
  return html`<section id="paths">
<h2>Changed paths (${view.changedPaths.length})</h2>
<table>
<thead><tr><th>path</th><th class="num">changed</th><th></th><th>kinds</th><th class="num">max abs</th><th class="num">max rel</th><th>inputs</th></tr></thead>
<tbody>
${shown.map((path) => renderPathRow(path, most))}
</tbody>
</table>
${hidden > 0 ? html`<p class="muted">… and ${hidden} more in the JSON report.</p>` : ""}
</section>`;
}

function renderPathRow({ stats, accepted }: ChangedPath, most: number): Markup {
  const share = stats.changed / Math.max(1, stats.compared);
  // Scaled to the most changed path, so small rates stay visible; the ratio beside it is exact.
  const width = Math.max(1, Math.round((share / most) * 100));
  const inputs = html`<td class="mono">${stats.exampleIndices.map((index) => `#${index}`).join(" ")}${stats.changed > stats.exampleIndices.length ? " …" : ""}</td>`;
  return html`<tr>
<td class="path">${stats.path}${accepted ? html` <span class="kind">accepted</span>` : ""}</td>
<td class="num">${formatRatio(stats.changed, stats.compared)}</td>
<td><div class="bar" title="${formatRatio(stats.changed, stats.compared)}"><span style="width:${width}%"></span></div></td>
<td>${formatKinds(stats.kinds)}</td>
<td class="num">${stats.maxAbs === undefined ? "" : formatCompactNumber(stats.maxAbs)}</td>
<td class="num">${stats.maxRel === undefined ? "" : formatCompactNumber(stats.maxRel)}</td>
${inputs}
</tr>`;
}

/** Why: one large error and a thousand tiny ones read the same as a maximum; a histogram tells them apart. */
export async function renderErrorSection(view: ReportView): Promise<Markup> {
  const numeric = view.changedPaths
    .map(({ stats }) => stats)
    .filter((stats) => stats.errorBins !== undefined);
  if (numeric.length === 0) return html``;
  const shown = numeric.slice(0, MAX_ERROR_CHARTS);
  const figures: Markup[] = [];
  for (const stats of shown) {
    const bins = stats.errorBins!;
    const charts: Markup[] = [];
    for (const [measure, axisTitle] of [
      ["abs", "abs error |old − new|"],
      ["rel", "rel error |old − new| / max(|old|, |new|)"],
    ] as const) {
      if (bins[measure].length === 0) continue;
      const svg = await renderChart(
        logHistogramSpec({ series: [{ name: measure, bins: bins[measure] }], axisTitle }),
      );
      charts.push(
        html`<figure class="chart" data-chart="${measure}-errors"><figcaption>${measure} error</figcaption>${svg}</figure>`,
      );
    }
    figures.push(html`<h3 class="mono">${stats.path}</h3><div class="charts">${charts}</div>`);
  }
  const hidden = numeric.length - shown.length;
  return html`<section id="errors">
<h2>Numeric differences</h2>
<p class="muted">How far apart old and new numbers were, per path (differences beyond tolerance, counted per value).</p>
${figures}
${hidden > 0 ? html`<p class="muted">… and ${hidden} more numeric paths.</p>` : ""}
</section>`;
}
