// The module adapter's contracts: how one side's JavaScript/TypeScript function is run, and the
// typed message protocol between the adapter and its worker threads (module-worker.ts).
import type { ResolvedComponentBase } from "../kind.ts";
import type { AdapterSideOptions, ComponentOptions } from "../types.ts";

/** A JavaScript or TypeScript function exported by a module (`adapter: module`, or `js:<file>#<export>`). */
export interface ResolvedModuleComponent extends ResolvedComponentBase {
  adapter: "module";
  /** Absolute path of the .js/.mjs/.cjs/.ts/.mts/.cts file. */
  file: string;
  /** The export to call: a name, `default`, or a dotted path into an exported object (`scorer.score`). */
  export: string;
}

/**
 * Everything the module adapter needs, fully resolved by the caller; env is the shared env + the
 * side's env (the thread's process.env is process.env plus these). A thread that times out is
 * terminated and replaced.
 */
export interface ModuleAdapterOptions
  extends Omit<ComponentOptions<ResolvedModuleComponent>, "cwd">,
    AdapterSideOptions {
  /** How long a fresh worker thread may take to load the module (default 60 000 ms). */
  startupTimeoutMs?: number;
}

/** What a worker thread gets as workerData. */
export interface ModuleWorkerData {
  file: string;
  exportName: string;
}

/** Adapter → worker: run the function on one input (the trial's exact JSON text). */
export interface CallMessage {
  type: "call";
  id: number;
  inputText: string;
}

/** Worker → adapter, once: the module loaded and the export is a function. */
export interface ReadyMessage {
  type: "ready";
}

/** Worker → adapter, instead of ready: the module could not be loaded or has no such function. */
export interface StartupErrorMessage {
  type: "startup-error";
  errorType: string;
  message: string;
  stack?: string;
}

/** The function returned (or resolved with) a value, already in its comparable form. */
export interface ResultMessage {
  type: "result";
  id: number;
  /**
   * The comparable value (see comparable-value.ts): plain objects, arrays, numbers, bigints,
   * strings. Absent when it nests too deep to be cloned between threads; `text` is then parsed.
   */
  value?: unknown;
  /** Its JSON text (stringifyLossless). */
  text: string;
}

/** The function threw (or its promise rejected). */
export interface ExceptionMessage {
  type: "exception";
  id: number;
  errorType: string;
  message: string;
  stack?: string;
}

/** The function returned something with no comparable form (a circular structure). */
export interface UnserialisableMessage {
  type: "unserialisable";
  id: number;
  message: string;
  /** Set when the value passed twinrun's own depth limit (the trial is inconclusive). */
  limit?: "depth";
}

/**
 * Worker → adapter: console output (process.stdout/stderr writes). Why a message and not the
 * thread's stdio streams: those travel on a separate channel, so output written just before a
 * throw could arrive after the reply; messages on one port keep their order.
 */
export interface OutputMessage {
  type: "output";
  text: string;
}

/** Every message a worker thread posts. */
export type WorkerMessage =
  | ReadyMessage
  | OutputMessage
  | StartupErrorMessage
  | ResultMessage
  | ExceptionMessage
  | UnserialisableMessage;

/** Replies that answer one call (they carry its id). */
export type CallReplyMessage = ResultMessage | ExceptionMessage | UnserialisableMessage;

/** The outcome of one call, wherever it ran (worker thread or in-process), before timing is added. */
export type CallResult =
  | { kind: "result"; value: unknown; text: string }
  | { kind: "exception"; errorType: string; message: string; stack?: string }
  | { kind: "unserialisable"; message: string; limit?: "depth" };
