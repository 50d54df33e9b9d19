// Resolving a notebook component's config section: with `function` it becomes a Python component
// whose module twinrun builds from the notebook (so the record and dataframe styles, batching and
// keys work as for `py:`); without, a whole-notebook batch step for dataset mode.
import path from "node:path";
import type { UserConfig } from "../../src/config/schema.ts";
import { stringifyEnv } from "../../src/config/shared-env.ts";
import type { ResolvedNotebookComponent, ResolvedPythonComponent } from "../../src/config/types.ts";
import { TwinrunError } from "../../src/errors.ts";
import { DEFAULT_PYTHON } from "../python/python-adapter.ts";
import type { Side } from "../types.ts";
import { DEFAULT_PARAMETERS } from "./types.ts";

type NotebookSection = Extract<NonNullable<UserConfig["old"]>, { adapter: "notebook" }>;

export interface NotebookResolveContext {
  configName: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const FUNCTION_ONLY = ["style", "path", "batchSize", "key", "seedEachCall"] as const;
const RUN_ONLY = ["parameters", "kernel"] as const;

/** Why: the notebook's folder is the default cwd, as in Jupyter; defaults are settled once here. */
export function resolveNotebookComponent(
  side: Side,
  section: NotebookSection,
  context: NotebookResolveContext,
): ResolvedPythonComponent | ResolvedNotebookComponent {
  if (section.notebook === undefined) {
    throw new TwinrunError(
      "USAGE",
      `the ${side} component is a notebook but ${side}.notebook is missing: give --${side} nb:<file.ipynb>[:<function>] ` +
        `or ${side}.notebook in ${context.configName}`,
    );
  }
  const notebook = path.resolve(context.cwd, section.notebook);
  const fromEnv = context.env.TWINRUN_PYTHON?.trim();
  const python =
    section.python ??
    (fromEnv ? (fromEnv.includes("/") ? path.resolve(context.cwd, fromEnv) : fromEnv) : DEFAULT_PYTHON);
  const common = {
    cwd: section.cwd ?? path.dirname(notebook),
    env: stringifyEnv(section.env),
    label: section.label ?? side,
    ...(section.setup !== undefined && { setup: section.setup }),
  };
  const misplaced = (keys: readonly string[], why: string) => {
    const key = keys.find((name) => (section as Record<string, unknown>)[name] !== undefined);
    if (key === undefined) return;
    throw new TwinrunError("USAGE", `${side}.${key} ${why} (in ${context.configName}, or the matching flag)`);
  };
  if (section.function === undefined) {
    misplaced(
      FUNCTION_ONLY.filter((key) => key !== "key"),
      `applies to a function taken from a notebook, but ${side} runs the whole notebook ${section.notebook}: ` +
        `give ${side}.function (nb:<file.ipynb>:<function>) or remove it`,
    );
    return {
      adapter: "notebook",
      notebook,
      python,
      ...(section.kernel !== undefined && { kernel: section.kernel }),
      parameters: {
        input: section.parameters?.input ?? DEFAULT_PARAMETERS.input,
        output: section.parameters?.output ?? DEFAULT_PARAMETERS.output,
      },
      ...common,
    };
  }
  misplaced(
    RUN_ONLY,
    `applies to a whole notebook run as a batch step, but ${side} calls ${section.function}: remove it`,
  );
  const style = section.style ?? "record";
  if (style === "record") {
    misplaced(
      ["batchSize", "key"],
      `applies to the dataframe style, but ${side} uses style "record": set style: dataframe or remove it`,
    );
  }
  return {
    adapter: "python",
    module: builtModuleName(notebook),
    function: section.function,
    notebook,
    style,
    python,
    path: section.path === undefined ? [] : [section.path].flat(),
    ...common,
    ...(section.batchSize !== undefined && { batchSize: section.batchSize }),
    ...(section.key !== undefined && { key: [section.key].flat() }),
    seedEachCall: section.seedEachCall ?? false,
  };
}

/** The module built from a notebook: a name no user module is likely to have. */
function builtModuleName(notebook: string): string {
  const stem = path.basename(notebook, ".ipynb").replace(/[^A-Za-z0-9_]/g, "_");
  return `twinrun_notebook_${stem}`;
}
