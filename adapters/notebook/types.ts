// The notebook adapter's contracts: what the report says about a notebook's cells, and the
// settings of a notebook run as a batch step.

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
