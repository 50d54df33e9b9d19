// Typed test data for table comparisons: a TableReport, its columns and distributions, and a
// whole Report around it, each with defaults plus overrides.
import type { DatasetReport, Example, Report } from "../../../src/report/types.ts";
import type {
  ColumnStats,
  DistributionStats,
  NumericSummary,
  SchemaReport,
  TableReport,
} from "../../../src/table/types.ts";
import { makeReport, type ReportOverrides } from "./report-factory.ts";

/** TableReport overrides; schema and rows merge one level deep. */
export type TableOverrides = Partial<Omit<TableReport, "schema" | "rows">> & {
  schema?: Partial<SchemaReport>;
  rows?: Partial<TableReport["rows"]>;
};

const COLUMNS = ["id", "score", "bucket", "amount"];

/** Four same-typed columns, 1,000 rows on each side matched by key `id`, `score` changed in 12. */
export function makeTableReport(overrides: TableOverrides = {}): TableReport {
  const { schema, rows, ...rest } = overrides;
  const types = { id: "int", score: "float", bucket: "string", amount: "float" } as const;
  return {
    match: { by: "key", key: ["id"] },
    distribution: [],
    columns: [
      makeColumnStats({ column: "score", changed: 12, maxAbs: 0.004, maxRel: 0.01, meanAbs: 0.00012 }),
      makeColumnStats({ column: "bucket" }),
      makeColumnStats({ column: "amount", maxAbs: 0, maxRel: 0, meanAbs: 0 }),
    ],
    ...rest,
    schema: {
      columns: { old: COLUMNS, new: COLUMNS },
      onlyOld: [],
      onlyNew: [],
      typeChanges: [],
      types: { old: types, new: types },
      ...schema,
    },
    rows: {
      old: 1000,
      new: 1000,
      matched: 1000,
      onlyOld: 0,
      onlyNew: 0,
      onlyOldExamples: [],
      onlyNewExamples: [],
      ...rows,
    },
  };
}

/** One column compared on 1,000 rows, unchanged unless overridden. */
export function makeColumnStats(overrides: Partial<ColumnStats> = {}): ColumnStats {
  return {
    column: "score",
    compared: 1000,
    changed: 0,
    nulls: { old: 0, new: 0 },
    nullChanges: { toNull: 0, fromNull: 0 },
    ...overrides,
  };
}

/** A numeric summary of 1,000 values around 0.5. */
export function makeNumericSummary(overrides: Partial<NumericSummary> = {}): NumericSummary {
  return { count: 1000, mean: 0.5, std: 0.1, min: 0.1, p1: 0.2, p50: 0.5, p99: 0.8, max: 0.9, ...overrides };
}

/** The distribution of one numeric column with a PSI of 0.02 (stable). */
export function makeDistribution(overrides: Partial<DistributionStats> = {}): DistributionStats {
  return {
    column: "score",
    old: makeNumericSummary(),
    new: makeNumericSummary({ mean: 0.502 }),
    psi: 0.02,
    ...overrides,
  };
}

/** A changed row pair: `score` moved on the row with id 5. */
export function makeRowExample(overrides: Partial<Example> = {}): Example {
  return {
    index: 4,
    input: null,
    inputText: "id=5 · old line 6 · new line 6",
    differences: [{ path: "score", kind: "value", old: 0.4, new: 0.404, abs: 0.004, rel: 0.0099 }],
    old: { status: "ok", output: { id: 5, score: 0.4, bucket: "a", amount: 10 }, durationMs: 0 },
    new: { status: "ok", output: { id: 5, score: 0.404, bucket: "a", amount: 10 }, durationMs: 0 },
    ...overrides,
  };
}

/** A report of a table comparison: 12 of 1,000 rows changed in `score`, gate failed. */
export function makeTableRunReport(table: TableOverrides = {}, overrides: ReportOverrides = {}): Report {
  const changed = overrides.summary?.changed ?? 12;
  return makeReport({
    verdict: "changed",
    gate: { maxChanged: "0", passed: false, exitCode: 1 },
    components: {
      old: { label: "old.csv", spec: "old.csv" },
      new: { label: "new.csv", spec: "new.csv" },
    },
    sample: {
      source: "old.csv",
      format: "csv",
      strategy: "all",
      size: 1000,
      totalRecords: 1000,
      indices: [],
    },
    paths: [{ path: "score", compared: 1000, changed, kinds: { value: changed }, exampleIndices: [4] }],
    examples: [makeRowExample()],
    table: makeTableReport(table),
    ...overrides,
    summary: { trials: 1000, same: 1000 - changed, changed, ...overrides.summary },
  });
}

/** Dataset mode: both sides ran once and wrote 1,000 rows. */
export function makeDatasetReport(overrides: Partial<DatasetReport> = {}): DatasetReport {
  return {
    inputFormat: "csv",
    outputFormat: "parquet",
    old: { status: "ok", durationMs: 1200, rows: 1000 },
    new: { status: "ok", durationMs: 1350, rows: 1000 },
    ...overrides,
  };
}

/** A `twinrun diff` report: two files, no components, no sample, only a wall time. */
export function makeDiffReport(table: TableOverrides = {}, overrides: ReportOverrides = {}): Report {
  const file = (name: string) => ({
    path: `/data/${name}`,
    format: "csv" as const,
    sha256: "ab".repeat(32),
    rows: 1000,
  });
  return makeTableRunReport(table, {
    components: {
      old: { label: "old", spec: "old.csv (1,000 rows)" },
      new: { label: "new", spec: "new.csv (1,000 rows)" },
    },
    settings: { diff: { old: file("old.csv"), new: file("new.csv"), key: ["id"] }, compare: {} },
    ...overrides,
  });
}
