// Folds trial results into per-path statistics, counts and a bounded set of examples (as varied
// as the changes are: see example-picker.ts).
// Memory is bounded by the number of distinct (folded) paths and the example limit,
// never by the number of trials.
import type { Outcome } from "../../adapters/types.ts";
import { foldPath } from "../compare/paths.ts";
import type { Difference, DifferenceKind, Inconclusive } from "../compare/types.ts";
import { HintCollector } from "../hints/hint-collector.ts";
import { parseLossless } from "../json/parse.ts";
import type { Example, InconclusiveStats, OutcomeSummary, PathStats, Report } from "../report/types.ts";
import type { TrialResult } from "../runner/types.ts";
import { DurationHistogram } from "./duration-histogram.ts";
import { EXAMPLE_VALUE_CHARS, type KeptValue, keepText, keepValue } from "./example-excerpt.ts";
import { ExamplePicker, recordSignature } from "./example-picker.ts";
import { LogBinCounter } from "./log-bins.ts";

const ROOT_PATH = "$";
const EXAMPLE_INDICES_PER_PATH = 5;
const ABSENT: OutcomeSummary = Object.freeze({ status: "absent", durationMs: 0 });
/** Error sizes span many decades (1e-16 … 1e6): one bin per decade reads best. */
const ERROR_BINS_PER_DECADE = 1;
/** Durations cluster within a decade or two: four bins per decade show their shape. */
const DURATION_BINS_PER_DECADE = 4;

interface PathAccumulator {
  path: string;
  changed: number;
  maxAbs?: number;
  maxRel?: number;
  kinds: Partial<Record<DifferenceKind, number>>;
  exampleIndices: number[];
  absErrors: LogBinCounter;
  relErrors: LogBinCounter;
}

export type AggregateResult = Pick<Report, "summary" | "paths" | "examples" | "inconclusive"> & {
  timing: { old: Report["timing"]["old"]; new: Report["timing"]["new"] };
};

/** Accumulates trials (in input order) into the numbers a report shows. */
export class Aggregator {
  private readonly paths = new Map<string, PathAccumulator>();
  private readonly examples: ExamplePicker<TrialResult>;
  private readonly oldDurations = new DurationHistogram();
  private readonly newDurations = new DurationHistogram();
  private readonly oldDurationBins = new LogBinCounter(DURATION_BINS_PER_DECADE);
  private readonly newDurationBins = new LogBinCounter(DURATION_BINS_PER_DECADE);
  private trials = 0;
  private same = 0;
  private changed = 0;
  private bothOk = 0;
  private truncatedTrials = 0;
  private inconclusiveTrials = 0;
  private readonly inconclusive = new Map<string, InconclusiveStats>();
  private readonly failures = { old: 0, new: 0, both: 0 };
  private readonly hints: HintCollector | undefined;

  /** `hints`: summarise every trial's input, so changed paths get root-cause hints. */
  constructor(options: { maxExamples: number; hints?: boolean }) {
    this.examples = new ExamplePicker(options.maxExamples, (trial) =>
      recordSignature(trial.comparison.differences, trial.absent),
    );
    this.hints = options.hints === true ? new HintCollector() : undefined;
  }

  /** Trials added so far. */
  get trialCount(): number {
    return this.trials;
  }

  /** Adds one finished trial. */
  add(trial: TrialResult): void {
    this.trials++;
    this.oldDurations.add(trial.old.durationMs);
    this.newDurations.add(trial.new.durationMs);
    this.oldDurationBins.add(trial.old.durationMs);
    this.newDurationBins.add(trial.new.durationMs);
    this.countFailures(trial.old, trial.new);
    if (trial.old.status === "ok" && trial.new.status === "ok") this.bothOk++;
    this.hints?.add(trial);

    const { differences, truncated, inconclusive } = trial.comparison;
    if (inconclusive !== undefined) {
      this.addInconclusive(trial.index, inconclusive);
      return;
    }
    if (truncated) this.truncatedTrials++;
    if (differences.length === 0) {
      this.same++;
      return;
    }
    this.changed++;
    this.addDifferences(trial.index, differences);
    this.examples.add(trial);
  }

