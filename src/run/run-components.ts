// The run: sample inputs, start both components, run the trials, aggregate, judge.
// This is the library-level entry the CLI and the programmatic API (src/api) call.

import { createRecordAdapter, describeComponent } from "../../adapters/components.ts";
import { batchSampleFor } from "../../adapters/python/dataframe.ts";
import { isPythonFunctionComponent } from "../../adapters/python/types.ts";
import type { RecordAdapter, Side } from "../../adapters/types.ts";
import { loadAcceptedFile } from "../accept/load-accepted.ts";
import { rateBasisOf } from "../accept/rate-bound.ts";
import { AcceptanceTracker } from "../accept/tracker.ts";
import { Aggregator } from "../aggregate/aggregator.ts";
import { calibrateDataframe } from "../calibrate/calibrate-dataframe.ts";
import type { NoiseJudge } from "../calibrate/noise-judge.ts";
import { runCalibration } from "../calibrate/run-calibration.ts";
import { pickTableCalibrationRecords } from "../calibrate/table-calibration.ts";
import { createComparator } from "../compare/comparator.ts";
import { findUnusedTableRules, listUnusedRules, RuleUsage } from "../compare/rule-usage.ts";
import { readReplayReport, settingsForReport } from "../config/replay.ts";
import type { ResolvedRunConfig } from "../config/types.ts";
import { TwinrunError } from "../errors.ts";
import { sampleInMemory } from "../inputs/in-memory.ts";
import { assertSameSource, loadSample } from "../inputs/sample.ts";
import type { Sample } from "../inputs/types.ts";
import { buildReport } from "../report/build-report.ts";
import { RandomPartCounter } from "../report/change-rate.ts";
import type { Example, Report } from "../report/types.ts";
import { runTrials } from "../runner/run-trials.ts";
import type { TrialResult } from "../runner/types.ts";
import { formatShard, selectShard } from "../shard/shard.ts";
import { shrinkDatasetExamples } from "../shrink/shrink-dataset.ts";
import { shrinkTrials } from "../shrink/shrink-trials.ts";
import type { MinimalInput } from "../shrink/types.ts";
import { type Slowdown, SlowdownTracker } from "../slowdown/slowdown.ts";
import { tableComparisonOptions } from "../table/comparison-options.ts";
import { DataframeTables } from "../table/dataframe-tables.ts";
import { redactReference } from "../table/postgres/postgres-reference.ts";
import { configForSettings, listSetupSteps, prepareSides } from "./prepare-sides.ts";
import { runBatchStep } from "./run-batch-step.ts";
import { decideRunKind, type RunKind } from "./run-kind.ts";
import { runQueries } from "./run-queries.ts";
import { runSetupSteps } from "./run-setup.ts";

export interface RunHooks {
  /** Aborting stops the run; the report is then marked incomplete. */
  signal?: AbortSignal;
  /** Called after every trial, in input order. */
  onTrial?: (trial: TrialResult, progress: { done: number; total: number; changed: number }) => void;
  /** Called once the sample is known, before any component starts. */
  onSample?: (sample: Sample) => void;
  /** Called before old runs against old (calibrate), with the number of inputs. */
  onCalibrate?: (inputs: number) => void;
  /** Called before shrinking a changed input (--shrink). */
  onShrink?: (trial: Pick<TrialResult, "index">) => void;
  /** Called before a side's setup command runs. */
  onSetup?: (side: Side, command: string) => void;
}

/** Five paired runs all slower is the fewest that a one-sided sign test calls significant at 5% (1/32). */
const MIN_REPEATS_FOR_SLOWDOWN_GATE = 5;

