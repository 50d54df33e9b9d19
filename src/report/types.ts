// The report: everything a run aggregated. Reporters render it; the gate judges it.

import type { ComponentDetails, Failure } from "../../adapters/types.ts";
import type { Difference, DifferenceKind } from "../compare/types.ts";
import type { SampleIdentity } from "../inputs/types.ts";
import type { TableFormat, TableReport } from "../table/types.ts";

export type Verdict = "equivalent" | "changed" | "error";

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
}

export interface TimingStats {
  p50: number;
  p95: number;
  totalMs: number;
}

export interface ComponentInfo extends ComponentDetails {
  label: string;
  /** Human-readable description of how the component runs, e.g. `python3 f.py (worker)`. */
  spec: string;
}

export interface Report {
  tool: "twinrun";
  reportVersion: 1;
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
  };
  paths: PathStats[];
  examples: Example[];
  timing: { old: TimingStats; new: TimingStats; wallMs: number };
  gate: {
    maxChanged: string;
    passed: boolean;
    exitCode: number;
    /** Changed trials the gate counted: those not covered by accepted differences (present with an accepted file). */
    counted?: number;
    /** Why the gate failed when the counts alone would pass (e.g. an unused accepted entry under strictAccepted). */
    reason?: string;
  };
  /** The settings needed to reproduce the run (replay). */
  settings: Record<string, unknown>;
  /** Present when an accepted-differences file was read: which entries covered what. */
  accepted?: AcceptedReport;
  /** Present for one shard of a sharded run: sample.indices then holds this shard's inputs only, while sample.size stays the whole sample's size. */
  shard?: ShardInfo;
  /** Present with --base: the git ref (and the commit it named) the old side was checked out from. */
  base?: { ref: string; commit: string };
  /**
   * Present when tables were compared (`twinrun diff`, dataset mode, the Python dataframe style):
   * schema, rows, per-column statistics and distributions. Each row pair is then one trial of
   * `summary`, and `paths` are columns.
   */
  table?: TableReport;
  /** Present in dataset mode: how each side's single run went and where its files are. */
  dataset?: DatasetReport;
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
  /** Trials this entry may cover, as written: a count ("3") or a rate of trials ("0.5%"). */
  maxChanged: string;
  note?: string;
  /** Trials in which this entry covered at least one difference. */
  matchedTrials: number;
  /** used: matched within its range; unused: matched nothing; exceeded: matched more trials than maxChanged, so it covers nothing. */
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
