// The report: everything a run aggregated, as a union keyed by its kind. Reporters render it;
// the gate judges it.

import type { ComponentDetails, Failure } from "../../adapters/types.ts";
import type { LogBin } from "../aggregate/log-bins.ts";
import type { CalibrationReport } from "../calibrate/types.ts";
import type { UnusedRule } from "../compare/rule-usage.ts";
import type { CompareOptions, Difference, DifferenceKind } from "../compare/types.ts";
import type { UserConfig } from "../config/schema.ts";
import type { Hint } from "../hints/types.ts";
import type { SampleIdentity } from "../inputs/types.ts";
import type { MinimalInput } from "../shrink/types.ts";
import type { Slowdown } from "../slowdown/slowdown.ts";
import type { TableFormat, TableReport, TableSourceFormat } from "../table/types.ts";

/** inconclusive: nothing changed among the trials twinrun could judge, but some it could not (its own limits). */
export type Verdict = "equivalent" | "changed" | "inconclusive" | "error";

export interface PathStats {
  /** Path with array indices folded to `[*]`. */
  path: string;
  /** Trials in which both outcomes were values, so the path could be compared. */
  compared: number;
  /** Trials with at least one difference at this path. */
  changed: number;
  maxAbs?: number;
  maxRel?: number;
  kinds: Partial<Record<DifferenceKind, number>>;
  /** The first few input indices where this path changed. */
  exampleIndices: number[];
  /** How the abs and rel errors of this path's numeric value differences spread (log-scale bins); absent when it had none. */
  errorBins?: { abs: LogBin[]; rel: LogBin[] };
  /** Conditions on the inputs that separate the trials where this path changed (at most three per failure kind). */
  hints?: Hint[];
}

export interface OutcomeSummary {
  /** "absent": the side has no such record (`twinrun diff`, records matched by key or position). */
  status: "ok" | "failure" | "absent";
  /** The output value (JSON-safe rendering), present for ok outcomes in examples. */
  output?: unknown;
  failure?: Failure;
  durationMs: number;
}

export interface Example {
  index: number;
  /** The input as JSON (parsed for display); inputText keeps the exact text. */
  input: unknown;
  inputText: string;
  differences: Difference[];
  /** True when the per-trial difference cap was hit. */
  truncated?: boolean;
  old: OutcomeSummary;
  new: OutcomeSummary;
  /**
   * Fields kept as a marked excerpt because the value was too large for a report (`inputText`,
   * `old.output`, `differences[0].new`, …); the comparison used the whole value.
   */
  excerpts?: string[];
  /** The smallest input found that still shows the same change (--shrink, `twinrun shrink`). */
  minimalInput?: MinimalInput;
}

export interface TimingStats {
  p50: number;
  p95: number;
  totalMs: number;
  /** Trials per duration bin (milliseconds, four log-scale bins per power of ten); absent in older reports. */
  histogramMs?: LogBin[];
}

export interface ComponentInfo extends ComponentDetails {
  label: string;
  /** Human-readable description of how the component runs, e.g. `python3 f.py (worker)`. */
  spec: string;
}

/** What a run compared: one trial per input (`records`), or two tables, one trial per row pair (`tables`). */
export type ReportKind = "records" | "tables";

/**
 * How the gate ended: passed/failed by its thresholds; "incomplete" when the run was interrupted
 * (exit 130, never a pass); "error" when nothing could be judged.
 */
export type GateStatus = "passed" | "failed" | "incomplete" | "error";

/** The gate's section of a report. */
export interface ReportGate {
  status: GateStatus;
  maxChanged: string;
  /** True only for status "passed". */
  passed: boolean;
  exitCode: number;
  /** Changed trials the gate counted: those not covered by accepted differences (present with an accepted file). */
  counted?: number;
  /** Why the gate failed when the counts alone would pass (e.g. an unused accepted entry under strictAccepted). */
  reason?: string;
  /** Present with gate.maxSlowdown: the slowdown gate's own line. */
  slowdown?: { maxSlowdown: number; passed: boolean; line: string };
}

/** The settings of a run (`run`, dataset mode, `merge`): user-config shaped, so `--replay` reads them back. */
export type RunSettings = UserConfig;

