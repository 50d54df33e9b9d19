// The notebook adapter's contracts: the resolved notebook component, and what the report says
// about a notebook's cells.
import type { ResolvedComponentBase } from "../kind.ts";
import type { PythonStyle } from "../python/types.ts";

/**
 * A Jupyter notebook (`adapter: notebook`, or `nb:<file.ipynb>[:<function>]`). With `function`, the
 * function is called like a Python component's, from a module built of the notebook's defining
 * cells; without, the whole notebook runs once on the sample file (dataset mode).
 */
export interface ResolvedNotebookComponent extends ResolvedComponentBase {
  adapter: "notebook";
  /** Absolute path of the .ipynb file. */
  notebook: string;
  /** The function to call; undefined: the whole notebook is a batch step. */
  function?: string;
  /** The interpreter (and, for a whole notebook, its kernel): like a Python component's. */
  python: string;
  /** With a function: the Python component's settings (see adapters/python/types.ts). */
  style: PythonStyle;
  path: string[];
  batchSize?: number;
  key?: string[];
  seedEachCall: boolean;
  /** Without a function: a named Jupyter kernel instead of `python`'s own ipykernel. */
  kernel?: string;
  /** Without a function: the names the sample's and the output's paths are injected as. */
  parameters: { input: string; output: string };
}

/** One code cell of a notebook, as twinrun judged it. */
export interface NotebookCell {
  /** Position in the notebook, counting every cell (markdown too) from 1. */
  cell: number;
  /** Its first non-blank line (at most 60 characters), to find it by. */
  firstLine: string;
  tags: string[];
  taken: boolean;
  /** Why it was taken ("imports, def f") or left out ("line 3: df = pd.read_csv(…) loads data"). */
  why: string;
}

/** The report's account of a notebook whose function a component calls. */
export interface NotebookCellsReport {
  /** The notebook file (absolute). */
  path: string;
  function: string;
  /** The taken cell whose definition of the function is used (the last one, as in a top-to-bottom run). */
  definedIn: number;
  cells: NotebookCell[];
  /** Global names the function reads that no taken cell defines: calling it would raise NameError. */
  unresolved: string[];
}

/** Default names of the two injected parameters (Papermill's convention). */
export const DEFAULT_PARAMETERS = { input: "input_path", output: "output_path" } as const;
