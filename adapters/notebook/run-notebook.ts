// A whole notebook as a dataset-mode batch step, in Papermill's convention: the cell tagged
// `parameters` is followed by an injected cell setting the sample file's and the output's paths,
// and every cell runs in order through a Jupyter kernel (nbclient) of the component's Python.
// It runs as a batch command does (timeout, process tree, Ctrl-C); a cell that raises is a failure
// of that side naming the cell, and a Python without nbclient or ipykernel cannot start (exit 3).
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TwinrunError } from "../../src/errors.ts";
import { runDatasetCommand } from "../command/index.ts";
import { startError } from "../process/launch-check.ts";
import type { Failure, Side, TableRunResult } from "../types.ts";

const RUNNER = path.join(path.dirname(fileURLToPath(import.meta.url)), "_twinrun_run_notebook.py");

/** The Debian and pip packages that let a Python run notebooks, for messages. */
export const NOTEBOOK_PACKAGES = {
  debian: "python3-nbclient python3-nbformat python3-ipykernel",
  pip: "nbclient nbformat ipykernel",
} as const;

export interface NotebookRunOptions {
  side: Side;
  /** The notebook file (absolute). */
  notebook: string;
  python: string;
  /** A named Jupyter kernel; undefined: an ipykernel of `python` itself. */
  kernel?: string;
  /** The names the injected cell assigns the two paths to. */
  parameters: { input: string; output: string };
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  inputPath: string;
  outputPath: string;
  signal?: AbortSignal;
}

type RunnerStatus =
  | { status: "ok" }
  | { status: "missing"; modules: string[]; python: string }
  | { status: "no-kernel"; kernel: string | null; available: string[] }
  | { status: "invalid"; message: string }
  | { status: "cell-error"; cell: string; errorType: string; message: string; traceback: string }
  | { status: "kernel-died"; message: string };

/** Why: runs the notebook once on the sample file; resolves like runDatasetCommand does. */
export async function runNotebookDataset(options: NotebookRunOptions): Promise<TableRunResult> {
  const spec = `nb:${options.notebook}`;
  if (!existsSync(options.notebook)) {
    throw new TwinrunError("INPUT_INVALID", `${options.side} component ${spec}: no such notebook file`);
  }
  const configFile = `${options.outputPath}.twinrun-notebook.json`;
  const statusFile = `${options.outputPath}.twinrun-status.json`;
  await writeFile(
    configFile,
    JSON.stringify({
      notebook: options.notebook,
      statusFile,
      parameters: options.parameters,
      cwd: options.cwd,
      kernel: options.kernel ?? null,
    }),
  );
  try {
    const result = await runDatasetCommand({
      side: options.side,
      command: [options.python, RUNNER, configFile].map(quote).join(" ") + " {input} {output}",
      cwd: options.cwd,
      env: options.env,
      shell: false,
      timeoutMs: options.timeoutMs,
      inputPath: options.inputPath,
      outputPath: options.outputPath,
      ...(options.signal !== undefined && { signal: options.signal }),
    });
    const status = await readStatus(statusFile);
    if (result.status === "ok" || status === undefined || status.status === "ok") return result;
    return judge(options, spec, status, result.durationMs);
  } finally {
    await rm(configFile, { force: true });
    await rm(statusFile, { force: true });
  }
}

function judge(
  options: NotebookRunOptions,
  spec: string,
  status: Exclude<RunnerStatus, { status: "ok" }>,
  durationMs: number,
): TableRunResult {
  const failed = (failure: Failure): TableRunResult => ({ status: "failure", failure, durationMs });
  switch (status.status) {
    case "missing":
      throw startError(
        options.side,
        `${status.python} cannot run the notebook ${options.notebook}: it has no ${status.modules.join(", ")}; ` +
          `install them (Debian: apt-get install ${NOTEBOOK_PACKAGES.debian}; pip: pip install ${NOTEBOOK_PACKAGES.pip}) ` +
          "or point twinrun at a Python that has them (python: in the config, or TWINRUN_PYTHON)",
        options.cwd,
      );
    case "no-kernel":
      throw startError(
        options.side,
        `no Jupyter kernel named ${JSON.stringify(status.kernel)} for ${spec} ` +
          `(installed: ${status.available.length > 0 ? status.available.join(", ") : "none"}); ` +
          `set kernel: to one of them, or leave kernel: out to run ${options.python}'s own ipykernel`,
        options.cwd,
      );
    case "invalid":
      throw new TwinrunError("INPUT_INVALID", `${options.side} component ${spec}: ${status.message}`);
    case "cell-error": {
      const raised =
        status.message.trim() === "" ? status.errorType : `${status.errorType}: ${status.message}`;
      // The message names the exception already; an errorType would repeat it in reports.
      return failed({
        kind: "exception",
        message: `${status.cell} raised ${raised}`,
        stderr: status.traceback,
      });
    }
    case "kernel-died":
      return failed({ kind: "crash", message: `the notebook's kernel died: ${status.message}` });
  }
}

async function readStatus(file: string): Promise<RunnerStatus | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as RunnerStatus;
  } catch {
    return undefined;
  }
}

// Quoted for the dataset command's splitter, which reads single quotes as a POSIX shell does.
function quote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}
