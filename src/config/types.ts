// Resolved configuration: the frozen, fully populated object the run uses. Built once by
// resolveRunConfig from (config file, flags); nothing downstream re-checks defaults.
import type { CompareOptions } from "../compare/types.ts";
import type { InputFormat, SampleStrategy } from "../inputs/types.ts";

export type CommandMode = "per-input" | "worker";

export interface ResolvedComponent {
  /** The command line, e.g. `python3 features_old.py`. */
  command: string;
  mode: CommandMode;
  /** Absolute working folder. */
  cwd: string;
  /** Extra environment for this side (on top of the shared environment). */
  env: Record<string, string>;
  label: string;
  /** Run through a shell (pipes, globs); off by default. */
  shell: boolean;
}

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
  };
  /** Rerun exactly the inputs of an earlier report. */
  replay?: { reportPath: string; only?: number[] };
  old: ResolvedComponent;
  new: ResolvedComponent;
  /** Environment both sides share (TZ, PYTHONHASHSEED, TWINRUN_SEED unless overridden). */
  sharedEnv: Record<string, string>;
  compare: CompareOptions;
  runner: { concurrency: number; timeoutMs: number };
  gate: { maxChanged: MaxChanged };
  report: {
    /** Extra JSON report path (absolute). */
    json?: string;
    /** How many differing inputs to show. */
    examples: number;
    /** Keep .twinrun/last-report.json (in the base folder). */
    save: boolean;
  };
}
