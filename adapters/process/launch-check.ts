// Checks, before anything runs, that a component can start at all: its folder exists and its
// executable resolves (on PATH, or relative to the folder) and is executable. Failing here gives
// the user one clear message instead of a failure outcome for every input.
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { ComponentStartError } from "../../src/errors.ts";
import type { Side } from "../types.ts";
import type { LaunchSpec } from "./types.ts";

type Resolution = { found: true; path: string } | { found: false; reason: "not found" | "not executable" };

/** Throws ComponentStartError when the folder is missing or the executable cannot be run. */
export function assertCanLaunch(side: Side, launch: LaunchSpec): void {
  if (!isDirectory(launch.cwd)) {
    throw startError(side, `working folder does not exist: ${launch.cwd}`, launch.cwd);
  }
  if (launch.shell) return; // The shell resolves the command; run() reports exit 127 "not found".
  const resolution = resolveExecutable(launch.file, launch.cwd, launch.env.PATH ?? process.env.PATH ?? "");
  if (resolution.found) return;
  if (resolution.reason === "not executable") {
    throw startError(
      side,
      `not executable: ${JSON.stringify(launch.file)}; make it executable (chmod +x) or start it with its interpreter, e.g. "python3 ${launch.file}"`,
      launch.cwd,
    );
  }
  throw startError(
    side,
    `command not found: ${JSON.stringify(launch.file)}${notFoundHint(launch.file, launch.cwd)}`,
    launch.cwd,
  );
}

/** Builds the ComponentStartError message every start failure shares: side, reason, folder. */
export function startError(side: Side, reason: string, cwd: string, cause?: unknown): ComponentStartError {
  return new ComponentStartError(side, `${side} component could not start: ${reason} (cwd ${cwd})`, {
    cause,
  });
}

/** Finds a file the way execvp does: a name with a slash is relative to cwd, a bare name is looked up on PATH. */
export function resolveExecutable(file: string, cwd: string, pathVariable: string): Resolution {
  if (file.includes("/"))
    return checkCandidate(path.resolve(cwd, file)) ?? { found: false, reason: "not found" };
  let notExecutable = false;
  for (const dir of pathVariable.split(path.delimiter)) {
    if (dir === "") continue;
    const result = checkCandidate(path.resolve(cwd, dir, file));
    if (result?.found) return result;
    if (result !== undefined) notExecutable = true;
  }
  return { found: false, reason: notExecutable ? "not executable" : "not found" };
}

// undefined: no such file; otherwise whether the file can be executed.
function checkCandidate(candidate: string): Resolution | undefined {
  try {
    if (!statSync(candidate).isFile()) return { found: false, reason: "not executable" };
  } catch {
    return undefined;
  }
  try {
    accessSync(candidate, constants.X_OK);
    return { found: true, path: candidate };
  } catch {
    return { found: false, reason: "not executable" };
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

// A bare script name that exists in the folder: the user probably meant ./name or an interpreter.
function notFoundHint(file: string, cwd: string): string {
  if (file.includes("/")) return "";
  try {
    if (!statSync(path.join(cwd, file)).isFile()) return "";
  } catch {
    return "";
  }
  return `; a file of that name is in the folder: use "./${file}" or start it with its interpreter (e.g. "python3 ${file}")`;
}
