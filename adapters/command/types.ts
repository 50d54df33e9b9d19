// The command adapter's own contracts: how one side's command is run.
import type { Side } from "../types.ts";

export type CommandMode = "per-input" | "worker";

/** Everything the command adapter needs, fully resolved by the caller (resolveRunConfig). */
export interface CommandAdapterOptions {
  /** Which side this component is, for messages. */
  side: Side;
  /** The command line, e.g. `python3 features_old.py --flag 'a b'`. */
  command: string;
  /** per-input: one process per input; worker: long-lived processes reading one JSON line per input. */
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
}
