// Sentences the CI reporters (Markdown, JUnit, GitHub annotations) share, so a PR comment, a
// test dashboard and an annotation say the same thing about the same report.
import { listAcceptedPaths } from "../accept/evaluate.ts";
import type { PathStats, Report } from "../report/types.ts";
import { formatCompactNumber, formatKinds, formatPercent } from "./format.ts";

/** The outcome in one word and one title. */
export interface Headline {
  status: "passed" | "failed" | "incomplete" | "error";
  title: string;
}

/** Why: every CI surface opens with the same verdict, in words a reviewer reads at a glance. */
export function describeHeadline(report: Report): Headline {
  // An interrupted run never reads as a pass, whatever it saw before it stopped.
  if (report.gate.status === "incomplete") {
    const seen =
      report.verdict === "changed" ? ", behavioural change in the finished trials" : ", no verdict";
    return { status: "incomplete", title: `twinrun: incomplete run${seen} (exit ${report.gate.exitCode})` };
  }
  const incomplete = report.complete ? "" : " (incomplete run)";
  if (report.verdict === "error") return { status: "error", title: `twinrun: no verdict${incomplete}` };
  if (!report.gate.passed) {
    const title = report.verdict === "changed" ? "behavioural change" : "gate failed";
    return { status: "failed", title: `twinrun: ${title}${incomplete}` };
  }
  if (report.verdict === "equivalent")
    return { status: "passed", title: `twinrun: no behavioural change${incomplete}` };
  const onlyAccepted = report.accepted !== undefined && report.gate.counted === 0;
  return {
    status: "passed",
    title: `twinrun: ${onlyAccepted ? "only accepted changes" : "changes within the gate"}${incomplete}`,
  };
}

/** `3 of 100 inputs changed; the gate counted 1 (max changed 0) → failed, exit 1`. */
export function describeGateLine(report: Report): string {
  const { summary, gate } = report;
  const counted =
    gate.counted !== undefined && gate.counted !== summary.changed
      ? `; ${gate.counted} not covered by accepted differences`
      : "";
  const outcome = gate.passed
    ? "passed"
    : gate.status === "incomplete"
      ? `incomplete (interrupted) → exit ${gate.exitCode}`
      : `failed → exit ${gate.exitCode}`;
  const reason = gate.reason !== undefined ? ` (${gate.reason})` : "";
  return `${summary.changed} of ${summary.trials} ${unitOf(report)} changed${counted} · gate ${outcome} (max changed ${gate.maxChanged})${reason}`;
}

/** A changed path and whether accepted differences covered every change there. */
export interface ChangedPath {
  stats: PathStats;
  accepted: boolean;
}

/** Why: reporters list changed paths the same way: most changed first, accepted ones marked. */
export function listChangedPaths(report: Report): ChangedPath[] {
  const accepted = listAcceptedPaths(report.accepted);
  return report.paths
    .filter((stats) => stats.changed > 0)
    .sort((a, b) => b.changed - a.changed || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((stats) => ({ stats, accepted: accepted.has(stats.path) }));
}

/** `changed on 3 of 100 inputs (3%): value×3, max abs 1, max rel 0.1; inputs #3 #13 #23`. */
export function describePathChange(stats: PathStats, unit: "inputs" | "rows" = "inputs"): string {
  const share = stats.compared > 0 ? ` (${formatPercent((stats.changed / stats.compared) * 100)})` : "";
  const parts = [formatKinds(stats.kinds)];
  if (stats.maxAbs !== undefined) parts.push(`max abs ${formatCompactNumber(stats.maxAbs)}`);
  if (stats.maxRel !== undefined) parts.push(`max rel ${formatCompactNumber(stats.maxRel)}`);
  const more = stats.changed > stats.exampleIndices.length ? " …" : "";
  const examples = stats.exampleIndices.map((index) => `#${index}`).join(" ");
  return `changed on ${stats.changed} of ${stats.compared} ${unit}${share}: ${parts.join(", ")}; ${unit} ${examples}${more}`;
}

/**
 * Why: a table comparison's trials are rows, a run's are inputs; messages say which. A dataset run
 * whose side failed compared no tables: its one trial is the whole sample, not a row.
 */
export function unitOf(report: Report): "inputs" | "rows" {
  return report.kind === "tables" && report.table !== undefined ? "rows" : "inputs";
}
