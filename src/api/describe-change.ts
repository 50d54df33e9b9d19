// The text a failing `toBeEquivalent()` shows: what the terminal report shows first — the changed
// paths table and the first differing input with its diff — without colours.
import type { Report } from "../report/types.ts";
import { renderExample } from "../reporters/examples.ts";
import { DEFAULT_WIDTH } from "../reporters/fit.ts";
import { renderPathsGrid } from "../reporters/paths-grid.ts";
import { createPaint } from "../reporters/style.ts";
import { viewReport } from "../reporters/view-model.ts";

/** Why: a failing test must say in one screen what changed, where, and on which input. */
export function describeChange(report: Report): string {
  const paint = createPaint(false);
  const { summary, components } = report;
  const who = `${components.old.label} → ${components.new.label}`;
  const lines = [
    `expected ${who} to be equivalent, but ${summary.changed} of ${summary.trials} trial${summary.trials === 1 ? "" : "s"} changed` +
      ` (failures: old ${summary.failures.old}, new ${summary.failures.new}, both ${summary.failures.both}; gate: max changed ${report.gate.maxChanged})`,
  ];
  if (!report.complete) lines.push("the run was interrupted: counts cover completed trials only");
  if (report.gate.reason !== undefined) lines.push(`gate: ${report.gate.reason}`);
  const { changedPaths } = viewReport(report);
  if (changedPaths.length > 0) lines.push("", "Changed paths", renderPathsGrid(changedPaths, paint));
  const first = report.examples[0];
  if (first !== undefined) lines.push("", ...renderExample(first, { paint, width: DEFAULT_WIDTH }));
  return lines.join("\n");
}

/** Why: `.not.toBeEquivalent()` fails when nothing changed; it says so with the counts. */
export function describeNoChange(report: Report): string {
  const { summary, components } = report;
  return (
    `expected ${components.old.label} → ${components.new.label} to differ, but all ${summary.trials} trial` +
    `${summary.trials === 1 ? " was" : "s were"} equivalent (gate: max changed ${report.gate.maxChanged})`
  );
}

/** Why: the matcher passes when the gate passes on a complete run: by default, when no trial changed. */
export function isEquivalent(report: Report): boolean {
  return report.complete && report.gate.passed;
}
