// The report view model: what every renderer shows, decided once from a finished report, so no
// renderer probes `table`, `dataset` or the settings to find out what kind of run it is showing.
//
// To add a section (noise, bounds, hints, …): add one optional field to ReportView, fill it in
// viewReport from a small function of its own file, and render it where it belongs in the
// terminal and Markdown reporters (both list their sections in the same reading order).
import type { NotebookCellsReport } from "../../adapters/notebook/types.ts";
import {
  type AcceptedReport,
  type DatasetReport,
  type Example,
  isDiffSettings,
  type Report,
  type ReportGate,
  type ReportKind,
  type ShardInfo,
  type TimingStats,
  type Verdict,
} from "../report/types.ts";
import type { TableReport } from "../table/types.ts";
import {
  type ChangedPath,
  describeGateLine,
  describeHeadline,
  type Headline,
  listChangedPaths,
  unitOf,
} from "./ci-text.ts";
import { describeCoverPicks, describeCoverSplit } from "./cover-text.ts";
import { formatCompactNumber } from "./format.ts";
import { type HintLine, listHintLines } from "./hints-text.ts";
import { type RowExampleView, viewRowExample } from "./table-examples.ts";
import {
  describeCalibration,
  describeChangeRate,
  describeSlowdownShort,
  describeTarget,
  listNoisyPathRows,
  type NoisyPathRow,
} from "./trust-text.ts";
import { describeMoreUnusedRules, listUnusedRuleLines, type UnusedRuleLine } from "./unused-rules-text.ts";

/**
 * How the trials came about: one per input (`records`), batches of a dataframe step
 * (`dataframe`), one run per side on the whole sample (`dataset`), or two tables read as they are
 * (`diff`: two files or database tables, or the results of two SQL components).
 */
export type ReportOrigin = "records" | "dataframe" | "dataset" | "diff";

/** Durations as the run measured them: per trial (or batch), once per side, or only the wall clock. */
export type TimingView =
  | { kind: "per-trial"; per: "trial" | "batch"; old: TimingStats; new: TimingStats; wallMs: number }
  | { kind: "once"; oldMs: number; newMs: number; wallMs: number }
  | { kind: "wall"; wallMs: number };

/** Where the inputs came from and how they were sampled (runs only: a diff reads two files). */
export interface SampleView {
  source: string;
  /** The source's file name, for places without room for its path. */
  name: string;
  format: string;
  sha256: string;
  /** `random 100 of 5000 records (…cover split…), seed 42, stratified by country`. */
  line: string;
  /** Which input covers which value class (the cover strategy). */
  coverPicks?: string;
}

/** A warning to show right under the verdict: an interrupted run, an error, unjudged or capped trials. */
export interface ViewNote {
  text: string;
  /** Shown louder (bold): the counts cannot be read as usual. */
  strong: boolean;
}

/** One example and, for a table's row pair, its cells ready to lay out. */
export interface ExampleView {
  example: Example;
  /** Present when the example is a row pair of a table (a failure shows as a record example). */
  row?: RowExampleView;
}

/** Everything the renderers show, decided once. */
export interface ReportView {
  /** The report itself (already neutralised by the registry), for what a section renders in full. */
  report: Report;
  kind: ReportKind;
  origin: ReportOrigin;
  /** What one trial is called in sentences: rows once two tables were compared, inputs otherwise. */
  unit: "inputs" | "rows";
  verdict: Verdict;
  complete: boolean;
  error?: string;
  headline: Headline;
  gate: ReportGate;
  /** `3 of 100 inputs changed · gate failed → exit 1 (max changed 0)`. */
  gateLine: string;
  components: Report["components"];
  counts: {
    trials: number;
    /** The trials the run meant to do, so an interrupted run shows how far it got. */
    planned: number;
    same: number;
    changed: number;
    inconclusive: number;
    truncated: number;
  };
  /** Absent for a diff, where no component ran and nothing can fail. */
  failures?: Report["summary"]["failures"];
  timing: TimingView;
  /** Absent for a diff. */
  sample?: SampleView;
  /** `abs 1e-12, rel 1e-9 +2 rules` (path rules); absent when the settings do not record one. */
  tolerance?: string;
  notes: ViewNote[];
  /** Changed paths (columns for tables), most changed first. */
  changedPaths: ChangedPath[];
  /** The input conditions under which paths changed; absent when no path has hints. */
  hints?: HintLine[];
  /** Path rules that matched no path in any output (likely typos); absent when every rule matched. */
  unusedRules?: { lines: UnusedRuleLine[]; more?: string };
  examples: ExampleView[];
  /** True when one input can be rerun alone (`--replay … --only N`): records runs only. */
  reproducible: boolean;
  table?: TableReport;
  dataset?: DatasetReport;
  notebooks: { side: "old" | "new"; notebook: NotebookCellsReport }[];
  accepted?: AcceptedReport;
  shard?: ShardInfo;
  base?: { ref: string; commit: string };
  /** What the sample rules out about the whole source's change rate (records runs). */
  changeRate?: string;
  /** How large a sample `--target-rate` needs. */
  target?: string;
  /** With calibration: what it did, and every noisy path (listed before the changed paths). */
  calibration?: string;
  noisyPaths: NoisyPathRow[];
  /** `new 4.01× old (95% CI …)`, from the paired trial times. */
  slowdown?: string;
}

