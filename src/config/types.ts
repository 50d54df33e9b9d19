// Resolved configuration: the frozen, fully populated object the run uses. Built once by
// resolveRunConfig from (config file, flags); nothing downstream re-checks defaults.

import type { ResolvedComponent } from "../../adapters/registry.ts";
import type { CompareOptions } from "../compare/types.ts";
import type { BadInputAction, InputFormat, InputRecord, SampleStrategy } from "../inputs/types.ts";
import type { ReportOutput } from "../reporters/outputs.ts";
import type { DatasetFormat, TableFormat } from "../table/types.ts";

/** Dataset mode's files (see ResolvedRunConfig.dataset). */
export interface ResolvedDatasetConfig {
  /** Format of the sample file; undefined: the input source's format. */
  format?: DatasetFormat;
  /** Format the outputs are read in; undefined: the sample file's format. */
  outputFormat?: TableFormat;
  /** Keep the temporary folder with the sample and output files. */
  keepTemp: boolean;
  /** Runs of each side's batch step, for the slowdown (1: one run, no interval). */
  repeat: number;
}

/** How two tables are compared (dataset mode, `twinrun diff`, the Python dataframe style). */
export interface ResolvedTableConfig {
  /** Columns that identify a row; undefined: rows are matched by position. */
  key?: string[];
  /** Report a change in the order of columns. */
  columnOrder: boolean;
  /** Match column names (key columns too) ignoring case. */
  ignoreColumnCase: boolean;
  /** Gate: the largest population stability index a column may have; undefined: no PSI gate. */
  psiMax?: number;
  /** The table engine's memory limit (e.g. "1GB"); beyond it, it spills to disk. */
  memoryLimit: string;
  /** Compare two tables of one Postgres database inside it (else both stream into the engine). */
  pushdown: boolean;
}

export type { ResolvedCommandComponent } from "../../adapters/command/types.ts";
export type { ResolvedFunctionComponent } from "../../adapters/function/types.ts";
export type { HttpMethod, ResolvedHttpComponent } from "../../adapters/http/types.ts";
export type { ResolvedModuleComponent } from "../../adapters/module/types.ts";
export type { PythonStyle, ResolvedPythonComponent } from "../../adapters/python/types.ts";
/** One side's component; its kind (adapters/registry.ts) decides which fields it has. */
export type { ResolvedComponent } from "../../adapters/registry.ts";

/** "Changed trials allowed": an absolute count or a rate in percent of trials. */
export type MaxChanged = { count: number } | { ratePercent: number };

export interface ResolvedRunConfig {
  /** Absolute path of the config file used, if any. */
  configFile?: string;
  /** Folder that relative paths were resolved against (config file's folder or cwd). */
  baseDir: string;
  input: {
    path: string;
    format?: InputFormat;
    sample: number | "all";
    strategy: SampleStrategy;
    seed: number;
    stratifyBy?: string;
    csvStrings: boolean;
    onBadInput: BadInputAction;
    /** Inputs given in memory (the programmatic API); `path` then only names them in reports. */
    records?: readonly InputRecord[];
  };
  /** Rerun exactly the inputs of an earlier report. */
  replay?: { reportPath: string; only?: number[] };
  /** --base: the old side runs from a temporary git worktree of this ref. */
  base?: {
    ref: string;
    /** True when no old label was given: the old side is then labelled `<ref>@<short sha>`. */
    labelFromRef: boolean;
  };
  /** --shard i/n: run only the i-th (1-based) of n disjoint parts of the sample. */
  shard?: { index: number; count: number };
  old: ResolvedComponent;
  new: ResolvedComponent;
  /** Environment both sides share (TZ, PYTHONHASHSEED, TWINRUN_SEED unless overridden). */
  sharedEnv: Record<string, string>;
  compare: CompareOptions;
  /** Old runs twice on `trials` sampled inputs (undefined: min(50, sample); tables: the whole sample) before the comparison. */
  calibrate?: { trials?: number };
  /** Dataset mode's files; defaults (keepTemp false) when the components do not run in dataset mode. */
  dataset: ResolvedDatasetConfig;
  /** How tables are compared. A Python dataframe component's own `key` wins over table.key for it. */
  table: ResolvedTableConfig;
  /** timeoutMs: per input; in dataset mode, per side's whole run (0 = none, the dataset-mode default). */
  /** outputLimitChars: run.outputLimit (MB), else TWINRUN_MAX_OUTPUT_MB, else 64 MB, in characters. */
  runner: { concurrency: number; timeoutMs: number; outputLimitChars: number };
  gate: {
    maxChanged: MaxChanged;
    /** Absolute path of the accepted-differences file, when one is given or found. */
    accepted?: string;
    /** Fail the gate when an accepted entry matched nothing. */
    strictAccepted: boolean;
    /** Fail when new is slower than this many times old, with 95% confidence. */
    maxSlowdown?: number;
  };
  /** Shrinking: how many changed inputs after the run, and each one's budgets. */
  shrink: { examples: number; maxSteps: number; timeBudgetMs: number };
  report: {
    /** Extra JSON report path (absolute). */
    json?: string;
    /** How many differing inputs to show. */
    examples: number;
    /** Keep .twinrun/last-report.json (in the base folder). */
    save: boolean;
    /** Markdown summary path (absolute). */
    markdown?: string;
    /** JUnit XML path (absolute). */
    junit?: string;
    /** HTML report path (absolute). */
    html?: string;
    /** Every output to write (reporters, the shorthands' files, the terminal report by default). */
    outputs: ReportOutput[];
    /** Append the Markdown summary to $GITHUB_STEP_SUMMARY when it is set. */
    stepSummary: boolean;
    /** The change rate (a fraction) the report says what sample would rule out. */
    targetRate?: number;
    /** With calibrate: the config file to write the suggested rules into (absolute). */
    writeCalibration?: string;
  };
}
