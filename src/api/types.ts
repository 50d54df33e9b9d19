// The programmatic API's options: the user config's sections, plus what only code can hand over
// (in-memory inputs, functions as components, an abort signal). Validated by the same schema
// and resolved by the same resolver as the config file and the flags.
import type { UserConfig } from "../config/schema.ts";
import type { RunHooks } from "../run/run-components.ts";

/** A component as a function: one input record in, one output value (or a promise of one) out. */
// biome-ignore lint/suspicious/noExplicitAny: the record's shape is the user's; any lets typed functions in.
export type TwinFunction = (input: any) => unknown;

/** A component section exactly as in the config file (`{ adapter: module, file: …, export: … }`). */
export type ComponentSection = NonNullable<UserConfig["old"]>;

/**
 * One side: a function (runs in this process), a function with a label, a spec string as on the
 * command line (`"python3 f.py"`, `"py:mod:fn"`, `"js:src/score.ts#score"`, `"http://…"`), or a
 * config section.
 */
export type TwinComponent = TwinFunction | { fn: TwinFunction; label?: string } | string | ComponentSection;

/** Options of runTwin and twin: the config file's sections, plus inputs and components in memory. */
export interface TwinOptions {
  /** The old side; required unless the config file (`config`) names it. */
  old?: TwinComponent;
  /** The new side; required unless the config file (`config`) names it. */
  new?: TwinComponent;
  /** Input records in memory; each is serialised once, so both sides get the same JSON. Default sample: all. */
  inputs?: readonly unknown[];
  /** An input source file and sampling, as the config's `input` section (instead of `inputs`). */
  input?: UserConfig["input"];
  /** Where SQL components (`sql:<file>`) run: a postgresql:// URL or duckdb:<file>; no inputs are read then. */
  database?: UserConfig["database"];
  /** Environment for both sides. */
  env?: UserConfig["env"];
  compare?: UserConfig["compare"];
  run?: UserConfig["run"];
  gate?: UserConfig["gate"];
  /** Table comparison (dataset mode, the dataframe style): key columns, column order, psiMax. */
  table?: UserConfig["table"];
  /** Dataset mode: sample file format, output format, keepTemp. */
  dataset?: UserConfig["dataset"];
  /** `report.json` writes the JSON report there; nothing else is written. */
  report?: UserConfig["report"];
  /** A config file read first (as with `-c`); these options override it. No config file is read without it. */
  config?: string;
  /** Folder relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /** Aborting stops the run; the report is then marked incomplete. */
  signal?: AbortSignal;
  /** Called after every trial, in input order. */
  onTrial?: RunHooks["onTrial"];
}

/** Options of compare(): the config's `compare` section (tolerance, exact, rules, …). */
export type CompareSettings = NonNullable<UserConfig["compare"]>;