  /** The changed trials kept as examples so far, in input order (shrinking starts from them). */
  exampleTrials(): TrialResult[] {
    return this.examples.result();
  }

  /** The aggregated numbers so far (callable at any time, e.g. after an interrupt). */
  result(): AggregateResult {
    const paths: PathStats[] = [...this.paths.values()].map((accumulator) => ({
      path: accumulator.path,
      compared: accumulator.path === ROOT_PATH ? this.trials : this.bothOk,
      changed: accumulator.changed,
      ...(accumulator.maxAbs !== undefined && { maxAbs: accumulator.maxAbs }),
      ...(accumulator.maxRel !== undefined && { maxRel: accumulator.maxRel }),
      kinds: accumulator.kinds,
      exampleIndices: accumulator.exampleIndices,
      ...errorBinsOf(accumulator),
    }));
    paths.sort((a, b) => b.changed - a.changed || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const hintedPaths = this.hints === undefined ? paths : this.hints.attachHints(paths);
    return {
      summary: {
        trials: this.trials,
        same: this.same,
        changed: this.changed,
        failures: { ...this.failures },
        truncatedTrials: this.truncatedTrials,
        inconclusive: this.inconclusiveTrials,
      },
      ...(this.inconclusive.size > 0 && {
        inconclusive: [...this.inconclusive.values()].map((stats) => ({
          ...stats,
          sides: { ...stats.sides },
          exampleIndices: [...stats.exampleIndices],
        })),
      }),
      paths: hintedPaths,
      examples: this.examples.result().map(toExample),
      timing: {
        old: timingOf(this.oldDurations, this.oldDurationBins),
        new: timingOf(this.newDurations, this.newDurationBins),
      },
    };
  }

  // Grouped by message: the message names the limit and how to raise it.
  private addInconclusive(index: number, inconclusive: Inconclusive): void {
    this.inconclusiveTrials++;
    let stats = this.inconclusive.get(inconclusive.message);
    if (stats === undefined) {
      stats = {
        limit: inconclusive.limit,
        message: inconclusive.message,
        sides: { old: 0, new: 0, both: 0 },
        trials: 0,
        exampleIndices: [],
      };
      this.inconclusive.set(inconclusive.message, stats);
    }
    stats.trials++;
    stats.sides[inconclusive.side]++;
    if (stats.exampleIndices.length < EXAMPLE_INDICES_PER_PATH) stats.exampleIndices.push(index);
  }

  private countFailures(oldOutcome: Outcome, newOutcome: Outcome): void {
    const oldFailed = oldOutcome.status === "failure";
    const newFailed = newOutcome.status === "failure";
    if (oldFailed && newFailed) this.failures.both++;
    else if (oldFailed) this.failures.old++;
    else if (newFailed) this.failures.new++;
  }

  private addDifferences(index: number, differences: Difference[]): void {
    // A path counts once per trial however many differences it has there.
    const seenInTrial = new Map<string, Set<DifferenceKind>>();
    for (const difference of differences) {
      const path = foldPath(difference.path);
      let accumulator = this.paths.get(path);
      if (accumulator === undefined) {
        accumulator = {
          path,
          changed: 0,
          kinds: {},
          exampleIndices: [],
          absErrors: new LogBinCounter(ERROR_BINS_PER_DECADE),
          relErrors: new LogBinCounter(ERROR_BINS_PER_DECADE),
        };
        this.paths.set(path, accumulator);
      }
      let kinds = seenInTrial.get(path);
      if (kinds === undefined) {
        kinds = new Set();
        seenInTrial.set(path, kinds);
        accumulator.changed++;
        if (accumulator.exampleIndices.length < EXAMPLE_INDICES_PER_PATH)
          accumulator.exampleIndices.push(index);
      }
      if (!kinds.has(difference.kind)) {
        kinds.add(difference.kind);
        accumulator.kinds[difference.kind] = (accumulator.kinds[difference.kind] ?? 0) + 1;
      }
      if (difference.abs !== undefined) accumulator.absErrors.add(difference.abs);
      if (difference.rel !== undefined) accumulator.relErrors.add(difference.rel);
      if (difference.abs !== undefined && !(difference.abs <= (accumulator.maxAbs ?? -1))) {
        accumulator.maxAbs = difference.abs;
      }
      if (difference.rel !== undefined && !(difference.rel <= (accumulator.maxRel ?? -1))) {
        accumulator.maxRel = difference.rel;
      }
    }
  }
}

function timingOf(histogram: DurationHistogram, bins: LogBinCounter): Report["timing"]["old"] {
  return {
    p50: histogram.quantile(0.5),
    p95: histogram.quantile(0.95),
    totalMs: Math.round(histogram.totalMs * 100) / 100,
    histogramMs: bins.bins(),
  };
}

// Only paths with numeric value differences carry error bins.
function errorBinsOf(accumulator: PathAccumulator): Pick<PathStats, "errorBins"> {
  const abs = accumulator.absErrors.bins();
  const rel = accumulator.relErrors.bins();
  return abs.length === 0 && rel.length === 0 ? {} : { errorBins: { abs, rel } };
}

/** A changed trial as a report shows it (table comparison picks its own examples with it). */
export function toExample(trial: TrialResult): Example {
  // Each value is kept up to a size (example-excerpt.ts); `excerpts` names the ones cut.
  const excerpts: string[] = [];
  const kept = <T>(field: string, { value, cut }: KeptValue): T => {
    if (cut) excerpts.push(field);
    return value as T;
  };
  const inputText = kept<string>("inputText", keepText(trial.inputText));
  const differences = trial.comparison.differences.map((difference, index) => {
    const bounded = { ...difference };
    if ("old" in difference) bounded.old = kept(`differences[${index}].old`, keepValue(difference.old));
    if ("new" in difference) bounded.new = kept(`differences[${index}].new`, keepValue(difference.new));
    return bounded;
  });
  const side = (name: "old" | "new", outcome: Outcome): OutcomeSummary => {
    const summary = summarizeOutcome(outcome);
    if (summary.status !== "ok" || outcome.status !== "ok") return summary;
    const output =
      outcome.text.length > EXAMPLE_VALUE_CHARS
        ? kept(`${name}.output`, keepText(outcome.text))
        : kept(`${name}.output`, keepValue(summary.output));
    return { ...summary, output };
  };
  return {
    index: trial.index,
    input: excerpts.includes("inputText") ? inputText : parseForDisplay(trial.inputText),
    inputText,
    differences,
    ...(trial.comparison.truncated && { truncated: true }),
    old: trial.absent === "old" ? ABSENT : side("old", trial.old),
    new: trial.absent === "new" ? ABSENT : side("new", trial.new),
    ...(excerpts.length > 0 && { excerpts }),
  };
}

/** An outcome as an example shows it: the output value, or the failure. */
export function summarizeOutcome(outcome: Outcome): OutcomeSummary {
  if (outcome.status === "failure") {
    return { status: "failure", failure: outcome.failure, durationMs: outcome.durationMs };
  }
  // A text past the example size is not parsed for display: the example keeps an excerpt of it.
  if (outcome.value === undefined && outcome.text.length > EXAMPLE_VALUE_CHARS) {
    return { status: "ok", output: keepText(outcome.text).value, durationMs: outcome.durationMs };
  }
  const output = outcome.value !== undefined ? outcome.value : parseForDisplay(outcome.text);
  return { status: "ok", output, durationMs: outcome.durationMs };
}

function parseForDisplay(text: string): unknown {
  try {
    return parseLossless(text);
  } catch {
    return text;
  }
}
