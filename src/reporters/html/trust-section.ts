// What the verdict can be trusted for: old's own noise (calibration) with every noisy path, what the
// sample rules out about the whole source, and how much slower new ran.
import type { ReportView } from "../view-model.ts";
import { html, type Markup } from "./markup.ts";

/** Why: the noise the changes were judged against comes before them, as in the terminal. */
export function renderCalibrationSection(view: ReportView): Markup {
  if (view.calibration === undefined) return html``;
  const rows = view.noisyPaths.map(
    (row) =>
      html`<tr><td class="path">${row.path}</td><td class="num">${row.oldVsOld}</td><td>${row.kinds}</td><td class="num">${row.maxAbs}</td><td class="num">${row.maxRel}</td><td>${row.run}</td><td class="mono">${row.rule}</td></tr>`,
  );
  const table =
    rows.length === 0
      ? ""
      : html`<table><thead><tr><th>path</th><th class="num">old vs old</th><th>kinds</th><th class="num">max abs</th><th class="num">max rel</th><th>this run</th><th>explicit rule</th></tr></thead><tbody>${rows}</tbody></table>`;
  return html`<section id="calibration"><h2>Noise: old against old</h2>
<p>${view.calibration}</p>
${table}</section>`;
}

/** The sample's bound on the source's change rate, the sample a target rate needs, and the slowdown. */
export function renderTrustSection(view: ReportView): Markup {
  const lines = [view.changeRate, view.target, view.slowdown].filter((line) => line !== undefined);
  if (lines.length === 0) return html``;
  return html`<section id="trust"><h2>What the sample says</h2>
<ul>${lines.map((line) => html`<li>${line}</li>`)}</ul></section>`;
}
