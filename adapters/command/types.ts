// The command adapter's own contracts: how one side's command is run.
import type { Failure, Side } from "../types.ts";

/** per-input and worker run through an Adapter; dataset runs once per side through runDatasetCommand. */
export type CommandMode = "per-input" | "worker" | "dataset";

/** Everything the command adapter needs, fully resolved by the caller (resolveRunConfig). */
export interface CommandAdapterOptions {
  /** Which side this component is, for messages. */
  side: Side;
  /** The command line, e.g. `python3 features_old.py --flag 'a b'`. */
  command: string;
  /** per-input: one process per input; worker: long-lived processes reading one JSON line per input; dataset: see DatasetCommandOptions. */
  mode: CommandMode;
  /** Absolute working folder of the component. */
  cwd: string;
  /** Extra environment (shared env + side env, already merged), on top of process.env. */
  env: Record<string, string>;
  /** Run the command through `sh -c` (pipes, globs, variables). */
  shell: boolean;
  /** Per-input timeout; 0 means no timeout. */
  timeoutMs: number;
  /** Worker mode: the most workers alive at once (one per concurrency slot). */
  concurrency: number;
  /** Worker mode: how long start() watches the first worker for an early exit (default 500 ms). */
  startGraceMs?: number;
  /** Worker mode: extra timeout a fresh worker gets on its first input, for imports (default 10 000 ms). */
  startupAllowanceMs?: number;
}

/** How the command is launched: the file and arguments handed to execa (or the shell line). */
export interface LaunchSpec {
  /** Executable (non-shell) or the whole command line (shell). */
  file: string;
  args: string[];
  shell: boolean;
  cwd: string;
  env: Record<string, string>;
  /** twinrun's limit on one output (stdout of one input, one worker line); see shared/output-limit.ts. */
  outputLimitChars?: number;
}

/** Dataset mode: one run of one side's command on the whole sample, written to a file. */
export interface DatasetCommandOptions {
  side: Side;
  /** The command line; `{input}` and `{output}` stand for the two file paths. */
  command: string;
  /** Absolute working folder of the component. */
  cwd: string;
  /** Extra environment (shared env + side env, already merged), on top of process.env. */
  env: Record<string, string>;
  /** Run the command through `sh -c`; the paths are then shell-quoted where they are put in. */
  shell: boolean;
  /** Timeout of the whole run; 0 means no timeout. */
  timeoutMs: number;
  /** The sample file: replaces `{input}`, or is streamed to stdin when the command has no `{input}`. */
  inputPath: string;
  /** Where the output must end up: replaces `{output}`, or receives stdout when the command has no `{output}`. */
  outputPath: string;
  /** Aborting (Ctrl-C) kills the command's process tree; the result is then an interrupted failure. */
  signal?: AbortSignal;
}

/** How one dataset-mode run went: its output is at outputPath, or it failed. */
export type DatasetCommandResult =
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
