// The terminal lines the CI features add under the terminal report: the shard, and what the
// accepted differences covered (used, unused and exceeded entries), so a passing gate with
// changed inputs is never a mystery.
import type { Report } from "../report/types.ts";
import { createPaint } from "./style.ts";
import type { RenderOptions, TextSink } from "./types.ts";
import { viewReport } from "./view-model.ts";

/** Writes nothing when the report has no shard and no accepted differences. */
export function renderCiNotes(report: Report, out: TextSink, options: Pick<RenderOptions, "color">): void {
  const view = viewReport(report);
  const paint = createPaint(options.color);
  const lines: string[] = [];
  if (view.shard !== undefined) {
    lines.push(
      `Shard ${view.shard.index}/${view.shard.count}: ${report.sample.indices.length} of the ${report.sample.size} sampled inputs ` +
        "(combine the shard reports with `twinrun merge`).",
    );
  }
  const accepted = view.accepted;
  if (accepted !== undefined) {
    const name = accepted.file.split(/[\\/]/).pop() ?? accepted.file;
    const counted = view.gate.counted ?? accepted.uncoveredTrials;
    lines.push(
      `${paint("bold", `Accepted differences (${name})`)}: ${accepted.coveredTrials} changed input(s) covered, ` +
        `${accepted.uncoveredTrials} not covered; the gate counted ${counted}.`,
    );
    for (const entry of accepted.entries) {
      const what = `${entry.path} [${entry.kinds.join(", ")}] ≤ ${entry.maxChanged}`;
      if (entry.status === "used") {
        lines.push(`  ${paint("green", "used    ")}  ${what}: matched ${entry.matchedTrials} input(s)`);
      } else if (entry.status === "unused") {
        const hint = accepted.strict
          ? "fails the gate (--strict-accepted)"
          : "remove it once the change is gone";
        lines.push(`  ${paint("yellow", "unused  ")}  ${what}: matched nothing; ${hint}`);
      } else {
        lines.push(
          `  ${paint("red", "exceeded")}  ${what}: matched ${entry.matchedTrials} input(s), beyond its range, so it covers nothing`,
        );
      }
    }
  }
  if (view.gate.reason !== undefined) lines.push(paint("red", `Gate failed: ${view.gate.reason}`));
  if (lines.length > 0) out.write(`${lines.join("\n")}\n`);
}
