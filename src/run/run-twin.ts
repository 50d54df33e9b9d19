// The run: sample inputs, start both components, run the trials, aggregate, judge.
// This is the library-level entry the CLI (and later the programmatic API) calls.
import { createAdapter, describeComponent } from "../../adapters/create-adapter.ts";
import type { Adapter } from "../../adapters/types.ts";
import { Aggregator } from "../aggregate/aggregator.ts";
import { createComparator } from "../compare/comparator.ts";
import { readReplayReport, settingsForReport } from "../config/replay.ts";
import type { ResolvedRunConfig } from "../config/types.ts";
import { TwinrunError } from "../errors.ts";
import { evaluateGate } from "../gate/gate.ts";
import { assertSameSource, loadSample } from "../inputs/sample.ts";
import type { Sample } from "../inputs/types.ts";
import type { Report } from "../report/types.ts";
import { runTrials } from "../runner/run-trials.ts";
import type { TrialResult } from "../runner/types.ts";

export interface RunHooks {
  /** Aborting stops the run; the report is then marked incomplete. */
  signal?: AbortSignal;
  /** Called after every trial, in input order. */
  onTrial?: (trial: TrialResult, progress: { done: number; total: number; changed: number }) => void;
  /** Called once the sample is known, before any component starts. */
  onSample?: (sample: Sample) => void;
}

/** Runs old and new on the sample and returns the finished report. */
export async function runTwin(config: ResolvedRunConfig, hooks: RunHooks = {}): Promise<Report> {
  const startedAt = Date.now();
  const sample = await loadRunSample(config);
  if (sample.records.length === 0) {
    throw new TwinrunError("INPUT_INVALID", `${config.input.path}: the input source holds no records to run`);
  }
  hooks.onSample?.(sample);

  const oldAdapter = createAdapter("old", config.old, config);
  const newAdapter = createAdapter("new", config.new, config);
  const aggregator = new Aggregator({ maxExamples: config.report.examples });
  const comparator = createComparator(config.compare);
  let interrupted = false;
  let changed = 0;
  try {
    await startBoth(oldAdapter, newAdapter);
    const outcome = await runTrials({
      records: sample.records,
      oldAdapter,
      newAdapter,
      compareOutcomes: (oldOutcome, newOutcome) => comparator.compareOutcomes(oldOutcome, newOutcome),
      concurrency: config.runner.concurrency,
      signal: hooks.signal,
      onTrial: (trial) => {
        aggregator.add(trial);
        if (trial.comparison.differences.length > 0) changed++;
        hooks.onTrial?.(trial, { done: aggregator.trialCount, total: sample.records.length, changed });
      },
    });
    interrupted = outcome.interrupted;
  } finally {
    await Promise.all([oldAdapter.stop(), newAdapter.stop()]);
  }

  const aggregate = aggregator.result();
  const gate = evaluateGate(aggregate.summary, config.gate.maxChanged);
  return {
    tool: "twinrun",
    reportVersion: 1,
    createdAt: new Date().toISOString(),
    complete: !interrupted,
    verdict: gate.verdict,
    components: {
      old: { label: config.old.label, spec: describeComponent(config.old) },
      new: { label: config.new.label, spec: describeComponent(config.new) },
    },
    sample: sample.identity,
    summary: aggregate.summary,
    paths: aggregate.paths,
    examples: aggregate.examples,
    timing: { ...aggregate.timing, wallMs: Date.now() - startedAt },
    gate: { maxChanged: gate.maxChanged, passed: gate.passed, exitCode: gate.exitCode },
    settings: settingsForReport(config) as Record<string, unknown>,
  };
}

async function loadRunSample(config: ResolvedRunConfig): Promise<Sample> {
  const request = { ...config.input, size: config.input.sample };
  if (config.replay === undefined) return loadSample(request);
  const replayed = await readReplayReport(config.replay.reportPath);
  const indices = config.replay.only ?? replayed.sample.indices;
  const sample = await loadSample({ ...request, indices, seed: replayed.sample.seed });
  assertSameSource(sample.identity, replayed.sample.sha256);
  return sample;
}

/** Starts both sides; if one cannot start, the other is stopped before the error propagates. */
async function startBoth(oldAdapter: Adapter, newAdapter: Adapter): Promise<void> {
  const results = await Promise.allSettled([oldAdapter.start(), newAdapter.start()]);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failed) throw failed.reason;
}
