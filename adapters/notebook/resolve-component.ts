// Resolving a notebook component's config section: the notebook's folder is the default cwd, as
// in Jupyter; with `function` the Python settings apply, without it the batch-step settings.
import path from "node:path";
import { stringifyEnv } from "../../src/config/shared-env.ts";
import { TwinrunError } from "../../src/errors.ts";
import type { ResolveContext } from "../kind.ts";
import { DEFAULT_PYTHON } from "../python/python-adapter.ts";
import type { Side } from "../types.ts";
import type { NotebookSection } from "./schema.ts";
import { DEFAULT_PARAMETERS, type ResolvedNotebookComponent } from "./types.ts";

// Keys that only mean something to one face of a notebook (`key` also reaches dataset runs as --key).
const FUNCTION_ONLY = ["style", "path", "batchSize", "seedEachCall"] as const;
const RUN_ONLY = ["parameters", "kernel"] as const;

/** Why: defaults are settled once here; a key for the other face of a notebook is an error. */
export function resolveNotebookComponent(
  side: Side,
  section: NotebookSection,
  context: ResolveContext,
): ResolvedNotebookComponent {
  if (section.notebook === undefined) {
    throw new TwinrunError(
      "USAGE",
      `the ${side} component is a notebook but ${side}.notebook is missing: give --${side} nb:<file.ipynb>[:<function>] ` +
        `or ${side}.notebook in ${context.configName}`,
    );
  }
  const misplaced = (keys: readonly string[], why: string) => {
    const key = keys.find((name) => (section as Record<string, unknown>)[name] !== undefined);
    if (key === undefined) return;
    throw new TwinrunError("USAGE", `${side}.${key} ${why} (in ${context.configName}, or its flag)`);
  };
  const style = section.style ?? "record";
  if (section.function === undefined) {
    misplaced(
      FUNCTION_ONLY,
      `applies to a function taken from a notebook, but the ${side} component runs the whole notebook: ` +
        `give ${side}.function (nb:<file.ipynb>:<function>) or remove it`,
    );
  } else {
    misplaced(
      RUN_ONLY,
      `applies to a whole notebook run as a batch step, but the ${side} component calls ${section.function}: remove it`,
    );
    if (style === "record") {
      misplaced(
        ["batchSize", "key"],
        `applies to the dataframe style, but the ${side} component uses style "record": set style: dataframe or remove it`,
      );
    }
  }
  const notebook = path.resolve(context.cwd, section.notebook);
  const fromEnv = context.env.TWINRUN_PYTHON?.trim();
  const python =
    section.python ??
    (fromEnv ? (fromEnv.includes("/") ? path.resolve(context.cwd, fromEnv) : fromEnv) : DEFAULT_PYTHON);
  return {
    adapter: "notebook",
    notebook,
    ...(section.function !== undefined && { function: section.function }),
    python,
    style,
    path: section.path === undefined ? [] : [section.path].flat(),
    ...(section.batchSize !== undefined && { batchSize: section.batchSize }),
    ...(section.key !== undefined && { key: [section.key].flat() }),
    seedEachCall: section.seedEachCall ?? false,
    ...(section.kernel !== undefined && { kernel: section.kernel }),
    parameters: {
      input: section.parameters?.input ?? DEFAULT_PARAMETERS.input,
      output: section.parameters?.output ?? DEFAULT_PARAMETERS.output,
    },
    cwd: section.cwd ?? path.dirname(notebook),
    env: stringifyEnv(section.env),
    label: section.label ?? side,
    ...(section.setup !== undefined && { setup: section.setup }),
  };
}

/** The module built from a notebook: a name no user module is likely to have. */
export function builtModuleName(notebook: string): string {
  const stem = path.basename(notebook, ".ipynb").replace(/[^A-Za-z0-9_]/g, "_");
  return `twinrun_notebook_${stem}`;
}
