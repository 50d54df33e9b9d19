// `twinrun merge`: the shard reports of one sample combined into the report an unsharded run
// would have written — same indices, same per-path counts, same verdict (recomputed by the gate).

import { type RateBasis, rateBasisOf } from "../accept/rate-bound.ts";
import { buildAcceptedReport } from "../accept/tracker.ts";
import { ExamplePicker, recordSignature } from "../aggregate/example-picker.ts";
import { mergeLogBins } from "../aggregate/log-bins.ts";
import { parseMaxChanged } from "../config/max-changed.ts";
import { buildReport } from "../report/build-report.ts";
import { sumRandomPartCounts } from "../report/change-rate.ts";
import type {
  AcceptedReport,
  Example,
  InconclusiveStats,
  PathStats,
  RecordsReport,
  Report,
  TimingStats,
} from "../report/types.ts";
import { SlowdownTracker } from "../slowdown/slowdown.ts";
import { assertMergeable, type NamedReport } from "./check-mergeable.ts";
import { mergeCalibrations } from "./merge-calibration.ts";

/** Input indices kept per path, as the aggregator keeps them. */
const EXAMPLE_INDICES_PER_PATH = 5;
const DEFAULT_EXAMPLES = 5;

/**
 * Why: shards run on separate CI machines; one verdict must come out. Counts add; per-path
 * maxima take the max; example indices and examples are merged in input order and bounded as
 * one run bounds them (each shard kept its first ones, so the union holds the run's first
 * ones exactly). Timing percentiles are approximate: p95 is the largest shard p95 and p50 the
 * trial-weighted mean of the shard p50s; totals add; wallMs is the slowest shard's. The
 * slowdown combines exactly from the shards' ratio bins and threshold counts; calibration as
 * merge-calibration.ts says.
 */
export function mergeReports(named: readonly NamedReport[], now = new Date()): Report {
  assertMergeable(named);
  // Only records runs are sharded: assertMergeable rejected every report without a shard.
  const reports = [...named]
    .map(({ report }) => report)
    .filter((report): report is RecordsReport => report.kind === "records")
    .sort((a, b) => a.shard!.index - b.shard!.index);
  const first = reports[0];
  const summary = mergeSummary(reports);
  const randomPart = sumRandomPartCounts(reports.map((report) => report.summary.changeRate));
  const maxExamples = readExamplesSetting(first);
  const complete = reports.every((report) => report.complete);
  const accepted = mergeAccepted(
    reports,
    summary.trials,
    rateBasisOf(first.sample, { kind: "records", complete }),
  );
  const inconclusive = mergeInconclusive(reports);
  const calibration = mergeCalibrations(reports);
  const maxSlowdown = first.gate.slowdown?.maxSlowdown;
  const slowdown = SlowdownTracker.combine(
    reports.map((report) => report.timing.slowdown),
    maxSlowdown,
  );
  const errors = reports
    .map((report) => report.error)
    .filter((error): error is string => error !== undefined);
  return buildReport({
    kind: "records",
    settings: first.settings,
    createdAt: now,
    complete,
    maxChanged: parseMaxChanged(first.gate.maxChanged, "gate.maxChanged"),
    notes: errors,
    components: first.components,
    sample: {
      ...first.sample,
      indices: reports.flatMap((report) => report.sample.indices).sort((a, b) => a - b),
    },
    summary,
    paths: mergePaths(reports, summary),
    ...(inconclusive !== undefined && { inconclusive }),
    examples: mergeExamples(reports, maxExamples),
    timing: {
      old: mergeTiming(reports, "old"),
      new: mergeTiming(reports, "new"),
      wallMs: Math.max(...reports.map((report) => report.timing.wallMs)),
      ...(slowdown !== undefined && { slowdown }),
    },
    ...(maxSlowdown !== undefined && { maxSlowdown }),
    ...(calibration !== undefined && { calibration }),
    ...(accepted !== undefined && { accepted }),
    ...(first.base !== undefined && { base: first.base }),
    unusedRules: mergeUnusedRules(reports),
    ...(randomPart !== undefined && { randomPart }),
    ...(first.summary.changeRate?.target !== undefined && {
      targetRate: first.summary.changeRate.target.rate,
    }),
  });
}

