// Short human descriptions of notebook components, shown in reports.
import path from "node:path";
import { describePythonCall } from "../python/describe.ts";
import type { ResolvedNotebookComponent } from "./types.ts";

/** Why: reports say which notebook ran, and how: a function from it, or the whole notebook. */
export function describeNotebook(component: ResolvedNotebookComponent): string {
  return component.function === undefined
    ? describeNotebookRun(component)
    : describeNotebookFunction({ ...component, function: component.function });
}

/** Why: `nb:explore.ipynb:add_features (python3, record)`, the way the user spelled the component. */
export function describeNotebookFunction(component: {
  notebook: string;
  function: string;
  python: string;
  style: string;
  batchSize?: number;
}): string {
  return describePythonCall(`nb:${path.basename(component.notebook)}:${component.function}`, component);
}

/** Why: a batch-step notebook says which kernel runs it and what is injected after `parameters`. */
export function describeNotebookRun(component: {
  notebook: string;
  python: string;
  kernel?: string;
  parameters: { input: string; output: string };
}): string {
  const kernel = component.kernel === undefined ? `${component.python} kernel` : `kernel ${component.kernel}`;
  const { input, output } = component.parameters;
  return `nb:${path.basename(component.notebook)} (whole notebook, ${kernel}; ${input}, ${output} injected after the parameters cell)`;
}
