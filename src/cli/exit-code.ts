// The one place where an error becomes a message on stderr and an exit code. A user's mistake
// (usage, config, input, the machine's files) gets one line that says what to fix; only a bug
// in twinrun itself prints a stack.
import { CommanderError } from "commander";
import { ExitCode, TwinrunError } from "../errors.ts";
import type { OutputStream } from "./io.ts";

/** Why: every command funnels its errors here, so exit codes are decided once (0/1/2/3/130). */
export function exitCodeForError(error: unknown, stderr: OutputStream): number {
  if (error instanceof CommanderError) {
    // Commander already printed the message and the usage line; help and version are successes.
    return error.exitCode === 0 ? ExitCode.equivalent : ExitCode.usage;
  }
  if (error instanceof TwinrunError) {
    stderr.write(`twinrun: ${error.message}\n`);
    return error.exitCode;
  }
  const system = describeSystemError(error);
  if (system !== undefined) {
    stderr.write(`twinrun: ${system}\n`);
    return ExitCode.usage;
  }
  stderr.write(
    `twinrun: internal error — this is a bug in twinrun, please report it with the command you ran:\n${
      error instanceof Error ? (error.stack ?? error.message) : String(error)
    }\n`,
  );
  return ExitCode.usage;
}

/**
 * A failed system call on a path the user gave (a directory where a file belongs, no permission,
 * a full disk) is the machine's state, not a bug: its message, without a stack.
 */
function describeSystemError(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, syscall, path } = error as NodeJS.ErrnoException;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code) || typeof syscall !== "string") return undefined;
  const hint = SYSTEM_HINTS[code] ?? "";
  return `${path === undefined ? "" : `${path}: `}${error.message}${hint}`;
}

const SYSTEM_HINTS: Record<string, string> = {
  EISDIR: "; expected a file, found a folder",
  ENOTDIR: "; a part of the path is a file, not a folder",
  EACCES: "; check the file's permissions",
  EPERM: "; check the file's permissions",
  ENOSPC: "; the disk is full",
  ENOENT: "; check the path",
};
