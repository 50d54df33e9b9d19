// The reporters: re-exports and the name → reporter registry (html comes later).
import { renderGithubAnnotations } from "./github-annotations.ts";
import { renderJsonReportTo } from "./json.ts";
import { renderJunitReport } from "./junit.ts";
import { renderMarkdownReport } from "./markdown.ts";
import { renderTerminalReport } from "./terminal.ts";
import type { Reporter } from "./types.ts";

export { renderGithubAnnotations } from "./github-annotations.ts";
export { renderJsonReport, renderJsonReportTo, writeJsonReport } from "./json.ts";
export { renderJunitReport, writeJunitReport } from "./junit.ts";
export { renderMarkdownReport, writeMarkdownReport } from "./markdown.ts";
export { createProgress, type Progress, type ProgressStream } from "./progress.ts";
export { renderTerminalReport } from "./terminal.ts";
export type { RenderOptions, Reporter, TextSink } from "./types.ts";

/** The names a user can ask for (`--reporter`, `report.reporters`). */
export type ReporterName = "terminal" | "json" | "markdown" | "junit" | "github";

/** Every reporter by name, so the CLI looks one up instead of switching on names. */
export const reporters: Readonly<Record<ReporterName, Reporter>> = Object.freeze({
  terminal: renderTerminalReport,
  json: (report, out) => renderJsonReportTo(report, out),
  markdown: renderMarkdownReport,
  junit: renderJunitReport,
  github: renderGithubAnnotations,
});

/** True when name is a known reporter (for config validation and "did you mean" messages). */
export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(reporters, name);
}
