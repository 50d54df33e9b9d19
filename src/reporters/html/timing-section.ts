// How long each side took per trial: the two duration distributions overlaid, with p50 and p95.
import type { TimingStats } from "../../report/types.ts";
import { formatDurationMs } from "../format.ts";
import type { ReportView } from "../view-model.ts";
import { logHistogramSpec } from "./chart-specs.ts";
import { html, type Markup } from "./markup.ts";
import { renderChart } from "./render-chart.ts";

/** Why: a refactor that doubles the tail latency is a behaviour change people want to see. */
export async function renderTimingSection(view: ReportView): Promise<Markup> {
  // A file diff runs nothing; a dataset run runs each side once (its two durations are in the summary).
  if (view.timing.kind !== "per-trial") return html``;
  const { old, new: newSide, per } = view.timing;
  if (old.histogramMs === undefined || newSide.histogramMs === undefined) return html``;
  const svg = await renderChart(
    logHistogramSpec({
      series: [
        { name: "old", bins: old.histogramMs },
        { name: "new", bins: newSide.histogramMs },
      ],
      axisTitle: `duration per ${per} (ms)`,
    }),
  );
  const row = (name: string, stats: TimingStats) =>
    html`<tr><td><span class="swatch ${name}"></span>${name}</td><td class="num">${formatDurationMs(stats.p50)}</td><td class="num">${formatDurationMs(stats.p95)}</td><td class="num">${formatDurationMs(stats.totalMs)}</td></tr>`;
  return html`<section id="timing">
<h2>Timing</h2>
<div class="charts">
<figure class="chart" data-chart="timing"><figcaption>durations, old and new overlaid</figcaption>${svg}</figure>
<table><thead><tr><th>side</th><th class="num">p50</th><th class="num">p95</th><th class="num">total</th></tr></thead>
<tbody>${row("old", old)}${row("new", newSide)}</tbody></table>
</div>
</section>`;
}
