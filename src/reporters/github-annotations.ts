// GitHub annotations: `::error title=…::…` workflow commands on stdout, which GitHub Actions shows
// on the run's summary page and in the PR. Written only when GITHUB_ACTIONS=true (the CLI decides).
import { describeExceededEntry } from "../accept/evaluate.ts";
import type { Report } from "../report/types.ts";
import { describePathChange } from "./ci-text.ts";
import type { RenderOptions, TextSink } from "./types.ts";
import { viewReport } from "./view-model.ts";

/** GitHub shows at most 10 error annotations per step; more lines would be dropped unseen. */
export const MAX_ERROR_ANNOTATIONS = 10;

type Level = "error" | "warning" | "notice";

/** One annotation per changed path (errors), per accepted path (notices), per unused entry (warnings). */
export function renderGithubAnnotations(report: Report, out: TextSink, _options: RenderOptions): void {
  const view = viewReport(report);
  const lines: string[] = [];
  const errors: string[] = [];
  if (view.verdict === "error") {
    errors.push(command("error", "twinrun: no verdict", view.error ?? view.gateLine));
  }
  if (!view.complete) {
    errors.push(
      command(
        "error",
        "twinrun: incomplete run",
        `the run was interrupted, so the gate gives no pass (exit ${view.gate.exitCode}); counts cover finished trials only`,
      ),
    );
  }
  for (const { stats, accepted } of view.changedPaths) {
    const message = `${stats.path} ${describePathChange(stats, view.unit)}`;
    if (accepted) lines.push(command("notice", `twinrun: ${stats.path} changed (accepted)`, message));
    else if (view.gate.passed) lines.push(command("warning", `twinrun: ${stats.path} changed`, message));
    else errors.push(command("error", `twinrun: ${stats.path} changed`, message));
  }
  for (const entry of view.accepted?.entries ?? []) {
    if (entry.status === "used") continue;
    const strict = view.accepted?.strict === true;
    const message =
      entry.status === "unused"
        ? `accepted entry ${entry.path} [${entry.kinds.join(", ")}] matched nothing; remove it once the change it approved is gone`
        : describeExceededEntry(entry);
    const level: Level = entry.status === "exceeded" || strict ? "error" : "warning";
    (level === "error" ? errors : lines).push(command(level, "twinrun: accepted differences", message));
  }
  if (!view.gate.passed && errors.length === 0 && view.gate.reason !== undefined) {
    errors.push(command("error", "twinrun: gate failed", view.gate.reason));
  }
  const shown = errors.slice(0, MAX_ERROR_ANNOTATIONS);
  if (errors.length > shown.length) {
    shown[shown.length - 1] = command(
      "error",
      view.headline.title,
      `${errors.length - shown.length + 1} more problems; ${view.gateLine} (see the job's report)`,
    );
  }
  const all = [...shown, ...lines];
  if (all.length > 0) out.write(`${all.join("\n")}\n`);
}

/** `::level title=…::message`, escaped as GitHub's workflow-command parser expects. */
export function command(level: Level, title: string, message: string): string {
  return `::${level} title=${escapeProperty(title)}::${escapeData(message)}`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
