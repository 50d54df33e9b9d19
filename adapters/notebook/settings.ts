// A notebook component as the report's settings hold it: the config section that reproduces it
// (`adapter: notebook`), whether it calls a function from the notebook or runs it whole.
import type { UserConfig } from "../../src/config/schema.ts";
import type { ResolvedNotebookComponent, ResolvedPythonComponent } from "../../src/config/types.ts";

/** Why: a replay must run the notebook again, not the module twinrun built from it. */
export function settingsOfNotebookComponent(
  component: ResolvedNotebookComponent | ResolvedPythonComponent,
): NonNullable<UserConfig["old"]> {
  if (component.adapter === "notebook") {
    return {
      adapter: "notebook",
      notebook: component.notebook,
      python: component.python,
      ...(component.kernel !== undefined && { kernel: component.kernel }),
      parameters: { ...component.parameters },
      cwd: component.cwd,
      ...(Object.keys(component.env).length > 0 && { env: { ...component.env } }),
      label: component.label,
      ...(component.setup !== undefined && { setup: component.setup }),
    };
  }
  if (component.notebook !== undefined) {
    return {
      adapter: "notebook",
      notebook: component.notebook,
      function: component.function,
      style: component.style,
      python: component.python,
      cwd: component.cwd,
      ...(component.path.length > 0 && { path: [...component.path] }),
      ...(Object.keys(component.env).length > 0 && { env: { ...component.env } }),
      label: component.label,
      ...(component.batchSize !== undefined && { batchSize: component.batchSize }),
      ...(component.key !== undefined && { key: [...component.key] }),
      seedEachCall: component.seedEachCall,
      ...(component.setup !== undefined && { setup: component.setup }),
    };
  }
  throw new Error("twinrun bug: a Python component without a notebook has no notebook settings");
}
