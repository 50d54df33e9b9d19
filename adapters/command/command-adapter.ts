// The command adapter: runs a component as a shell command, one process per input (per-input)
// or as a pool of long-lived JSON-lines workers (worker). See adapters/types.ts for the contract.
// dataset mode is not an adapter: it runs once per side through runDatasetCommand (dataset-run.ts).

import { assertCanLaunch } from "../process/launch-check.ts";
import { type GroupProcess, killGroup, STOP_GRACE_MS } from "../process/process-tree.ts";
import type { LaunchSpec } from "../process/types.ts";
import {
  type InputClock,
  type TimedOut,
  type TimedRecordAdapter,
  withInputTimeout,
} from "../shared/input-timeout.ts";
import { outputLimitChars } from "../shared/output-limit.ts";
import type { Outcome, RecordAdapter, TrialInput } from "../types.ts";
import { assertNoShellSyntax, splitCommand } from "./command-line.ts";
import { runPerInput } from "./per-input.ts";
import type { CommandAdapterOptions } from "./types.ts";
import { WorkerPool } from "./worker-pool.ts";

/** Default time start() watches a fresh worker for an immediate exit. */
export const DEFAULT_START_GRACE_MS = 500;
/** Extra time a fresh worker gets on its first input for imports and model loading. */
export const DEFAULT_STARTUP_ALLOWANCE_MS = 10_000;

/** Creates the adapter for one side; throws a TwinrunError when the command line itself is malformed. */
export function createCommandAdapter(options: CommandAdapterOptions): RecordAdapter {
  if (options.mode === "dataset") {
    throw new Error(
      `twinrun bug: the ${options.side} component runs in dataset mode, which runs once through runDatasetCommand, not through an adapter`,
    );
  }
  const launch = toLaunchSpec(options);
  const timeout = { timeoutMs: options.timeoutMs, awaited: "output" } as const;
  if (options.mode === "worker") {
    const pool = new WorkerPool({
      side: options.side,
      launch,
      timeoutMs: options.timeoutMs,
      concurrency: options.concurrency,
      startGraceMs: options.startGraceMs ?? DEFAULT_START_GRACE_MS,
      startupAllowanceMs: options.startupAllowanceMs ?? DEFAULT_STARTUP_ALLOWANCE_MS,
    });
    return withInputTimeout(pool, timeout);
  }
  return withInputTimeout(createPerInputAdapter(options, launch), timeout);
}

/** Parses the command once into what execa gets: (file, args), or the whole line for a shell. */
export function toLaunchSpec(options: CommandAdapterOptions): LaunchSpec {
  const base = {
    cwd: options.cwd,
    env: options.env,
    outputLimitChars: options.outputLimitChars ?? outputLimitChars(),
  };
  if (options.shell) return { ...base, file: options.command.trim(), args: [], shell: true };
  assertNoShellSyntax(options.command, options.side);
  const [file, ...args] = splitCommand(options.command, options.side);
  return { ...base, file, args, shell: false };
}

function createPerInputAdapter(options: CommandAdapterOptions, launch: LaunchSpec): TimedRecordAdapter {
  const running = new Set<GroupProcess>();
  let launched = false;
  let stopping: Promise<void> | undefined;
  const context = {
    side: options.side,
    launch,
    track: (subprocess: GroupProcess) => {
      running.add(subprocess);
      return () => running.delete(subprocess);
    },
    hasLaunched: () => launched,
    markLaunched: () => {
      launched = true;
    },
  };
  return {
    async start() {
      assertCanLaunch(options.side, launch);
    },
    run(input: TrialInput, clock: InputClock): Promise<Outcome | TimedOut> {
      if (stopping)
        return Promise.reject(new Error(`twinrun bug: ${options.side} adapter got an input after stop()`));
      return runPerInput(context, input, clock);
    },
    stop() {
      stopping ??= stopProcesses([...running]);
      return stopping;
    },
  };
}

// Per-input processes still running at stop(): SIGTERM their groups, SIGKILL the stragglers.
async function stopProcesses(processes: GroupProcess[]): Promise<void> {
  if (processes.length === 0) return;
  for (const subprocess of processes) killGroup(subprocess.pid, "SIGTERM");
  await Promise.all(
    processes.map(async (subprocess) => {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), STOP_GRACE_MS);
      });
      const ended = subprocess.then(() => "ended" as const);
      if ((await Promise.race([ended, grace])) === "late") killGroup(subprocess.pid, "SIGKILL");
      clearTimeout(timer);
    }),
  );
}
