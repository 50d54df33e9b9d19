// The terminal lines the CI features add under the terminal report's head: the shard, what the
// accepted differences covered (used, unused and exceeded entries), so a passing gate with
// changed inputs is never a mystery, and why the gate failed when the counts alone would pass.
import { describeAcceptedLimit } from "../accept/evaluate.ts";
import type { Paint } from "./style.ts";
import type { ReportView } from "./view-model.ts";

/** No lines when the report has no shard, no accepted differences and no gate reason. */
export function listCiNotes(view: ReportView, paint: Paint): string[] {
  const { sample } = view.report;
  const lines: string[] = [];
  if (view.shard !== undefined) {
    lines.push(
      `Shard ${view.shard.index}/${view.shard.count}: ${sample.indices.length} of the ${sample.size} sampled inputs ` +
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
      const what = `${entry.path} [${entry.kinds.join(", ")}] ${describeAcceptedLimit(entry)}`;
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
  return lines;
}