/** Runs old and new on the sample and returns the finished report. */
export async function runComponents(config: ResolvedRunConfig, hooks: RunHooks = {}): Promise<Report> {
  const startedAt = Date.now();
  const accepted =
    config.gate.accepted === undefined ? undefined : await loadAcceptedFile(config.gate.accepted);
  const runKind = decideRunKind(config);
  if (config.shard !== undefined && runKind.kind === "tables") {
    throw new TwinrunError(
      "USAGE",
      `--shard ${formatShard(config.shard)}: tables cannot be split into shards (dataset mode and the dataframe style compare whole tables); run without --shard`,
    );
  }
  if (config.shrink.examples > 0 && runKind.kind === "tables" && runKind.via === "dataframe") {
    throw new TwinrunError(
      "USAGE",
      "--shrink: this run compares the tables of the dataframe style, whose batches are not single inputs to shrink; run without --shrink (shrink.examples), or shrink in dataset mode",
    );
  }
  if (
    config.gate.maxSlowdown !== undefined &&
    runKind.kind === "tables" &&
    runKind.via === "dataset" &&
    config.dataset.repeat < MIN_REPEATS_FOR_SLOWDOWN_GATE
  ) {
    throw new TwinrunError(
      "USAGE",
      `gate.maxSlowdown (--max-slowdown): dataset mode ran each side ${config.dataset.repeat === 1 ? "once" : `${config.dataset.repeat} times`}, too few to gate on with 95% confidence; add --repeat ${MIN_REPEATS_FOR_SLOWDOWN_GATE} or more (dataset.repeat), or remove the gate`,
    );
  }
  if (runKind.kind === "tables" && runKind.via === "database") {
    checkQueryRun(config);
    return runQueries(config, hooks, accepted, startedAt);
  }
  const whole = await loadRunSample(config);
  const sample = selectShard(whole, config.shard);
  if (sample.records.length === 0) {
    throw new TwinrunError(
      "INPUT_INVALID",
      config.shard === undefined
        ? `${redactReference(config.input.path)}: the input source holds no records to run`
        : `--shard ${formatShard(config.shard)}: this shard of the ${whole.records.length}-input sample holds no inputs; use at most ${whole.records.length} shards`,
    );
  }
  // The dataframe style runs batches of records, one trial each; otherwise one trial per record.
  const trialSample = batchSampleFor(config, sample);
  hooks.onSample?.(trialSample);
  const calibration =
    config.calibrate !== undefined && runKind.kind === "tables" && runKind.via === "dataframe"
      ? dataframeCalibrationSample(config, sample)
      : undefined;

  const sides = await prepareSides(config);
  try {
    return await runSides(
      config,
      runKind,
      sides,
      trialSample,
      accepted,
      { ...hooks, calibration },
      startedAt,
    );
  } finally {
    await sides.close();
  }
}

