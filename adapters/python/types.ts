// The Python adapter's contracts: how one side's Python function is run, and the typed message
// protocol between the adapter and its worker processes (adapters/python/worker.py).
import type { PythonStyle } from "../../src/config/types.ts";
import type { Side } from "../types.ts";

/** record: one call per input, function(dict); dataframe: one call per batch, function(DataFrame). */
export type { PythonStyle };

/** Everything the Python adapter needs, fully resolved by the caller (resolveRunConfig). */
export interface PythonAdapterOptions {
  /** Which side this component is, for messages. */
  side: Side;
  /** The interpreter: a name on PATH (`python3`) or an absolute path (`/srv/venv/bin/python`). */
  python: string;
  /** Module to import, e.g. `features_v1` or `pipeline.features`. */
  module: string;
  /** Function in the module, e.g. `build_features` (dots reach into classes: `Pipeline.run`). */
  function: string;
  style: PythonStyle;
  /** Absolute working folder; it comes first on sys.path. */
  cwd: string;
  /** Extra absolute sys.path entries, after cwd. */
  path: string[];
  /** Shared env + side env, already merged, on top of process.env. */
  env: Record<string, string>;
  /** dataframe style: columns that identify a row; every returned table must have them. */
  key?: string[];
  /** Seed `random` and `numpy.random` from TWINRUN_SEED before every call. */
  seedEachCall: boolean;
  /** Per-call timeout; 0 means none. */
  timeoutMs: number;
  /** The most workers alive at once (one per concurrency slot). */
  concurrency: number;
  /** How long a fresh worker may take to import the module (default 60 000 ms). */
  startupTimeoutMs?: number;
}

/** The settings worker.py reads from its first argument. */
export interface WorkerConfig {
  module: string;
  function: string;
  style: PythonStyle;
  cwd: string;
  path: string[];
  key: string[] | null;
  seedEachCall: boolean;
}

/** Adapter → worker: one call per line. The input is the trial's JSON text, inlined unchanged. */
export interface CallMessage {
  id: number;
  type: "call";
  input: unknown;
}

/** Worker → adapter, once, after the module was imported and the function found. */
export interface ReadyMessage {
  type: "ready";
  pid: number;
  python: string;
}

/** Worker → adapter, instead of ready: the import failed (the worker then exits with status 3). */
export interface StartupErrorMessage {
  type: "startup-error";
  errorType: string;
  message: string;
  traceback: string;
}

/** The function returned; `outputText` is the output's JSON text, sliced from the line unchanged. */
export interface ResultMessage {
  type: "result";
  id: number;
  outputText: string;
}

/** The function raised: Python's exception type, message, traceback and the call's captured prints. */
export interface ErrorMessage {
  type: "error";
  id: number;
  errorType: string;
  message: string;
  traceback: string;
  stderr: string;
}

/** The function returned something that has no faithful JSON form (an open file, a lambda …). */
export interface UnserialisableMessage {
  type: "unserialisable";
  id: number;
  message: string;
  stderr: string;
}

/** A line that is none of the above: the worker is out of step and is replaced. */
export interface GarbageLine {
  type: "garbage";
  line: string;
}

export type WorkerMessage =
  | ReadyMessage
  | StartupErrorMessage
  | ResultMessage
  | ErrorMessage
  | UnserialisableMessage
  | GarbageLine;

/** Replies that answer one call (they carry its id). */
export type CallReplyMessage = ResultMessage | ErrorMessage | UnserialisableMessage;
