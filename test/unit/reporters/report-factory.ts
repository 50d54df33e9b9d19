// Typed test data for reporters (and anyone else who needs a Report literal): defaults plus overrides.
import type { Difference } from "../../../src/compare/types.ts";
import type { DatasetReport, Example, PathStats, Report } from "../../../src/report/types.ts";
import type { TableReport } from "../../../src/table/types.ts";

type AnyReport = Omit<Report, "kind" | "settings" | "table" | "dataset" | "shard" | "gate"> & {
  kind: Report["kind"];
  settings: Report["settings"];
  table?: TableReport;
  dataset?: DatasetReport;
  shard?: Report["shard"];
  gate: Report["gate"];
};

/**
 * Report overrides; summary, its failures, sample and components merge one level deep. The kind
 * follows from `table`/`dataset` unless given; the gate's status from its pass and the report.
 */
export type ReportOverrides = Partial<Omit<AnyReport, "summary" | "sample" | "components" | "gate">> & {
  gate?: Omit<Report["gate"], "status"> & { status?: Report["gate"]["status"] };
  summary?: Partial<Omit<Report["summary"], "failures">> & {
    failures?: Partial<Report["summary"]["failures"]>;
  };
  sample?: Partial<Report["sample"]>;
  components?: Partial<Report["components"]>;
};

/** An equivalent, complete 100-trial report unless overridden. */
export function makeReport(overrides: ReportOverrides = {}): Report {
  const { summary, sample, components, gate, ...rest } = overrides;
  const base: AnyReport = {
    tool: "twinrun",
    reportVersion: 1,
    kind: "records",
    createdAt: "2025-01-02T03:04:05.000Z",
    complete: true,
    verdict: "equivalent",
    components: {
      old: { label: "main@3f2a", spec: "python3 features_old.py (worker)" },
      new: { label: "working tree", spec: "python3 features_new.py (worker)" },
    },
    sample: {
      source: "data/rows.jsonl",
      format: "jsonl",
      sha256: "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12",
      strategy: "random",
      size: 100,
      seed: 42,
      indices: Array.from({ length: 100 }, (_, index) => index),
      totalRecords: 5000,
      skipped: 0,
    },
    summary: {
      trials: 100,
      same: 100,
      changed: 0,
      failures: { old: 0, new: 0, both: 0 },
      truncatedTrials: 0,
    },
    paths: [],
    examples: [],
    timing: {
      old: { p50: 12, p95: 30, totalMs: 1400 },
      new: { p50: 11, p95: 28, totalMs: 1300 },
      wallMs: 2100,
    },
    gate: { status: "passed", maxChanged: "0", passed: true, exitCode: 0 },
    settings: { compare: { tolerance: { abs: 1e-12, rel: 1e-9 }, rules: [] } },
  };
  const complete = rest.complete ?? true;
  const verdict = rest.verdict ?? base.verdict;
  const kind = rest.kind ?? (rest.table !== undefined || rest.dataset !== undefined ? "tables" : "records");
  const gateOf = gate ?? base.gate;
  const status =
    gateOf.status ??
    (!complete ? "incomplete" : verdict === "error" ? "error" : gateOf.passed ? "passed" : "failed");
  return {
    ...base,
    ...rest,
    kind,
    gate: { ...gateOf, status },
    components: { ...base.components, ...components },
    sample: { ...base.sample, ...sample },
    summary: {
      ...base.summary,
      ...summary,
      failures: { ...base.summary.failures, ...summary?.failures },
    },
  } as Report;
}

/** A changed report: `changed` trials differ, with the given paths and examples. */
export function makeChangedReport(overrides: ReportOverrides = {}): Report {
  const changed = overrides.summary?.changed ?? 3;
  return makeReport({
    verdict: "changed",
    gate: { maxChanged: "0", passed: false, exitCode: 1 },
    paths: [makePathStats()],
    examples: [makeExample()],
    ...overrides,
    summary: { same: 100 - changed, changed, ...overrides.summary },
  });
}

/** One changed path: `score` changed in 3 of 100 trials. */
export function makePathStats(overrides: Partial<PathStats> = {}): PathStats {
  return {
    path: "score",
    compared: 100,
    changed: 3,
    maxAbs: 0.00032,
    maxRel: 0.0004,
    kinds: { value: 3 },
    exampleIndices: [4, 17, 58],
    ...overrides,
  };
}

/** One numeric value difference at `score`. */
export function makeDifference(overrides: Partial<Difference> = {}): Difference {
  return { path: "score", kind: "value", old: 0.8, new: 0.80032, abs: 0.00032, rel: 0.0004, ...overrides };
}

/** One differing input whose outputs are both values. */
export function makeExample(overrides: Partial<Example> = {}): Example {
  return {
    index: 4,
    input: { id: 4, x: 1.5 },
    inputText: '{"id": 4, "x": 1.5}',
    differences: [makeDifference()],
    old: { status: "ok", output: { id: 4, score: 0.8 }, durationMs: 12 },
    new: { status: "ok", output: { id: 4, score: 0.80032 }, durationMs: 11 },
    ...overrides,
  };
}