async function runSides(
  config: ResolvedRunConfig,
  runKind: RunKind,
  sides: Awaited<ReturnType<typeof prepareSides>>,
  sample: Sample,
  accepted: Awaited<ReturnType<typeof loadAcceptedFile>> | undefined,
  hooks: RunHooks & { calibration?: DataframeCalibration },
  startedAt: number,
): Promise<Report> {
  await runSetupSteps(listSetupSteps(config, sides), { signal: hooks.signal, onSetup: hooks.onSetup });
  const settings = settingsForReport(configForSettings(config, sides));
  const base =
    sides.worktree === undefined ? undefined : { ref: sides.worktree.ref, commit: sides.worktree.commit };
  if (runKind.kind === "tables" && runKind.via === "dataset") {
    const label = { old: sides.old.label, new: sides.new.label };
    const datasetSides = {
      old: sides.old,
      new: sides.new,
      label,
      settings,
      ...(base !== undefined && { base }),
    };
    const report = await runBatchStep(config, datasetSides, sample, { ...hooks, accepted }, startedAt);
    if (config.shrink.examples === 0 || hooks.signal?.aborted === true) return report;
    return shrinkDatasetExamples(config, datasetSides, sample, report, {
      ...(hooks.signal !== undefined && { signal: hooks.signal }),
      ...(hooks.onShrink !== undefined && { onShrink: (index: number) => hooks.onShrink?.({ index }) }),
    });
  }
  const comparator = createComparator(config.compare);
  const tableOptions =
    runKind.kind === "tables"
      ? tableComparisonOptions(
          config.compare,
          { ...config.table, key: tableKeyOf(config) },
          config.report.examples,
        )
      : undefined;
  // Old against old first: which paths (a table's columns) old differs on by itself, and by how much.
  const calibrating = config.calibrate !== undefined && hooks.signal?.aborted !== true;
  if (calibrating && hooks.calibration !== undefined) hooks.onCalibrate?.(hooks.calibration.records);
  const tableNoise =
    calibrating && tableOptions !== undefined && hooks.calibration !== undefined
      ? await calibrateDataframe(config, sides.old, hooks.calibration, tableOptions, hooks.signal)
      : undefined;
  const noise =
    calibrating && tableOptions === undefined
      ? await runCalibration(config, sides.old, sample.records, comparator, hooks.signal, hooks.onCalibrate)
      : undefined;
  const oldAdapter = createRecordAdapter("old", sides.old, config);
  const newAdapter = createRecordAdapter("new", sides.new, config);
  // Hints speak of inputs: a records run's; a table run's batches are not the rows that changed.
  const aggregator = new Aggregator({
    maxExamples: config.report.examples,
    hints: runKind.kind === "records",
  });
  const acceptance =
    accepted === undefined
      ? undefined
      : new AcceptanceTracker(accepted, { strict: config.gate.strictAccepted });
  // Records: every output read marks the rules it matches. Tables: the compared columns do, below.
  const ruleUsage =
    runKind.kind === "records" && config.compare.rules.length > 0
      ? new RuleUsage(config.compare.rules)
      : undefined;
  // The dataframe style compares the batches' tables as two tables once every batch ran.
  const tables =
    tableOptions !== undefined
      ? new DataframeTables({
          ...tableOptions,
          ...(acceptance !== undefined && {
            onTrial: (trial: TrialResult) => acceptance.add(trial.comparison.differences),
          }),
          ...(tableNoise !== undefined && { noise: tableNoise }),
        })
      : undefined;
  const randomPart = new RandomPartCounter(sample.identity);
  const slowdown = new SlowdownTracker(
    warmUpTrials(sample.records.length, config.runner.concurrency),
    config.gate.maxSlowdown,
  );
  let interrupted = hooks.signal?.aborted ?? false;
  let changed = 0;
  const shrinkCount = tables === undefined ? config.shrink.examples : 0;
  let minimalInputs = new Map<number, MinimalInput>();
  try {
    // Ctrl-C during setup: nothing is started; the report is empty and marked incomplete.
    if (!interrupted) await startBoth(oldAdapter, newAdapter, hooks.signal);
    const outcome = await runTrials({
      records: sample.records,
      oldAdapter,
      newAdapter,
      compareOutcomes: (oldOutcome, newOutcome) =>
        tables !== undefined
          ? tables.compareBatch(oldOutcome, newOutcome)
          : judgeNoise(noise, comparator.compareOutcomes(oldOutcome, newOutcome)),
      concurrency: config.runner.concurrency,
      signal: hooks.signal,
      onTrial: (trial) => {
        aggregator.add(trial);
        ruleUsage?.observeTrial(trial.old, trial.new);
        noise?.add(trial);
        slowdown.add(trial.old.durationMs, trial.new.durationMs);
        if (tables !== undefined) tables.add(trial);
        else acceptance?.add(trial.comparison.differences);
        if (trial.comparison.differences.length > 0) changed++;
        randomPart.add(trial.index, judgedOutcome(trial));
        hooks.onTrial?.(trial, { done: aggregator.trialCount, total: sample.records.length, changed });
      },
    });
    interrupted ||= outcome.interrupted;
    // --shrink k: the first k examples the report keeps.
    const toShrink = shrinkCount > 0 ? aggregator.exampleTrials().slice(0, shrinkCount) : [];
    if (!interrupted && toShrink.length > 0) {
      const budget = { maxSteps: config.shrink.maxSteps, timeBudgetMs: config.shrink.timeBudgetMs };
      minimalInputs = await shrinkTrials(toShrink, { old: oldAdapter, new: newAdapter }, comparator, budget, {
        signal: hooks.signal,
        onTrial: hooks.onShrink,
        ...(noise !== undefined && { splitNoise: (result) => noise.split(result) }),
      });
    }
  } finally {
    await Promise.all([oldAdapter.stop(), newAdapter.stop()]);
  }

  const compared = await tables?.finish();
  // In the dataframe style these are the batches: the report counts rows, but times batches.
  const trialAggregate = aggregator.result();
  const aggregate = compared?.aggregate ?? trialAggregate;
  const acceptedReport = acceptance?.result(
    aggregate.summary.trials,
    rateBasisOf(sample.identity, {
      kind: compared === undefined ? "records" : "tables",
      complete: !interrupted,
    }),
  );
  const kindParts =
    compared === undefined
      ? { kind: "records" as const, settings, ...(config.shard !== undefined && { shard: config.shard }) }
      : {
          kind: "tables" as const,
          settings,
          table: { table: compared.table, schemaChanged: compared.schemaChanged },
        };
  return buildReport({
    ...kindParts,
    components: {
      old: { label: sides.old.label, spec: describeComponent(config.old), ...oldAdapter.details?.() },
      new: { label: sides.new.label, spec: describeComponent(config.new), ...newAdapter.details?.() },
    },
    sample: sample.identity,
    summary: aggregate.summary,
    paths: aggregate.paths,
    examples: withMinimalInputs(aggregate.examples, minimalInputs),
    ...(aggregate.inconclusive !== undefined && { inconclusive: aggregate.inconclusive }),
    timing: { ...trialAggregate.timing, wallMs: Date.now() - startedAt, ...slowdownOf(slowdown) },
    maxChanged: config.gate.maxChanged,
    complete: !interrupted,
    ...(acceptedReport !== undefined && { accepted: acceptedReport }),
    ...(base !== undefined && { base }),
    unusedRules:
      compared === undefined
        ? listUnusedRules(ruleUsage)
        : findUnusedTableRules(
            config.compare.rules,
            compared.table.schema.columns,
            config.table.ignoreColumnCase,
          ),
    ...(compared === undefined && { randomPart: randomPart.result() }),
    ...((noise ?? tableNoise) !== undefined && { calibration: (noise ?? tableNoise)!.result() }),
    ...(config.report.targetRate !== undefined && { targetRate: config.report.targetRate }),
    ...(config.gate.maxSlowdown !== undefined && { maxSlowdown: config.gate.maxSlowdown }),
  });
}