/** One file `twinrun diff` read. */
export interface DiffFileSettings {
  path: string;
  format: TableSourceFormat;
  sha256: string;
  rows: number;
  /** The table reference the side came from (`duckdb:<file>?table=…`); absent for a table file. */
  reference?: string;
}

/** The settings of `twinrun diff`: the two files and the comparison options (no components, no sample). */
export interface DiffSettings {
  diff: { old: DiffFileSettings; new: DiffFileSettings; key?: string[] };
  compare: CompareOptions;
}

/** What every report holds, whatever its kind. */
interface ReportBase {
  tool: "twinrun";
  reportVersion: 1;
  /** Decided once per run; reports written before it existed are read as `tables` when they hold `table`. */
  kind: ReportKind;
  createdAt: string;
  /** False when the run was interrupted (Ctrl-C) or stopped early; counts cover completed trials only. */
  complete: boolean;
  verdict: Verdict;
  /** Present when verdict is "error": why the run could not produce a verdict. */
  error?: string;
  components: { old: ComponentInfo; new: ComponentInfo };
  sample: SampleIdentity;
  summary: {
    trials: number;
    same: number;
    changed: number;
    failures: { old: number; new: number; both: number };
    /** Trials whose difference list hit the per-trial cap. */
    truncatedTrials: number;
    /**
     * Trials neither same nor changed: twinrun could not observe an output (one of its own limits).
     * They fail the gate; `inconclusive` says which limit and how to raise it. Absent in older reports.
     */
    inconclusive?: number;
    /** What the sample says about the whole source's change rate (records runs; absent in older reports). */
    changeRate?: ChangeRate;
  };
  paths: PathStats[];
  examples: Example[];
  /** slowdown: new against old from the paired trial times (records runs and the dataframe style). */
  timing: { old: TimingStats; new: TimingStats; wallMs: number; slowdown?: Slowdown };
  gate: ReportGate;
  /** Present when some trials were inconclusive: one entry per limit message, with the first trials it hit. */
  inconclusive?: InconclusiveStats[];
  /** Present when an accepted-differences file was read: which entries covered what. */
  accepted?: AcceptedReport;
  /** Present with --base: the git ref (and the commit it named) the old side was checked out from. */
  base?: { ref: string; commit: string };
  /** Present when some path rule (--tol, --ignore, --unordered, compare.rules) matched no path in any output: likely a typo. */
  unusedRules?: UnusedRule[];
  /**
   * Present with calibrate: the noisy paths (old vs old) and how the run's differences on them were
   * judged. In a tables report the paths are columns and the counts are row pairs.
   */
  calibration?: CalibrationReport;
}

/** A run of record components: one trial per input. */
export interface RecordsReport extends ReportBase {
  kind: "records";
  /** The settings needed to reproduce the run (replay). */
  settings: RunSettings;
  /** Present for one shard of a sharded run: sample.indices then holds this shard's inputs only, while sample.size stays the whole sample's size. */
  shard?: ShardInfo;
  table?: undefined;
  dataset?: undefined;
}

/**
 * Two tables compared (`twinrun diff`, dataset mode, the Python dataframe style): each row pair is
 * one trial of `summary`, and `paths` are columns.
 */
export interface TablesReport extends ReportBase {
  kind: "tables";
  /** Run settings (dataset mode, the dataframe style), or the files of `twinrun diff`. */
  settings: RunSettings | DiffSettings;
  /** Schema, rows, per-column statistics and distributions; absent when a dataset side failed, so no tables were compared. */
  table?: TableReport;
  /** Present in dataset mode: how each side's single run went and where its files are. */
  dataset?: DatasetReport;
  shard?: undefined;
}

/** The report: everything a run aggregated, keyed by its kind. Reporters render it; the gate judges it. */
export type Report = RecordsReport | TablesReport;

/** True for the settings of `twinrun diff` (two files, no components). */
export function isDiffSettings(settings: Report["settings"]): settings is DiffSettings {
  return "diff" in settings && settings.diff !== undefined;
}

