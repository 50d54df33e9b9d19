// Resolved configuration: the frozen, fully populated object the run uses. Built once by
// resolveRunConfig from (config file, flags); nothing downstream re-checks defaults.
import type { CompareOptions } from "../compare/types.ts";
import type { InputFormat, InputRecord, SampleStrategy } from "../inputs/types.ts";

export type CommandMode = "per-input" | "worker" | "dataset";

/** Formats a dataset-mode sample file can be written in. */
export type DatasetFormat = "csv" | "jsonl" | "json";
/** Formats an output table can be read in (dataset mode, `twinrun diff`). */
export type TableFileFormat = "csv" | "jsonl" | "json" | "parquet";

/** Dataset mode's files (see ResolvedRunConfig.dataset). */
export interface ResolvedDatasetConfig {
  /** Format of the sample file; undefined: the input source's format. */
  format?: DatasetFormat;
  /** Format the outputs are read in; undefined: the sample file's format. */
  outputFormat?: TableFileFormat;
  /** Keep the temporary folder with the sample and output files. */
  keepTemp: boolean;
}

/** How two tables are compared (dataset mode, `twinrun diff`, the Python dataframe style). */
export interface ResolvedTableConfig {
  /** Columns that identify a row; undefined: rows are matched by position. */
  key?: string[];
  /** Report a change in the order of columns. */
  columnOrder: boolean;
  /** Gate: the largest population stability index a column may have; undefined: no PSI gate. */
  psiMax?: number;
  /** The table engine's memory limit (e.g. "1GB"); beyond it, it spills to disk. */
  memoryLimit: string;
}

/** What every component has, whatever adapter runs it. */
interface ResolvedComponentBase {
  /** Absolute working folder. */
  cwd: string;
  /** Extra environment for this side (on top of the shared environment). */
  env: Record<string, string>;
  label: string;
  /** A shell command run once in cwd before the component starts (e.g. `npm ci`); a failure is exit 3. */
  setup?: string;
}

/** A component run as a command (the default when a config section has no `adapter`). */
export interface ResolvedCommandComponent extends ResolvedComponentBase {
  adapter: "command";
  /** The command line, e.g. `python3 features_old.py`. */
  command: string;
  mode: CommandMode;
  /** Run through a shell (pipes, globs); off by default. */
  shell: boolean;
}

export type PythonStyle = "record" | "dataframe";

/** A Python function run in persistent workers (`adapter: python`, or `py:<module>:<function>`). */
export interface ResolvedPythonComponent extends ResolvedComponentBase {
  adapter: "python";
  module: string;
  function: string;
  /** record: function(dict) per input; dataframe: function(DataFrame) per batch. */
  style: PythonStyle;
  /** The interpreter: config `python`, else TWINRUN_PYTHON, else `python3` (absolute when it has a folder). */
  python: string;
  /** Extra sys.path entries (absolute), after cwd. */
  path: string[];
  /** dataframe style: records per call; undefined = the whole sample in one call. Same on both sides. */
  batchSize?: number;
  /** dataframe style: columns that identify a row (rows are matched by position without). Same on both sides. */
  key?: string[];
  /** Seed random and numpy.random from TWINRUN_SEED before every call. */
  seedEachCall: boolean;
}

/** A JavaScript or TypeScript function exported by a module (`adapter: module`, or `js:<file>#<export>`). */
export interface ResolvedModuleComponent extends ResolvedComponentBase {
  adapter: "module";
  /** Absolute path of the .js/.mjs/.cjs/.ts/.mts/.cts file. */
  file: string;
  /** The export to call; dots reach into objects (`scorer.score`); "default" for the default export. */
  export: string;
}

export type HttpMethod = "POST" | "PUT" | "PATCH" | "GET" | "DELETE";

/** An HTTP endpoint (`adapter: http`, or a `http://`/`https://` URL). Templates are expanded per request, never stored expanded. */
export interface ResolvedHttpComponent extends ResolvedComponentBase {
  adapter: "http";
  /** URL template: `${NAME}` reads an environment variable, `{{input.field}}` a field of the input. */
  url: string;
  method: HttpMethod;
  /** Header templates (values may hold `${NAME}`); reports never hold their expanded values. */
  headers: Record<string, string>;
  /** Request body template with `{{input}}` / `{{input.field}}`; undefined: the input's JSON text as is. */
  bodyTemplate?: string;
  /** Per-request timeout of this side; undefined: run.timeout. */
  timeoutMs?: number;
  /** A service twinrun starts before the first request and stops afterwards. */
  start?: { command: string; healthUrl: string; timeoutMs: number; shell: boolean };
}

/** A function handed to the programmatic API in memory; it runs in twinrun's own process. */
export interface ResolvedFunctionComponent extends ResolvedComponentBase {
  adapter: "function";
  /** The function's name, for reports. */
  name: string;
  /** Calls the user's function (a wrapper, so freezing the config never freezes the user's function). */
  call: (input: unknown) => unknown;
}

/** One side's component; the adapter decides which fields it has. */
export type ResolvedComponent =
  | ResolvedCommandComponent
  | ResolvedPythonComponent
  | ResolvedModuleComponent
  | ResolvedHttpComponent
  | ResolvedFunctionComponent;

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
    onBadInput: "fail" | "skip";
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
  /** Dataset mode's files; defaults (keepTemp false) when the components do not run in dataset mode. */
  dataset: ResolvedDatasetConfig;
  /** How tables are compared. A Python dataframe component's own `key` wins over table.key for it. */
  table: ResolvedTableConfig;
  /** timeoutMs: per input; in dataset mode, per side's whole run (0 = none, the dataset-mode default). */
  runner: { concurrency: number; timeoutMs: number };
  gate: {
    maxChanged: MaxChanged;
    /** Absolute path of the accepted-differences file, when one is given or found. */
    accepted?: string;
    /** Fail the gate when an accepted entry matched nothing. */
    strictAccepted: boolean;
  };
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
    /** Append the Markdown summary to $GITHUB_STEP_SUMMARY when it is set. */
    stepSummary: boolean;
  };
}
