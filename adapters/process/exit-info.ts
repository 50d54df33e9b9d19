// Waiting for a component process to end, and reading how it ended, in one small shape.
// A process "ends" when it exited and its pipes closed. A grandchild that inherited stdout can
// keep a pipe open after the component itself exited (a forgotten `&`, a multiprocessing pool),
// so shortly after the exit its whole group is killed and the pipes are let go.

import type { GroupProcess } from "./process-tree.ts";
import { killGroup } from "./process-tree.ts";

/** How a component process ended (or failed to start). */
export interface ExitInfo {
  exitCode?: number;
  signal?: string;
  /** Spawn error code (ENOENT, EACCES, ...) when the process never started. */
  spawnErrorCode?: string;
}

/** How long pipes may stay open after the component process exited. */
export const DRAIN_AFTER_EXIT_MS = 200;
/** How long we wait for a process we SIGKILLed before letting it go (it escaped its group). */
export const ABANDON_AFTER_KILL_MS = 1000;

/** Resolves once the process ended (see above) or, after `killed` resolves, gave up; never rejects. */
export function waitForEnd(subprocess: GroupProcess, killed?: Promise<void>): Promise<ExitInfo> {
  return new Promise<ExitInfo>((resolve) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (info: ExitInfo, releasePipes: boolean) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      if (releasePipes) destroyPipes(subprocess);
      resolve(info);
    };
    const later = (delayMs: number, action: () => void) => {
      const timer = setTimeout(action, delayMs);
      timer.unref();
      timers.push(timer);
    };

    readResult(subprocess).then((info) => finish(info, false));
    subprocess.once("exit", (code: number | null, signal: NodeJS.Signals | null) => {
      later(DRAIN_AFTER_EXIT_MS, () => {
        killGroup(subprocess.pid, "SIGKILL");
        finish({ exitCode: code ?? undefined, signal: signal ?? undefined }, true);
      });
    });
    killed?.then(() => later(ABANDON_AFTER_KILL_MS, () => finish({ signal: "SIGKILL" }, true)));
  });
}

/** Exit 127 with "not found" on stderr: how sh (and env) say the command does not exist. */
export function isCommandNotFound(exit: ExitInfo, stderr: string): boolean {
  return exit.exitCode === 127 && /not found|no such file/i.test(stderr);
}

async function readResult(subprocess: GroupProcess): Promise<ExitInfo> {
  try {
    const result = await subprocess;
    if (subprocess.pid === undefined)
      return { spawnErrorCode: (result as { code?: string }).code ?? "UNKNOWN" };
    return { exitCode: result.exitCode, signal: result.signal };
  } catch (error) {
    // reject: false makes this unreachable in practice; keep the contract "never rejects".
    return { spawnErrorCode: (error as { code?: string }).code ?? "UNKNOWN" };
  }
}

function destroyPipes(subprocess: GroupProcess): void {
  subprocess.stdin.destroy();
  subprocess.stdout.destroy();
  subprocess.stderr.destroy();
}