/**
 * The change rate of the whole source, as a confidence interval from the sample's uniform random
 * part (cover: its random inputs; the class picks are counted as observed). Rates are fractions.
 */
export interface ChangeRate {
  /** False when the sample is not uniform random (first, stratified, replay, a shard, tables): `reason` says why. */
  applies: boolean;
  reason?: string;
  /** 0.95: one-sided when none (or all) of the random part changed, two-sided otherwise. */
  confidence: number;
  /** hypergeometric: exact for the known source size; census: every input ran; binomial: size unknown. */
  method?: "hypergeometric" | "census" | "binomial";
  /** What the method assumes when the source's size is unknown. */
  assumption?: string;
  /** Inputs in the source. */
  population?: number;
  /** Trials of the random part, and how many of them changed. */
  sampled?: number;
  changed?: number;
  /** Random-part trials twinrun could not judge: counted as changed for `high`. */
  inconclusive?: number;
  /** Cover: inputs picked for a value class (outside the random part), and how many of them changed. */
  picked?: number;
  pickedChanged?: number;
  low?: number;
  high?: number;
  /** The interval as input counts (finite sources). */
  lowCount?: number;
  highCount?: number;
  /** `--target-rate`: the random sample that, with no change in it, rules out this rate or more. */
  target?: { rate: number; sampleSize: number };
}

/** Trials one of twinrun's own limits kept from being judged. */
export interface InconclusiveStats {
  limit: import("../../adapters/types.ts").UnobservedLimit;
  /** Which limit, and how to raise it. */
  message: string;
  /** Side whose output was not observed, per trial counted: old, new or both. */
  sides: { old: number; new: number; both: number };
  trials: number;
  /** The first few input indices it hit. */
  exampleIndices: number[];
}

/** Dataset mode: each side ran once, on the whole sample written to a file. */
export interface DatasetReport {
  /** The format of the sample file the components read. */
  inputFormat: TableFormat;
  /** The format their output was read back in. */
  outputFormat: TableFormat;
  /** The folder holding the sample and output files, when kept (--keep-temp). */
  keptTemp?: string;
  old: DatasetSideReport;
  new: DatasetSideReport;
}

export interface DatasetSideReport {
  status: "ok" | "failure";
  durationMs: number;
  /** Rows the side's output held (ok sides). */
  rows?: number;
  /** Why the side failed: non-zero exit, timeout, or an output that could not be read (with its stderr). */
  failure?: Failure;
}

/** The i-th (1-based) of n disjoint parts of one sample. */
export interface ShardInfo {
  index: number;
  count: number;
}

/** One entry of the accepted-differences file and what it covered in this run. */
export interface AcceptedEntryReport {
  /** Path pattern, matched against whole difference paths. */
  path: string;
  kinds: DifferenceKind[];
  /** Trials this entry may cover, as written: a count ("3") or a rate of trials ("0.5%"); absent with maxRate. */
  maxChanged?: string;
  /** The rate this entry may cover as an upper 95% bound ("2.9%"): exceeded only when the run shows a higher rate with confidence. */
  maxRate?: string;
  note?: string;
  /** Trials in which this entry covered at least one difference. */
  matchedTrials: number;
  /** used: matched within its range; unused: matched nothing; exceeded: matched more trials than its limit allows, so it covers nothing. */
  status: "used" | "unused" | "exceeded";
}

/** The accepted differences of a run: entries, coverage, and the counts the gate used. */
export interface AcceptedReport {
  /** Absolute path of the accepted-differences file. */
  file: string;
  /** strictAccepted: an unused entry fails the gate. */
  strict: boolean;
  entries: AcceptedEntryReport[];
  /** Changed trials whose every difference an entry within its range covers. */
  coveredTrials: number;
  /** Changed trials with at least one difference no entry (within its range) covers: what the gate counts. */
  uncoveredTrials: number;
  /** Per changed path (folded): the entries that covered it, and whether some difference there had none. */
  paths: { path: string; entries: number[]; unmatched: boolean }[];
  /** Changed trials per combination of entries they needed (unmatched: some difference had no entry); sums over shards. */
  combinations: { entries: number[]; unmatched: boolean; trials: number }[];
}