/** What a run of two queries cannot do: it has no inputs to shrink and one timing of nothing to repeat. */
function checkQueryRun(config: ResolvedRunConfig): void {
  if (config.shrink.examples > 0) {
    throw new TwinrunError(
      "USAGE",
      "--shrink: SQL components read their database, not inputs to shrink; run without --shrink (shrink.examples)",
    );
  }
  if (config.gate.maxSlowdown !== undefined) {
    throw new TwinrunError(
      "USAGE",
      "gate.maxSlowdown (--max-slowdown): SQL components are not timed apart (the database runs both queries in one comparison); remove the gate",
    );
  }
}

/** Each worker's first input pays for its start-up; left out when the run is long enough to spare them. */
function warmUpTrials(trials: number, concurrency: number): number {
  return trials >= 4 * concurrency ? concurrency : 0;
}

function slowdownOf(tracker: SlowdownTracker): { slowdown?: Slowdown } {
  const slowdown = tracker.result();
  return slowdown === undefined ? {} : { slowdown };
}

function judgeNoise(
  noise: NoiseJudge | undefined,
  result: TrialResult["comparison"],
): TrialResult["comparison"] {
  return noise === undefined ? result : noise.split(result);
}

/** A trial as the change-rate bound counts it (as the aggregator does: inconclusive first). */
function judgedOutcome(trial: TrialResult): "same" | "changed" | "inconclusive" {
  if (trial.comparison.inconclusive !== undefined) return "inconclusive";
  return trial.comparison.differences.length > 0 ? "changed" : "same";
}

/** The examples with the minimal inputs shrinking found for them. */
function withMinimalInputs(examples: Example[], minimal: Map<number, MinimalInput>): Example[] {
  if (minimal.size === 0) return examples;
  return examples.map((example) => {
    const found = minimal.get(example.index);
    return found === undefined ? example : { ...example, minimalInput: found };
  });
}

/** The records the dataframe style's old function runs twice on, in the run's batches. */
type DataframeCalibration = Parameters<typeof calibrateDataframe>[2];

function dataframeCalibrationSample(config: ResolvedRunConfig, sample: Sample): DataframeCalibration {
  const chosen = pickTableCalibrationRecords(sample.records, config);
  const whole = chosen.length === sample.records.length;
  return {
    batches: batchSampleFor(config, { identity: sample.identity, records: chosen }),
    records: chosen.length,
    indices: whole ? [] : chosen.map((record) => record.index),
  };
}

/** The dataframe style's key columns: the component's own `key`, else the run's `table.key`. */
function tableKeyOf(config: ResolvedRunConfig): string[] | undefined {
  const componentKey = isPythonFunctionComponent(config.old) ? config.old.key : undefined;
  return componentKey ?? config.table.key;
}

/** The run's sample: in-memory records, a replay's inputs, or a fresh sample of the input source. */
export async function loadRunSample(config: ResolvedRunConfig): Promise<Sample> {
  const request = { ...config.input, size: config.input.sample };
  // In-memory inputs (the programmatic API) are sampled like a file, without reading one.
  if (config.input.records !== undefined) return sampleInMemory(config.input.records, request);
  if (config.replay === undefined) return loadSample(request);
  const replayed = await readReplayReport(config.replay.reportPath);
  const indices = config.replay.only ?? replayed.sample.indices;
  const sample = await loadSample({ ...request, indices, seed: replayed.sample.seed });
  assertSameSource(sample.identity, replayed.sample.sha256);
  return sample;
}

/** Starts both sides; if one cannot start, the other is stopped before the error propagates. */
export async function startBoth(
  oldAdapter: RecordAdapter,
  newAdapter: RecordAdapter,
  signal: AbortSignal | undefined,
): Promise<void> {
  const results = await Promise.allSettled([oldAdapter.start(), newAdapter.start()]);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
  // An interrupt kills components that are still starting: that is the interrupt, not a start failure.
  if (failed && signal?.aborted !== true) throw failed.reason;
}
