// The reporters: re-exports and the name → reporter registry.
import { renderGithubAnnotations } from "./github-annotations.ts";
import { renderHtmlReport } from "./html/html-reporter.ts";
import { renderJsonReportTo } from "./json.ts";
import { renderJunitReport } from "./junit.ts";
import { renderMarkdownReport } from "./markdown.ts";
import type { ReporterName } from "./names.ts";
import { neutraliseReport } from "./neutralise.ts";
import { renderTerminalReport } from "./terminal.ts";
import type { Reporter } from "./types.ts";

export { renderGithubAnnotations } from "./github-annotations.ts";
export { renderHtmlReport } from "./html/html-reporter.ts";
export { renderJsonReport, renderJsonReportTo, writeJsonReport } from "./json.ts";
export { renderJunitReport, writeJunitReport } from "./junit.ts";
export { renderMarkdownReport, writeMarkdownReport } from "./markdown.ts";
export { REPORTER_NAMES, type ReporterName } from "./names.ts";
export { neutraliseReport, neutraliseText } from "./neutralise.ts";
export { isReporterName, parseReporterSpec, type ReportOutput, resolveReportOutputs } from "./outputs.ts";
export { createProgress, type Progress, type ProgressStream } from "./progress.ts";
export { renderTerminalReport } from "./terminal.ts";
export type { RenderOptions, Reporter, TextSink } from "./types.ts";
export { writeReports } from "./write-reports.ts";

/** A reporter for people's screens and CI pages: it sees the report with every foreign string neutralised. */
function shown(render: Reporter): Reporter {
  return (report, out, options) => render(neutraliseReport(report), out, options);
}

/**
 * Every reporter by name, so the CLI, config and API look one up instead of switching on names.
 * JSON is the report itself (strict JSON escapes control characters); every other reporter is shown.
 */
export const reporters: Readonly<Record<ReporterName, Reporter>> = Object.freeze({
  terminal: shown(renderTerminalReport),
  json: (report, out) => renderJsonReportTo(report, out),
  markdown: shown(renderMarkdownReport),
  junit: shown(renderJunitReport),
  github: shown(renderGithubAnnotations),
  html: shown(renderHtmlReport),
});
