// The process layer every adapter that starts a process shares: process groups (so a component's
// whole tree is stopped), exit information, the stderr tail, and the check that a command can start.
export { type ExitInfo, isCommandNotFound, waitForEnd } from "./exit-info.ts";
export { assertCanLaunch, resolveExecutable, startError } from "./launch-check.ts";
export {
  countLiveGroups,
  type GroupProcess,
  killAllChildren,
  killGroup,
  releaseGroup,
  STOP_GRACE_MS,
  spawnInGroup,
} from "./process-tree.ts";
export { lastStderrLine, STDERR_TAIL_CHARS, StderrTail } from "./stderr-tail.ts";
export type { LaunchSpec } from "./types.ts";
