// Spawning a component as the leader of its own process group, and killing that whole group.
// Killing the group (not just the pid) also ends `sh -c` wrappers' children and any grandchildren
// the component started. Every live group is kept in a module-level registry, so a Ctrl-C handler
// (or process exit) can kill them all synchronously and no component outlives twinrun.
import { execa, type ResultPromise } from "execa";
import type { LaunchSpec } from "./types.ts";

/** How long a process gets between SIGTERM (and a closed stdin) and SIGKILL. */
export const STOP_GRACE_MS = 500;

/** The execa options every component process shares; stdout/stderr are read by the caller. */
export type GroupProcess = ResultPromise<{
  detached: true;
  reject: false;
  buffer: false;
  stdin: "pipe";
  stdout: "pipe";
  stderr: "pipe";
}>;

const liveGroups = new Set<number>();
let exitHookInstalled = false;

/** Spawns the component in its own process group (detached), with pipes on all three streams. */
export function spawnInGroup(launch: LaunchSpec): GroupProcess {
  const options = {
    cwd: launch.cwd,
    env: launch.env,
    extendEnv: true,
    detached: true,
    cleanup: false,
    reject: false,
    buffer: false,
    stdin: "pipe",
    stdout: "pipe",
    stderr: "pipe",
    stripFinalNewline: false,
    shell: launch.shell,
  } as const;
  const subprocess = launch.shell ? execa(launch.file, options) : execa(launch.file, launch.args, options);
  // Writing to a component that already exited raises EPIPE; the exit itself is what we report.
  subprocess.stdin.on("error", () => {});
  if (subprocess.pid !== undefined) registerGroup(subprocess.pid);
  return subprocess;
}

/** Sends a signal to a whole process group; a group that is already gone is not an error. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: every process of the group has exited already.
  }
}

/** Kills a group for good and forgets it: the last step of every component process's life. */
export function releaseGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  killGroup(pid, "SIGKILL");
  liveGroups.delete(pid);
}

/** SIGKILLs every component process group still alive; synchronous, for SIGINT and exit handlers. */
export function killAllChildren(): void {
  for (const pid of liveGroups) killGroup(pid, "SIGKILL");
  liveGroups.clear();
}

/** Number of component process groups currently alive (for tests and diagnostics). */
export function countLiveGroups(): number {
  return liveGroups.size;
}

function registerGroup(pid: number): void {
  liveGroups.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", killAllChildren);
  }
}
