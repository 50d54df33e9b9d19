// The one report builder: run, dataset mode, diff and merge hand it their parts, it judges the
// gate once and assembles the report of the run's kind.

import type { CalibrationReport } from "../calibrate/types.ts";
import type { UnusedRule } from "../compare/rule-usage.ts";
import type { MaxChanged } from "../config/types.ts";
import type { ExitCode } from "../errors.ts";
import { judge } from "../gate/judge.ts";
import type { TableReport } from "../table/types.ts";
import { describeChangeRate, type RandomPartCounts } from "./change-rate.ts";
import type {
  AcceptedReport,
  DatasetReport,
  DiffSettings,
  Example,
  InconclusiveStats,
  PathStats,
  RecordsReport,
  Report,
  RunSettings,
  ShardInfo,
  TablesReport,
} from "./types.ts";

/** What a records run adds: one trial per input, perhaps one shard of a sample. */
export interface RecordsParts {
  kind: "records";
  settings: RunSettings;
  shard?: ShardInfo;
}

/** What a tables run adds: the compared tables (absent when a dataset side failed). */
export interface TablesParts {
  kind: "tables";
  settings: RunSettings | DiffSettings;
  table?: { table: TableReport; schemaChanged: boolean };
  dataset?: DatasetReport;
}

/** The parts every report is built from. */
export type ReportParts = (RecordsParts | TablesParts) & {
  components: Report["components"];
  sample: Report["sample"];
  summary: Report["summary"];
  paths: PathStats[];
  examples: Example[];
  inconclusive?: InconclusiveStats[];
  timing: Report["timing"];
  maxChanged: MaxChanged;
  /** gate.maxSlowdown, when set. */
  maxSlowdown?: number;
  complete: boolean;
  accepted?: AcceptedReport;
  base?: { ref: string; commit: string };
  /** Path rules that matched no path in any output. */
  unusedRules?: UnusedRule[];
  /** Records runs: what the sample's random part showed, for the change-rate bound. */
  randomPart?: RandomPartCounts;
  /** With calibrate: the noisy paths (tables: columns) and their judgement. */
  calibration?: CalibrationReport;
  /** Records runs: the change rate the user wants ruled out, for the sample size it needs. */
  targetRate?: number;
  /** Nothing could be compared: why, and the exit code. */
  error?: { message: string; exitCode: ExitCode };
  /** Several run errors carried over (merge); shown, but the gate judges the counts. */
  notes?: string[];
  createdAt?: Date;
};

/** Why: a report of any kind is judged and shaped the same way, so outputs never disagree. */
export function buildReport(parts: ReportParts): Report {
  const { verdict, gate } = judge({
    summary: parts.summary,
    maxChanged: parts.maxChanged,
    complete: parts.complete,
    ...(parts.accepted !== undefined && { accepted: parts.accepted }),
    ...(parts.inconclusive !== undefined && { inconclusive: parts.inconclusive }),
    ...(parts.kind === "tables" && parts.table !== undefined && { table: parts.table }),
    ...(parts.error !== undefined && { error: parts.error }),
    ...(parts.calibration !== undefined && { calibration: parts.calibration }),
    ...(parts.maxSlowdown !== undefined && {
      slowdown: { max: parts.maxSlowdown, measured: parts.timing.slowdown },
    }),
  });
  const errorText = parts.error?.message ?? (parts.notes?.length ? parts.notes.join("; ") : undefined);
  const common = {
    createdAt: (parts.createdAt ?? new Date()).toISOString(),
    complete: parts.complete,
    verdict,
    ...(errorText !== undefined && { error: errorText }),
    components: parts.components,
    sample: parts.sample,
    summary: parts.summary,
    paths: parts.paths,
    examples: parts.examples,
    ...(parts.inconclusive !== undefined && { inconclusive: parts.inconclusive }),
    timing: parts.timing,
    gate,
    ...(parts.unusedRules !== undefined &&
      parts.unusedRules.length > 0 && { unusedRules: parts.unusedRules }),
    ...(parts.calibration !== undefined && { calibration: parts.calibration }),
  };
  if (parts.kind === "records") {
    const changeRate = describeChangeRate(parts.sample, parts.randomPart, {
      kind: "records",
      complete: parts.complete,
      sharded: parts.shard !== undefined,
      ...(parts.targetRate !== undefined && { targetRate: parts.targetRate }),
    });
    const report: RecordsReport = {
      tool: "twinrun",
      reportVersion: 1,
      kind: "records",
      ...common,
      summary: { ...parts.summary, changeRate },
      settings: parts.settings,
      ...(parts.accepted !== undefined && { accepted: parts.accepted }),
      ...(parts.shard !== undefined && { shard: { ...parts.shard } }),
      ...(parts.base !== undefined && { base: parts.base }),
    };
    return report;
  }
  const report: TablesReport = {
    tool: "twinrun",
    reportVersion: 1,
    kind: "tables",
    ...common,
    settings: parts.settings,
    ...(parts.accepted !== undefined && { accepted: parts.accepted }),
    ...(parts.base !== undefined && { base: parts.base }),
    ...(parts.table !== undefined && { table: parts.table.table }),
    ...(parts.dataset !== undefined && { dataset: parts.dataset }),
  };
  return report;
}
