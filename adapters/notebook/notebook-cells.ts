// Reads a notebook's code cells with the component's own Python (`ast`, in
// _twinrun_notebook_cells.py): which cells only define things, and the module built from them.
// A notebook that cannot be read, or a function no taken cell defines, is the user's to fix (exit 2).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { ComponentStartError, TwinrunError } from "../../src/errors.ts";
import type { Side } from "../types.ts";
import type { NotebookCell, NotebookCellsReport } from "./types.ts";

const CELLS_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "_twinrun_notebook_cells.py");
const READ_TIMEOUT_MS = 60_000;

export interface ReadCellsOptions {
  side: Side;
  python: string;
  notebook: string;
  function: string;
  /** Where the module built from the taken cells is written. */
  moduleFile: string;
  cwd: string;
  env: Record<string, string>;
}

type ScriptAnswer =
  | { ok: true; cells: NotebookCell[]; definedIn: number; unresolved: string[] }
  | { ok: false; kind: "notebook" | "function" | "tagged"; message: string };

/** Why: the cells are judged by the interpreter that will run them, so its syntax is the notebook's. */
export async function readNotebookCells(options: ReadCellsOptions): Promise<NotebookCellsReport> {
  const config = { notebook: options.notebook, function: options.function, moduleFile: options.moduleFile };
  const result = await execa(options.python, [CELLS_SCRIPT, JSON.stringify(config)], {
    cwd: options.cwd,
    env: options.env,
    extendEnv: true,
    reject: false,
    timeout: READ_TIMEOUT_MS,
  });
  const answer = parseAnswer(result.stdout);
  if (answer === undefined) {
    const stderr = String(result.stderr ?? "")
      .trim()
      .split("\n")
      .slice(-10)
      .join("\n    ");
    const how = result.timedOut
      ? `took longer than ${READ_TIMEOUT_MS / 1000} s`
      : result.failed && result.exitCode === undefined
        ? `could not run (${result.shortMessage})`
        : `exited with status ${result.exitCode}`;
    throw new ComponentStartError(
      options.side,
      `${options.side} component could not start: reading the notebook ${options.notebook} with ${options.python} ${how}` +
        (stderr === "" ? "" : `; its stderr ends with:\n    ${stderr}`),
    );
  }
  if (!answer.ok) {
    const where = `${options.side} component nb:${options.notebook}:${options.function}`;
    throw new TwinrunError(
      answer.kind === "function" ? "USAGE" : "INPUT_INVALID",
      `${where}: ${answer.message}`,
    );
  }
  return {
    path: options.notebook,
    function: options.function,
    definedIn: answer.definedIn,
    cells: answer.cells,
    unresolved: answer.unresolved,
  };
}

function parseAnswer(stdout: unknown): ScriptAnswer | undefined {
  const line =
    String(stdout ?? "")
      .trim()
      .split("\n")
      .at(-1) ?? "";
  try {
    const parsed = JSON.parse(line) as ScriptAnswer;
    return typeof parsed === "object" && parsed !== null && typeof parsed.ok === "boolean"
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}
