// Dataset mode's reports: the parts every dataset report shares, and the parts of a run in
// which a side failed (so no tables were compared). The report builder judges both.
import { describeComponent } from "../../adapters/components.ts";
import type { Outcome } from "../../adapters/types.ts";
import { Aggregator } from "../aggregate/aggregator.ts";
import { createComparator } from "../compare/comparator.ts";
import type { ResolvedRunConfig } from "../config/types.ts";
import { ExitCode } from "../errors.ts";
import type { Sample } from "../inputs/types.ts";
import type { ReportParts, TablesParts } from "../report/build-report.ts";
import type { DatasetReport, DatasetSideReport } from "../report/types.ts";
import type { Slowdown } from "../slowdown/slowdown.ts";
import type { DatasetSides, SideRun } from "./run-batch-step.ts";

/** The parts of a dataset report that do not depend on how the comparison went. */
export type DatasetBaseParts = Omit<ReportParts, "summary" | "paths" | "examples"> &
  TablesParts & { dataset: DatasetReport };

/**
 * One side failed: one trial whose example shows the failure, judged like any trial (a changed
 * outcome). Both failed: nothing was compared, so there is no verdict to give (exit 3).
 */
export function failedReportParts(
  config: ResolvedRunConfig,
  base: DatasetBaseParts,
  oldRun: SideRun,
  newRun: SideRun,
): ReportParts {
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
  const { summary, paths, examples } = aggregator.result();
  const parts = { ...base, summary, paths, examples };
  if (oldRun.status === "failure" && newRun.status === "failure") {
    return {
      ...parts,
      error: {
        message: `both sides failed, so nothing was compared: old: ${oldRun.failure.message}; new: ${newRun.failure.message}`,
        exitCode: ExitCode.componentStart,
      },
    };
  }
  return parts;
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
export function baseReportParts(
  config: ResolvedRunConfig,
  sides: DatasetSides,
  sample: Sample,
  dataset: DatasetReport,
  startedAt: number,
  interrupted: boolean,
  slowdown?: Slowdown,
): DatasetBaseParts {
  const timing = (run: DatasetSideReport) => ({
    p50: run.durationMs,
    p95: run.durationMs,
    totalMs: run.durationMs,
  });
  return {
    kind: "tables",
    settings: sides.settings,
    dataset,
    components: {
      old: { label: sides.label.old, spec: describeComponent(config.old) },
      new: { label: sides.label.new, spec: describeComponent(config.new) },
    },
    sample: sample.identity,
    timing: {
      old: timing(dataset.old),
      new: timing(dataset.new),
      wallMs: Date.now() - startedAt,
      ...(slowdown !== undefined && { slowdown }),
    },
    maxChanged: config.gate.maxChanged,
    ...(config.gate.maxSlowdown !== undefined && { maxSlowdown: config.gate.maxSlowdown }),
    complete: !interrupted,
    ...(sides.base !== undefined && { base: sides.base }),
  };
}
