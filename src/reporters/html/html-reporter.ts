// The HTML reporter: one self-contained page (CSS and SVG charts inline, no script, no network)
// for people who want to see a change: where it is, how large, how the distributions moved.
import type { Report } from "../../report/types.ts";
import type { RenderOptions, TextSink } from "../types.ts";
import { viewReport } from "../view-model.ts";
import { renderExamplesSection } from "./examples-section.ts";
import { renderFailuresSection } from "./failures-section.ts";
import { html } from "./markup.ts";
import { renderPage } from "./page.ts";
import { renderErrorSection, renderPathsSection } from "./paths-section.ts";
import { renderHints, renderSummarySection } from "./summary-section.ts";
import { renderTableSection } from "./table-section.ts";
import { renderTimingSection } from "./timing-section.ts";
import { renderCalibrationSection, renderTrustSection } from "./trust-section.ts";

/**
 * Why: the registry's html entry. The report must already be neutralised (the registry does it);
 * every string is escaped here again, as HTML, so nothing from a component becomes markup.
 */
export async function renderHtmlReport(report: Report, out: TextSink, options: RenderOptions): Promise<void> {
  const view = viewReport(report);
  const { table } = view;
  const changed = view.counts.changed > 0;
  const body = html`${renderSummarySection(view)}
${renderTrustSection(view)}
${table === undefined ? "" : await renderTableSection(table)}
${renderCalibrationSection(view)}
${table === undefined && view.changedPaths.length > 0 ? renderPathsSection(view) : ""}
${renderHints(view)}
${changed ? await renderErrorSection(view) : ""}
${renderFailuresSection(report)}
${await renderTimingSection(view)}
${changed ? renderExamplesSection(view, options) : ""}
<footer>twinrun report · written ${report.createdAt} · the JSON report holds every number shown here</footer>`;
  const { components } = report;
  const title = `twinrun ${report.verdict}: ${components.old.label} → ${components.new.label}`;
  out.write(renderPage({ title, body }).text);
}
