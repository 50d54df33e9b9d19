// The Python adapter's contracts: how one side's Python function is run, and the typed message
// protocol between the adapter and its worker processes (adapters/python/worker.py).
import type { ResolvedComponentBase } from "../kind.ts";
import type { AdapterSideOptions, ComponentOptions } from "../types.ts";

/** record: function(dict) per input; dataframe: function(DataFrame) per batch of rows. */
export const PYTHON_STYLES = ["record", "dataframe"] as const;
export type PythonStyle = (typeof PYTHON_STYLES)[number];

/** A Python function run in persistent workers (`adapter: python`, or `py:<module>:<function>`). */
export interface ResolvedPythonComponent extends ResolvedComponentBase {
  adapter: "python";
  /** Module to import, e.g. `features_v1` or `pipeline.features`. */
  module: string;
  /** Function in the module, e.g. `build_features` (dots reach into classes: `Pipeline.run`). */
  function: string;
  style: PythonStyle;
  /** The interpreter: config `python`, else TWINRUN_PYTHON, else `python3` (absolute when it has a folder). */
  python: string;
  /** Extra sys.path entries (absolute), after cwd (which comes first). */
  path: string[];
  /** dataframe style: records per call; undefined = the whole sample in one call. Same on both sides. */
  batchSize?: number;
  /** dataframe style: columns that identify a row; every returned table must have them. Same on both sides. */
  key?: string[];
  /** Seed `random` and `numpy.random` from TWINRUN_SEED before every call. */
  seedEachCall: boolean;
}

/** A component whose function runs in the Python workers: `py:`, and `nb:` with a function. */
export type PythonFunctionComponent = ResolvedComponentBase &
  Pick<ResolvedPythonComponent, "function" | "style" | "batchSize" | "key">;

/** Why: the dataframe style's batching and keys serve every kind that calls a Python function. */
export function isPythonFunctionComponent(
  component: ResolvedComponentBase,
): component is PythonFunctionComponent {
  const candidate = component as Partial<PythonFunctionComponent>;
  return typeof candidate.function === "string" && PYTHON_STYLES.includes(candidate.style as PythonStyle);
}

/** Everything the Python adapter needs, fully resolved by the caller; env is the shared env + the side's env. */
export interface PythonAdapterOptions extends ComponentOptions<ResolvedPythonComponent>, AdapterSideOptions {
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
