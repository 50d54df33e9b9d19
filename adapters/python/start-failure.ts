// Why a Python component could not start, said the way a user can act on: Python's own error
// (ImportError, SyntaxError, a missing function) with its traceback, the interpreter and folder
// used, and the likely fix. These end the run with exit 3 through ComponentStartError.
import { statSync } from "node:fs";
import { ComponentStartError } from "../../src/errors.ts";
import { quoteStart } from "../command/outcomes.ts";
import { resolveExecutable } from "../process/launch-check.ts";
import type { StartResult } from "./python-worker.ts";
import type { PythonAdapterOptions } from "./types.ts";

const TRACEBACK_CHARS = 1500;

/** Why: a missing folder or interpreter is one clear message, before any process is spawned. */
export function assertCanStartPython(options: PythonAdapterOptions): void {
  if (!isDirectory(options.cwd)) throw startFailure(options, `working folder does not exist: ${options.cwd}`);
  const pathVariable = options.env.PATH ?? process.env.PATH ?? "";
  const found = resolveExecutable(options.python, options.cwd, pathVariable);
  if (found.found) return;
  throw startFailure(
    options,
    `Python interpreter ${found.reason}: ${JSON.stringify(options.python)}; set python: in the component's ` +
      "config (e.g. python: .venv/bin/python) or the TWINRUN_PYTHON environment variable",
  );
}

/** Why: turns a worker's failed start (import error, early exit, timeout) into ComponentStartError. */
export function startFailureOf(
  options: PythonAdapterOptions,
  result: Exclude<StartResult, { kind: "ready" }> | { kind: "timeout"; timeoutMs: number },
  stderr: string,
): ComponentStartError {
  const spec = `py:${options.module}:${options.function}`;
  switch (result.kind) {
    case "startup-error": {
      const { errorType, message, traceback } = result.message;
      const reason = `Python could not load ${spec} (${errorType}: ${message})`;
      // A traceback of only its header and the error line repeats the reason: leave it out.
      const shown = traceback.trim().split("\n").length > 2 ? indentTail(traceback) : "";
      return startFailure(options, `${reason}${shown}${hintFor(errorType, message, options)}`);
    }
    case "exit": {
      const how =
        result.exit.spawnErrorCode !== undefined
          ? `could not be spawned (${result.exit.spawnErrorCode})`
          : result.exit.signal !== undefined
            ? `was killed by ${result.exit.signal}`
            : `exited with status ${result.exit.exitCode}`;
      const tail =
        stderr.trim() === ""
          ? "; it printed nothing on stderr"
          : `; its stderr ends with:${indentTail(stderr)}`;
      return startFailure(options, `the Python worker for ${spec} ${how} before it was ready${tail}`);
    }
    case "garbage":
      return startFailure(
        options,
        `the Python worker for ${spec} printed ${quoteStart(result.line)} on its protocol stream before it was ready ` +
          "(a sitecustomize or .pth file that prints on stdout?)",
      );
    case "timeout":
      return startFailure(
        options,
        `importing ${spec} took longer than ${Math.round(result.timeoutMs / 1000)} s; the worker was stopped${indentTail(stderr)}`,
      );
  }
}

function startFailure(options: PythonAdapterOptions, reason: string): ComponentStartError {
  const where = `python ${options.python}, cwd ${options.cwd}`;
  return new ComponentStartError(
    options.side,
    `${options.side} component could not start: ${reason}\n  (${where})`,
  );
}

function hintFor(errorType: string, message: string, options: PythonAdapterOptions): string {
  if (errorType !== "ModuleNotFoundError") return "";
  const missing = /No module named '([^']+)'/.exec(message)?.[1];
  if (missing === undefined) return "";
  const top = options.module.split(".")[0];
  if (missing === options.module || missing === top) {
    return (
      `\n  hint: ${options.module}.py is looked for in the component's cwd (${options.cwd})` +
      `${options.path.length > 0 ? ` and in path: ${options.path.join(", ")}` : ""}; set cwd: or path: in the config`
    );
  }
  return (
    `\n  hint: the interpreter ${options.python} cannot import ${missing}; point twinrun at the virtualenv ` +
    "that has it (python: .venv/bin/python in the config, or TWINRUN_PYTHON=/path/to/python)"
  );
}

// The end of a traceback or stderr text, indented under the message, at most ~1.5 KB.
function indentTail(text: string): string {
  const trimmed = text.trimEnd();
  if (trimmed === "") return "";
  const tail = trimmed.length > TRACEBACK_CHARS ? `…${trimmed.slice(-TRACEBACK_CHARS)}` : trimmed;
  return `\n${tail
    .split(/\r?\n/)
    .map((line) => `    ${line}`)
    .join("\n")}`;
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
