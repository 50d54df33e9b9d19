// A function taken from a notebook: the notebook's defining cells become a module (in a temporary
// folder), and the Python adapter's workers import the function from it, in the record or the
// dataframe style. Nothing else of the notebook runs: no data loading, training or plotting.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ComponentStartError } from "../../src/errors.ts";
import { createPythonAdapter } from "../python/python-adapter.ts";
import { assertCanStartPython } from "../python/start-failure.ts";
import type { PythonAdapterOptions } from "../python/types.ts";
import type {
  AdapterSideOptions,
  ComponentDetails,
  ComponentOptions,
  Outcome,
  RecordAdapter,
  TrialInput,
} from "../types.ts";
import { readNotebookCells } from "./notebook-cells.ts";
import { builtModuleName } from "./resolve-component.ts";
import type { NotebookCellsReport, ResolvedNotebookComponent } from "./types.ts";

/** The notebook component (with its function) and its side; env is the shared env + the side's env. */
export type NotebookFunctionOptions = ComponentOptions<ResolvedNotebookComponent> & AdapterSideOptions;

/** Creates the adapter for a function defined in a notebook. */
export function createNotebookFunctionAdapter(options: NotebookFunctionOptions): RecordAdapter {
  return new NotebookFunctionAdapter(options);
}

class NotebookFunctionAdapter implements RecordAdapter {
  private readonly options: NotebookFunctionOptions;
  private python: RecordAdapter | undefined;
  private folder: string | undefined;
  private cells: NotebookCellsReport | undefined;

  constructor(options: NotebookFunctionOptions) {
    this.options = options;
  }

  /** Builds the module from the notebook's defining cells, then starts the Python workers on it. */
  async start(): Promise<void> {
    const {
      notebook,
      function: functionName,
      kernel: _kernel,
      parameters: _parameters,
      ...rest
    } = this.options;
    if (functionName === undefined) throw new Error("twinrun bug: a whole notebook has no record adapter");
    const python: PythonAdapterOptions = {
      ...rest,
      module: builtModuleName(notebook),
      function: functionName,
    };
    assertCanStartPython(python);
    this.folder = await mkdtemp(path.join(os.tmpdir(), "twinrun-notebook-"));
    this.cells = await readNotebookCells({
      side: python.side,
      python: python.python,
      notebook,
      function: functionName,
      moduleFile: path.join(this.folder, `${python.module}.py`),
      cwd: python.cwd,
      env: python.env,
    });
    this.python = createPythonAdapter({ ...python, path: [...python.path, this.folder] });
    try {
      await this.python.start();
    } catch (error) {
      // Python's messages name the built module; the user knows the notebook.
      if (!(error instanceof ComponentStartError)) throw error;
      const built = `py:${python.module}:${functionName}`;
      const message = error.message.replaceAll(built, `nb:${notebook}:${functionName}`);
      throw new ComponentStartError(python.side, message, { cause: error });
    }
  }

  run(input: TrialInput): Promise<Outcome> {
    if (this.python === undefined) throw new Error("twinrun bug: run() before start()");
    return this.python.run(input);
  }

  async stop(): Promise<void> {
    await this.python?.stop();
    if (this.folder !== undefined) await rm(this.folder, { recursive: true, force: true });
  }

  /** The cells taken and left out, for the report. */
  details(): ComponentDetails {
    return this.cells === undefined ? {} : { notebook: this.cells };
  }
}
