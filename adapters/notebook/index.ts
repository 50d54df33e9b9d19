// The notebook adapter's public surface.
export { isNotebookSpec, type NotebookSpec, parseNotebookSpec } from "./component-spec.ts";
export { describeNotebook } from "./describe.ts";
export { notebookKind } from "./kind.ts";
export { NOTEBOOK_PACKAGES, runNotebookDataset } from "./run-notebook.ts";
export type { NotebookCell, NotebookCellsReport, ResolvedNotebookComponent } from "./types.ts";