/** A rule is unused in the whole sample only when every shard found it unused. */
function mergeUnusedRules(reports: readonly RecordsReport[]): RecordsReport["unusedRules"] {
  const idOf = (rule: { path: string; options: string[] }) => `${rule.path}\0${rule.options.join(",")}`;
  const [first, ...rest] = reports.map((report) => report.unusedRules ?? []);
  const unused = (first ?? []).filter((rule) =>
    rest.every((other) => other.some((candidate) => idOf(candidate) === idOf(rule))),
  );
  return unused.length > 0 ? unused : undefined;
}

// The shards' inconclusive entries, summed per limit message (example indices: the first few overall).
function mergeInconclusive(reports: readonly Report[]): InconclusiveStats[] | undefined {
  const merged = new Map<string, InconclusiveStats>();
  for (const stats of reports.flatMap((report) => report.inconclusive ?? [])) {
    const into = merged.get(stats.message);
    if (into === undefined) {
      merged.set(stats.message, {
        ...stats,
        sides: { ...stats.sides },
        exampleIndices: [...stats.exampleIndices],
      });
      continue;
    }
    into.trials += stats.trials;
    for (const side of ["old", "new", "both"] as const) into.sides[side] += stats.sides[side];
    into.exampleIndices = [...into.exampleIndices, ...stats.exampleIndices].sort((a, b) => a - b).slice(0, 5);
  }
  return merged.size > 0 ? [...merged.values()] : undefined;
}

function mergeSummary(reports: readonly Report[]): Report["summary"] {
  const sum = (pick: (summary: Report["summary"]) => number) =>
    reports.reduce((total, report) => total + pick(report.summary), 0);
  return {
    trials: sum((summary) => summary.trials),
    same: sum((summary) => summary.same),
    changed: sum((summary) => summary.changed),
    failures: {
      old: sum((summary) => summary.failures.old),
      new: sum((summary) => summary.failures.new),
      both: sum((summary) => summary.failures.both),
    },
    truncatedTrials: sum((summary) => summary.truncatedTrials),
    inconclusive: sum((summary) => summary.inconclusive ?? 0),
  };
}

/**
 * A shard where a path did not change does not list it, so `compared` is recomputed as the
 * aggregator counts it: every trial for the root `$`, trials where both sides gave a value otherwise.
 */
