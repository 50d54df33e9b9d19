// Where the accepted-differences file is looked for when none is named.
import { stat } from "node:fs/promises";
import path from "node:path";

/** The conventional name, beside the config file (or in the working folder without one). */
export const ACCEPTED_FILE_NAME = "twinrun.accepted.yaml";

/**
 * Why: a committed `twinrun.accepted.yaml` beside the config is read without a flag, so a PR
 * that approves a change only adds that file. A named file is returned as is (a missing one is
 * an error when it is read); the default only when it exists.
 */
export async function findAcceptedFile(
  explicit: string | undefined,
  baseDir: string,
): Promise<string | undefined> {
  if (explicit !== undefined) return explicit;
  const candidate = path.join(baseDir, ACCEPTED_FILE_NAME);
  try {
    return (await stat(candidate)).isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}
