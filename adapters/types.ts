// The two contracts adapters implement. A record adapter starts once, runs inputs, stops; a table
// adapter runs once on the sample file and writes a table. Neither throws for a component's own
// failure; that is an outcome (or result) of status "failure". A record adapter throws
// ComponentStartError only when the component cannot be started at all.

import type { NotebookCellsReport } from "./notebook/types.ts";

export type Side = "old" | "new";

/** What a record adapter gets besides its component: its side and the run's limits. */
export interface AdapterSideOptions {
  /** Which side this component is, for messages. */
  side: Side;
  /** Per-input timeout; 0 means none. */
  timeoutMs: number;
  /** The most inputs in flight at once (workers, threads or requests; one per concurrency slot). */
  concurrency: number;
  /** twinrun's limit on one output, in characters (default: TWINRUN_MAX_OUTPUT_MB, else 64 MB). */
  outputLimitChars?: number;
}

/** A resolved component as its adapter takes it: what names it in the run (label, setup) left out. */
export type ComponentOptions<Resolved> = Omit<Resolved, "adapter" | "label" | "setup">;

/** One input as both components receive it: the exact bytes, never re-serialised. */
export interface TrialInput {
  /** Position of the record in the input source (0-based); the trial's identity in reports. */
  index: number;
  /** The record's JSON text, byte for byte as read (JSONL) or serialised once (CSV, JSON array). */
  text: string;
}

export type FailureKind =
  | "exit" // non-zero exit status
  | "signal" // killed by a signal (crash)
  | "timeout" // exceeded the per-input timeout
  | "unparsable" // output was not one JSON value
  | "exception" // the component raised/threw (in-process adapters)
  | "crash" // the worker process died mid-input
  | "http" // an HTTP component answered with a non-2xx status
  | "protocol"; // a worker broke its line protocol (an extra, missing or mismatched line)

/** Which of twinrun's own limits kept it from observing an output. */
export type UnobservedLimit = "output-size" | "depth" | "unsendable-input" | "timeout";

export interface Failure {
  kind: FailureKind;
  message: string;
  exitCode?: number;
  signal?: string;
  /** Exception type/name for in-process adapters. */
  errorType?: string;
  /** The last 4 KB of the component's stderr, when it has one. */
  stderr?: string;
  /** HTTP components: the response status of a non-2xx answer. */
  status?: number;
  /** HTTP components: the start of the response body (at most 1 KB), for a non-2xx answer. */
  body?: string;
  /**
   * Set when twinrun's own limit (not the component) stopped it from observing the output; the
   * message then says which limit and how to raise it. Such a trial is inconclusive, never "same".
   */
  unobserved?: UnobservedLimit;
}

export type Outcome =
  | {
      status: "ok";
      /** The output's JSON text (one value). */
      text: string;
      /** The output parsed losslessly, when the adapter already parsed it (saves a second parse). */
      value?: unknown;
      durationMs: number;
    }
  | { status: "failure"; failure: Failure; durationMs: number };

/** A component run input by input (command per-input/worker, Python record style, module, HTTP, function). */
export interface RecordAdapter {
  /** Starts long-lived resources (workers); throws ComponentStartError when the component cannot start. */
  start(): Promise<void>;
  /** Runs one input; resolves with an Outcome, never rejects for the component's own failure. */
  run(input: TrialInput): Promise<Outcome>;
  /** Stops every process the adapter started (whole process trees). Safe to call twice. */
  stop(): Promise<void>;
  /** After start: what the report says about the component beyond its spec (a notebook's cells). */
  details?(): ComponentDetails;
}

/** What an adapter learnt about its component when it started, for the report's components section. */
export interface ComponentDetails {
  /** A function taken from a notebook: which cells were taken and which left out, and why. */
  notebook?: NotebookCellsReport;
}

/** One run of a table adapter: where the sample is and where its output table must end up. */
export interface TableRunRequest {
  /** The sample file, in the run's sample format. */
  inputPath: string;
  /** Where the output table must be written. */
  outputPath: string;
  /** Aborting (Ctrl-C) stops the component; the result is then an interrupted failure. */
  signal?: AbortSignal;
}

/** How one table run went: its output is at the request's outputPath, or it failed. */
export type TableRunResult =
  | {
      status: "ok";
      durationMs: number;
      /** The last 4 KB of its stderr (logs, warnings); "" when it wrote none. */
      stderr: string;
    }
  | {
      status: "failure";
      failure: Failure;
      durationMs: number;
      /** Present when twinrun stopped it because the run was interrupted (signal aborted). */
      interrupted?: true;
    };

/** A component run once on the whole sample file, writing one output table (a batch step, src/types.ts). */
export interface TableAdapter {
  /** Runs the component once; resolves with its result, never rejects for the component's own failure. */
  run(request: TableRunRequest): Promise<TableRunResult>;
}
