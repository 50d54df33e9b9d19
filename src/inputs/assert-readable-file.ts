// A missing or unreadable input source is the user's mistake: say which path, before any reading starts.
import { stat } from "node:fs/promises";
import { TwinrunError } from "../errors.ts";

/** Why: turns ENOENT/EISDIR/EACCES into TwinrunErrors that name the path instead of a stack trace. */
export async function assertReadableFile(path: string): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(path)).isFile();
  } catch (error) {
    throw toInputFileError(path, error);
  }
  if (!isFile) {
    throw new TwinrunError(
      "INPUT_INVALID",
      `${path}: expected an input file, found a directory or special file`,
    );
  }
}

/** Why: the same translation for errors raised later by a read stream (e.g. permissions). */
export function toInputFileError(path: string, error: unknown): TwinrunError {
  if (error instanceof TwinrunError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") {
    return new TwinrunError("INPUT_NOT_FOUND", `input file not found: ${path} (check the input path)`, {
      cause: error,
    });
  }
  if (code === "EACCES" || code === "EPERM") {
    return new TwinrunError("INPUT_INVALID", `${path}: permission denied reading the input file`, {
      cause: error,
    });
  }
  if (code === "EISDIR") {
    return new TwinrunError("INPUT_INVALID", `${path}: expected an input file, found a directory`, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TwinrunError("INPUT_INVALID", `${path}: cannot read the input file: ${message}`, {
    cause: error,
  });
}
