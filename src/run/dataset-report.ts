// Dataset mode's reports: the parts every dataset report shares, and the report of a run in
// which a side failed (so no tables were compared).
import { describeComponent } from "../../adapters/components.ts";
import type { Outcome } from "../../adapters/types.ts";
import { Aggregator } from "../aggregate/aggregator.ts";
import { createComparator } from "../compare/comparator.ts";
import type { ResolvedRunConfig } from "../config/types.ts";
import { ExitCode } from "../errors.ts";
import { evaluateGate, toReportGate } from "../gate/gate.ts";
import type { Sample } from "../inputs/types.ts";
import type { DatasetReport, DatasetSideReport, Report } from "../report/types.ts";
import type { DatasetSides, SideRun } from "./run-dataset.ts";

/**
 * One side failed: one trial whose example shows the failure, judged like any trial (a changed
 * outcome). Both failed: nothing was compared, so there is no verdict to give (exit 3).
 */
export function failedReport(
  config: ResolvedRunConfig,
  base: Report,
  oldRun: SideRun,
  newRun: SideRun,
): Report {
  const comparator = createComparator(config.compare);
  const aggregator = new Aggregator({ maxExamples: config.report.examples });
  const oldOutcome = outcomeOf(oldRun);
  const newOutcome = outcomeOf(newRun);
  aggregator.add({
    index: 0,
    inputText: `the whole sample (${base.sample.size} records)`,
    old: oldOutcome,
    new: newOutcome,
    comparison: comparator.compareOutcomes(oldOutcome, newOutcome),
  });
  const aggregate = aggregator.result();
  if (oldRun.status === "failure" && newRun.status === "failure") {
    return {
      ...base,
      verdict: "error",
      error: `both sides failed, so nothing was compared: old: ${oldRun.failure.message}; new: ${newRun.failure.message}`,
      summary: aggregate.summary,
      paths: aggregate.paths,
      examples: aggregate.examples,
      gate: { ...base.gate, passed: false, exitCode: ExitCode.componentStart },
    };
  }
  const gate = evaluateGate(aggregate.summary, config.gate.maxChanged);
  return {
    ...base,
    verdict: gate.verdict,
    summary: aggregate.summary,
    paths: aggregate.paths,
    examples: aggregate.examples,
    gate: toReportGate(gate),
  };
}

/** A side's run as the outcome of the one trial a failed dataset report holds. */
function outcomeOf(run: SideRun): Outcome {
  if (run.status === "failure") return run;
  return { status: "ok", text: "null", value: null, durationMs: run.durationMs };
}

/** A side's run as the report's `dataset` section shows it. */
export function sideReport(run: SideRun): DatasetSideReport {
  return run.status === "ok"
    ? { status: "ok", durationMs: run.durationMs }
    : { status: "failure", durationMs: run.durationMs, failure: run.failure };
}

/** The parts of the report that do not depend on how the comparison went. */
export function baseReport(
  config: ResolvedRunConfig,
  sides: DatasetSides,
  sample: Sample,
  dataset: DatasetReport,
  startedAt: number,
  interrupted: boolean,
): Report {
  const timing = (run: DatasetSideReport) => ({
    p50: run.durationMs,
    p95: run.durationMs,
    totalMs: run.durationMs,
  });
  return {
    tool: "twinrun",
    reportVersion: 1,
    createdAt: new Date().toISOString(),
    complete: !interrupted,
    verdict: "error",
    components: {
      old: { label: sides.label.old, spec: describeComponent(config.old) },
      new: { label: sides.label.new, spec: describeComponent(config.new) },
    },
    sample: sample.identity,
    summary: { trials: 0, same: 0, changed: 0, failures: { old: 0, new: 0, both: 0 }, truncatedTrials: 0 },
    paths: [],
    examples: [],
    timing: { old: timing(dataset.old), new: timing(dataset.new), wallMs: Date.now() - startedAt },
    gate: { maxChanged: "0", passed: false, exitCode: ExitCode.usage },
    settings: sides.settings,
    ...(sides.base !== undefined && { base: sides.base }),
    dataset,
  };
}
