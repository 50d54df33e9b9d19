// The command adapter's own contracts: how one side's command is run.
import type { ResolvedComponentBase } from "../kind.ts";
import type { AdapterSideOptions, ComponentOptions, Side, TableRunRequest } from "../types.ts";

/** per-input and worker run through a record adapter; dataset runs once per side through a table adapter. */
export const COMMAND_MODES = ["per-input", "worker", "dataset"] as const;
export type CommandMode = (typeof COMMAND_MODES)[number];

/** A component run as a command (the default when a config section has no `adapter`). */
export interface ResolvedCommandComponent extends ResolvedComponentBase {
  adapter: "command";
  /** The command line, e.g. `python3 features_old.py --flag 'a b'`. */
  command: string;
  /** per-input: one process per input; worker: long-lived processes reading one JSON line per input; dataset: one run on the sample file. */
  mode: CommandMode;
  /** Run the command through `sh -c` (pipes, globs, variables); off by default. */
  shell: boolean;
}

/** Everything the command adapter needs, fully resolved by the caller; env is the shared env + the side's env. */
export interface CommandAdapterOptions
  extends ComponentOptions<ResolvedCommandComponent>,
    AdapterSideOptions {
  /** Worker mode: how long start() watches the first worker for an early exit (default 500 ms). */
  startGraceMs?: number;
  /** Worker mode: extra timeout a fresh worker gets on its first input, for imports (default 10 000 ms). */
  startupAllowanceMs?: number;
}

/** Dataset mode: one run of one side's command on the whole sample, written to a file. */
export interface DatasetCommandOptions
  extends Omit<ComponentOptions<ResolvedCommandComponent>, "mode">,
    TableRunRequest {
  side: Side;
  /** Timeout of the whole run; 0 means no timeout. `{input}` and `{output}` in the command stand for the two paths. */
  timeoutMs: number;
}
