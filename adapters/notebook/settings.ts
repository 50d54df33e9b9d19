// A notebook component as the report's settings hold it: the config section that reproduces it.
import type { NotebookSection } from "./schema.ts";
import type { ResolvedNotebookComponent } from "./types.ts";

/** Why: a replay must run the notebook again, not the module twinrun built from it. */
export function settingsOfNotebookComponent(component: ResolvedNotebookComponent): NotebookSection {
  const common = {
    cwd: component.cwd,
    ...(Object.keys(component.env).length > 0 && { env: { ...component.env } }),
    label: component.label,
    ...(component.setup !== undefined && { setup: component.setup }),
  };
  if (component.function === undefined) {
    return {
      adapter: "notebook",
      notebook: component.notebook,
      python: component.python,
      ...(component.kernel !== undefined && { kernel: component.kernel }),
      parameters: { ...component.parameters },
      ...(component.key !== undefined && { key: [...component.key] }),
      ...common,
    };
  }
  return {
    adapter: "notebook",
    notebook: component.notebook,
    function: component.function,
    style: component.style,
    python: component.python,
    ...(component.path.length > 0 && { path: [...component.path] }),
    ...(component.batchSize !== undefined && { batchSize: component.batchSize }),
    ...(component.key !== undefined && { key: [...component.key] }),
    seedEachCall: component.seedEachCall,
    ...common,
  };
}