/** Why: one reading of a report for every renderer, so the terminal, a PR comment and a dashboard agree. */
export function viewReport(report: Report): ReportView {
  const origin = originOf(report);
  const { summary } = report;
  const table = report.kind === "tables" ? report.table : undefined;
  return {
    report,
    kind: report.kind,
    origin,
    unit: unitOf(report),
    verdict: report.verdict,
    complete: report.complete,
    ...(report.error !== undefined && { error: report.error }),
    headline: describeHeadline(report),
    gate: report.gate,
    gateLine: describeGateLine(report),
    components: report.components,
    counts: {
      trials: summary.trials,
      planned: plannedTrials(report),
      same: summary.same,
      changed: summary.changed,
      inconclusive: summary.inconclusive ?? 0,
      truncated: summary.truncatedTrials,
    },
    ...(origin !== "diff" && { failures: summary.failures }),
    timing: viewTiming(report, origin),
    ...(origin !== "diff" && { sample: viewSample(report) }),
    ...withTolerance(describeTolerance(report)),
    notes: viewNotes(report),
    changedPaths: listChangedPaths(report),
    ...viewHints(report),
    ...viewUnusedRules(report),
    examples: report.examples.map((example) => {
      const row = table === undefined ? undefined : viewRowExample(example, table);
      return row === undefined ? { example } : { example, row };
    }),
    reproducible: origin === "records",
    ...(table !== undefined && { table }),
    ...(report.kind === "tables" && report.dataset !== undefined && { dataset: report.dataset }),
    notebooks: (["old", "new"] as const).flatMap((side) => {
      const notebook = report.components[side].notebook;
      return notebook === undefined ? [] : [{ side, notebook }];
    }),
    ...(report.accepted !== undefined && { accepted: report.accepted }),
    ...(report.kind === "records" && report.shard !== undefined && { shard: report.shard }),
    ...(report.base !== undefined && { base: report.base }),
    ...optional("changeRate", describeChangeRate(report)),
    ...optional("target", describeTarget(summary.changeRate)),
    ...optional("calibration", describeCalibration(report)),
    noisyPaths: listNoisyPathRows(report),
    ...optional("slowdown", describeSlowdownShort(report)),
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function viewUnusedRules(report: Report): Pick<ReportView, "unusedRules"> {
  const lines = listUnusedRuleLines(report.unusedRules);
  if (lines.length === 0) return {};
  const more = describeMoreUnusedRules(report.unusedRules);
  return { unusedRules: { lines, ...(more !== undefined && { more }) } };
}

function viewHints(report: Report): { hints?: HintLine[] } {
  const hints = listHintLines(report);
  return hints.length === 0 ? {} : { hints };
}

/** The warnings a reader must see before trusting the counts. */
function viewNotes(report: Report): ViewNote[] {
  const notes: ViewNote[] = [];
  const { summary } = report;
  if (!report.complete) {
    notes.push({
      strong: true,
      text:
        `INCOMPLETE: the run stopped after ${summary.trials} of ${plannedTrials(report)} trials; ` +
        "every count covers completed trials only.",
    });
  }
  if (report.verdict === "error" && report.error !== undefined)
    notes.push({ strong: false, text: `The run could not reach a verdict: ${report.error}` });
  for (const stats of report.inconclusive ?? []) {
    const sides = (["old", "new", "both"] as const)
      .filter((side) => stats.sides[side] > 0)
      .map((side) => `${side} ${stats.sides[side]}`)
      .join(", ");
    const more = stats.trials > stats.exampleIndices.length ? ", …" : "";
    notes.push({
      strong: true,
      text: `INCONCLUSIVE: ${stats.trials} trial(s) (${sides}; inputs ${stats.exampleIndices.join(", ")}${more}): ${stats.message}`,
    });
  }
  if (summary.truncatedTrials > 0) {
    notes.push({
      strong: false,
      text:
        `${summary.truncatedTrials} trial(s) hit the per-trial difference cap (compare.maxDifferencesPerTrial); ` +
        "their later differences are not counted.",
    });
  }
  return notes;
}

/** The number of trials the run meant to do (the sample, or this shard's part of it). */
function plannedTrials(report: Report): number {
  return report.sample.indices.length > 0 ? report.sample.indices.length : report.sample.size;
}

function originOf(report: Report): ReportOrigin {
  if (report.kind === "records") return "records";
  if (isDiffSettings(report.settings)) return "diff";
  // Two tables read where they live (SQL components' results), not made from a sample, read like diff.
  if (report.dataset === undefined && report.table?.files?.old.reference !== undefined) return "diff";
  return report.dataset !== undefined ? "dataset" : "dataframe";
}

function viewTiming(report: Report, origin: ReportOrigin): TimingView {
  const { timing } = report;
  if (origin === "diff") return { kind: "wall", wallMs: timing.wallMs };
  if (report.kind === "tables" && report.dataset !== undefined) {
    const { old, new: newSide } = report.dataset;
    return { kind: "once", oldMs: old.durationMs, newMs: newSide.durationMs, wallMs: timing.wallMs };
  }
  const per = origin === "dataframe" ? "batch" : "trial";
  return { kind: "per-trial", per, old: timing.old, new: timing.new, wallMs: timing.wallMs };
}

function viewSample(report: Report): SampleView {
  const { sample } = report;
  const how =
    sample.strategy === "replay"
      ? `replay of ${sample.indices.length} inputs`
      : sample.strategy === "all"
        ? `all ${sample.totalRecords} records`
        : `${sample.strategy} ${sample.size} of ${sample.totalRecords} records`;
  const split = describeCoverSplit(sample);
  const parts = [`${how}${split === undefined ? "" : ` (${split})`}`, `seed ${sample.seed}`];
  if (sample.stratifyBy !== undefined) parts.push(`stratified by ${sample.stratifyBy}`);
  if (sample.skipped > 0) parts.push(`${sample.skipped} malformed records skipped`);
  const coverPicks = describeCoverPicks(sample);
  return {
    source: sample.source,
    name: sampleSourceName(sample),
    format: sample.format,
    sha256: sample.sha256,
    line: parts.join(", "),
    ...(coverPicks !== undefined && { coverPicks }),
  };
}

function withTolerance(tolerance: string | undefined): { tolerance?: string } {
  return tolerance === undefined ? {} : { tolerance };
}

/** `abs 1e-12, rel 1e-9 +2 rules` from the report's compare settings, when recorded. */
export function describeTolerance(report: Report): string | undefined {
  const compare = asRecord(report.settings.compare);
  const tolerance = asRecord(compare?.tolerance);
  if (tolerance === undefined) return undefined;
  const parts: string[] = [];
  for (const key of ["abs", "rel", "ulps", "sig"] as const) {
    const value = tolerance[key];
    if (typeof value === "number") parts.push(`${key} ${formatCompactNumber(value)}`);
  }
  if (parts.length === 0) return undefined;
  const rules = compare?.rules;
  const count = Array.isArray(rules) ? rules.length : 0;
  return count > 0 ? `${parts.join(", ")} +${count} rule${count === 1 ? "" : "s"}` : parts.join(", ");
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A short name for the input source: a file's name, or a database reference's `database?table=…`. */
function sampleSourceName(sample: Report["sample"]): string {
  if (sample.format === "postgres")
    return sample.source.slice(sample.source.lastIndexOf("/", sample.source.indexOf("?")) + 1);
  return sample.source.split(/[\\/]/).pop() ?? sample.source;
}
