// The reporters: re-exports and the name → reporter registry (html comes later: one more entry).
import { renderCiNotes } from "./ci-notes.ts";
import { renderGithubAnnotations } from "./github-annotations.ts";
import { renderJsonReportTo } from "./json.ts";
import { renderJunitReport } from "./junit.ts";
import { renderMarkdownReport } from "./markdown.ts";
import type { ReporterName } from "./names.ts";
import { renderTerminalReport } from "./terminal.ts";
import type { Reporter } from "./types.ts";

export { renderGithubAnnotations } from "./github-annotations.ts";
export { renderJsonReport, renderJsonReportTo, writeJsonReport } from "./json.ts";
export { renderJunitReport, writeJunitReport } from "./junit.ts";
export { renderMarkdownReport, writeMarkdownReport } from "./markdown.ts";
export { REPORTER_NAMES, type ReporterName } from "./names.ts";
export { isReporterName, parseReporterSpec, type ReportOutput, resolveReportOutputs } from "./outputs.ts";
export { createProgress, type Progress, type ProgressStream } from "./progress.ts";
export { renderTerminalReport } from "./terminal.ts";
export type { RenderOptions, Reporter, TextSink } from "./types.ts";
export { writeReports } from "./write-reports.ts";

/** Every reporter by name, so the CLI, config and API look one up instead of switching on names. */
export const reporters: Readonly<Record<ReporterName, Reporter>> = Object.freeze({
  terminal: (report, out, options) => {
    renderTerminalReport(report, out, options);
    // The shard and what the accepted differences covered, under the report.
    renderCiNotes(report, out, options);
  },
  json: (report, out) => renderJsonReportTo(report, out),
  markdown: renderMarkdownReport,
  junit: renderJunitReport,
  github: renderGithubAnnotations,
});
