// The notebook adapter's public surface.
export { isNotebookSpec, type NotebookSpec, parseNotebookSpec } from "./component-spec.ts";
export { describeNotebookFunction, describeNotebookRun } from "./describe.ts";
export { createNotebookFunctionAdapter } from "./function-adapter.ts";
export { NOTEBOOK_PACKAGES, runNotebookDataset } from "./run-notebook.ts";
export type { NotebookCell, NotebookCellsReport } from "./types.ts";
