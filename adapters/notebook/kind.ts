// The notebook kind: a Jupyter notebook as a component. With a function it is called like a
// Python component (record or dataframe style) from the notebook's defining cells; without, the
// whole notebook is a batch step run once on the sample file (dataset mode).
import path from "node:path";
import { defineAdapterKind } from "../kind.ts";
import { alignDataframeSides } from "../python/resolve-component.ts";
import { isNotebookSpec, parseNotebookSpec } from "./component-spec.ts";
import { describeNotebook } from "./describe.ts";
import { createNotebookFunctionAdapter } from "./function-adapter.ts";
import { resolveNotebookComponent } from "./resolve-component.ts";
import { runNotebookDataset } from "./run-notebook.ts";
import { type NotebookSection, notebookComponentSchema } from "./schema.ts";
import { settingsOfNotebookComponent } from "./settings.ts";
import type { ResolvedNotebookComponent } from "./types.ts";

/** Why: one definition says everything twinrun knows about notebook components. */
export const notebookKind = defineAdapterKind<"notebook", NotebookSection, ResolvedNotebookComponent>({
  name: "notebook",
  summary:
    "a Jupyter notebook: a function from its defining cells (record or dataframe style), or the whole notebook run once on the sample file",
  spec: {
    grammar: "nb:<notebook.ipynb>:<function> or nb:<notebook.ipynb> (e.g. nb:explore.ipynb:add_features)",
    matches: isNotebookSpec,
    parse(text, flag, cwd) {
      const parsed = parseNotebookSpec(text, flag);
      return { adapter: "notebook", ...parsed, notebook: path.resolve(cwd, parsed.notebook) };
    },
  },
  schema: notebookComponentSchema,
  tuningKeys: ["parameters", "kernel"],
  resolvePaths(section, baseDir) {
    const resolved = { ...section };
    if (section.notebook !== undefined) resolved.notebook = path.resolve(baseDir, section.notebook);
    if (section.path !== undefined) {
      resolved.path = [section.path].flat().map((entry) => path.resolve(baseDir, entry));
    }
    if (section.python?.includes("/")) resolved.python = path.resolve(baseDir, section.python);
    return resolved;
  },
  resolve: resolveNotebookComponent,
  // A notebook's function in the dataframe style gets the same batches as the other side.
  alignSides: alignDataframeSides,
  settingsOf: settingsOfNotebookComponent,
  describe: describeNotebook,
  rebase: { keep: ["function", "kernel", "parameters"], ifPresent: ["python"] },
  shapeOf: (component) =>
    component.function === undefined ? "table" : component.style === "dataframe" ? "batches" : "records",
  createRecordAdapter: (side, component, { sharedEnv, runner }) =>
    createNotebookFunctionAdapter({ ...component, side, env: { ...sharedEnv, ...component.env }, ...runner }),
  createTableAdapter: (side, component, { sharedEnv, runner }) => ({
    run: (request) =>
      runNotebookDataset({
        ...component,
        side,
        env: { ...sharedEnv, ...component.env },
        timeoutMs: runner.timeoutMs,
        ...request,
      }),
  }),
});