function mergePaths(reports: readonly Report[], summary: Report["summary"]): PathStats[] {
  const { trials, failures } = summary;
  const bothOk = trials - failures.old - failures.new - failures.both;
  const merged = new Map<string, PathStats>();
  for (const stats of reports.flatMap((report) => report.paths)) {
    const into = merged.get(stats.path);
    if (into === undefined) {
      // Hints speak of one shard's trials; a merged report has no per-trial inputs to find its own.
      const { hints: _hints, ...rest } = stats;
      merged.set(stats.path, {
        ...rest,
        kinds: { ...stats.kinds },
        exampleIndices: [...stats.exampleIndices],
      });
      continue;
    }
    into.changed += stats.changed;
    const maxAbs = maxOf(into.maxAbs, stats.maxAbs);
    const maxRel = maxOf(into.maxRel, stats.maxRel);
    if (maxAbs !== undefined) into.maxAbs = maxAbs;
    if (maxRel !== undefined) into.maxRel = maxRel;
    for (const [kind, count] of Object.entries(stats.kinds) as [keyof PathStats["kinds"], number][]) {
      into.kinds[kind] = (into.kinds[kind] ?? 0) + count;
    }
    into.exampleIndices = [...new Set([...into.exampleIndices, ...stats.exampleIndices])]
      .sort((a, b) => a - b)
      .slice(0, EXAMPLE_INDICES_PER_PATH);
    const abs = mergeLogBins([into.errorBins?.abs, stats.errorBins?.abs]);
    const rel = mergeLogBins([into.errorBins?.rel, stats.errorBins?.rel]);
    if (abs !== undefined || rel !== undefined) into.errorBins = { abs: abs ?? [], rel: rel ?? [] };
  }
  for (const stats of merged.values()) stats.compared = stats.path === "$" ? trials : bothOk;
  return [...merged.values()].sort(
    (a, b) => b.changed - a.changed || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
}

// Picked again from every shard's examples, in input order, as one run would have picked them.
function mergeExamples(reports: readonly Report[], maxExamples: number): Example[] {
  const picker = new ExamplePicker<Example>(maxExamples, (example) =>
    recordSignature(example.differences, absentSide(example)),
  );
  const examples = reports.flatMap((report) => report.examples).sort((a, b) => a.index - b.index);
  for (const example of examples) picker.add(example);
  return picker.result();
}

function absentSide(example: Example): "old" | "new" | undefined {
  if (example.old.status === "absent") return "old";
  return example.new.status === "absent" ? "new" : undefined;
}

function mergeTiming(reports: readonly Report[], side: "old" | "new"): TimingStats {
  // A shard report without bins (an older one) would leave the merged bins short: then none.
  const histogramMs = reports.every((report) => report.timing[side].histogramMs !== undefined)
    ? mergeLogBins(reports.map((report) => report.timing[side].histogramMs))
    : undefined;
  const trials = reports.reduce((total, report) => total + report.summary.trials, 0);
  const weighted = reports.reduce(
    (total, report) => total + report.timing[side].p50 * report.summary.trials,
    0,
  );
  return {
    p50: trials === 0 ? 0 : Math.round((weighted / trials) * 100) / 100,
    p95: Math.max(...reports.map((report) => report.timing[side].p95)),
    totalMs:
      Math.round(reports.reduce((total, report) => total + report.timing[side].totalMs, 0) * 100) / 100,
    ...(histogramMs !== undefined && { histogramMs }),
  };
}

function mergeAccepted(
  reports: readonly Report[],
  trials: number,
  basis: RateBasis,
): AcceptedReport | undefined {
  const first = reports[0].accepted;
  if (first === undefined) return undefined;
  const combinations = new Map<string, AcceptedReport["combinations"][number]>();
  const paths = new Map<string, { entries: Set<number>; unmatched: boolean }>();
  for (const accepted of reports.map((report) => report.accepted!)) {
    for (const combination of accepted.combinations) {
      const key = `${combination.unmatched ? "!" : ""}${combination.entries.join(",")}`;
      const into = combinations.get(key);
      if (into === undefined) combinations.set(key, { ...combination, entries: [...combination.entries] });
      else into.trials += combination.trials;
    }
    for (const path of accepted.paths) {
      const into = paths.get(path.path) ?? { entries: new Set<number>(), unmatched: false };
      for (const entry of path.entries) into.entries.add(entry);
      into.unmatched ||= path.unmatched;
      paths.set(path.path, into);
    }
  }
  return buildAcceptedReport({
    file: first.file,
    strict: first.strict,
    entries: first.entries.map(({ matchedTrials: _matched, status: _status, ...entry }) => entry),
    limits: first.entries.map((entry, index) =>
      entry.maxRate !== undefined
        ? { maxRatePercent: Number(entry.maxRate.slice(0, -1)) }
        : parseMaxChanged(entry.maxChanged ?? 0, `${first.file}: accepted[${index}].maxChanged`),
    ),
    paths: [...paths].map(([path, state]) => ({
      path,
      entries: [...state.entries].sort((a, b) => a - b),
      unmatched: state.unmatched,
    })),
    combinations: [...combinations.values()],
    trials,
    basis,
  });
}

/** How many examples the run kept (its `report.examples` setting), for a merge and its rendering. */
export function readExamplesSetting(report: Report): number {
  const value = "report" in report.settings ? report.settings.report?.examples : undefined;
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : DEFAULT_EXAMPLES;
}

/** The larger error; reports spell non-finite numbers as strings ("Infinity", "NaN"). */
function maxOf(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const [x, y] = [Number(a), Number(b)];
  if (Number.isNaN(x)) return b;
  if (Number.isNaN(y)) return a;
  return x >= y ? a : b;
}
