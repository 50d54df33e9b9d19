// Resolving a Python component's config section (config file and flags, merged) into the fully
// populated ResolvedPythonComponent, and checking that the two sides agree where they must:
// the dataframe style turns the sample into batches, so batching and row keys are run-wide.
import path from "node:path";
import { stringifyEnv } from "../../src/config/shared-env.ts";
import { TwinrunError } from "../../src/errors.ts";
import type { ResolveContext, ResolvedComponentBase } from "../kind.ts";
import type { Side } from "../types.ts";
import { DEFAULT_PYTHON } from "./python-adapter.ts";
import type { PythonSection } from "./schema.ts";
import { isPythonFunctionComponent, type ResolvedPythonComponent } from "./types.ts";

/** Why: interpreter, style and defaults are settled once here; the adapter re-checks nothing. */
export function resolvePythonComponent(
  side: Side,
  section: PythonSection,
  context: ResolveContext,
): ResolvedPythonComponent {
  const { module, function: functionName } = section as Partial<PythonSection>;
  if (module === undefined || functionName === undefined) {
    throw new TwinrunError(
      "USAGE",
      `the ${side} component is a Python function but its ${module === undefined ? "module" : "function"} is missing: ` +
        `give --${side} py:<module>:<function> or ${side}.module and ${side}.function in ${context.configName}`,
    );
  }
  const style = section.style ?? "record";
  if (style === "record") {
    for (const key of ["batchSize", "key"] as const) {
      if (section[key] !== undefined) {
        throw new TwinrunError(
          "USAGE",
          `${side}.${key} applies to the dataframe style, but the ${side} component uses style "record": ` +
            `set ${side}.style: dataframe (--style dataframe) or remove ${key}`,
        );
      }
    }
  }
  const fromEnv = context.env.TWINRUN_PYTHON?.trim();
  const python =
    section.python ??
    (fromEnv ? (fromEnv.includes("/") ? path.resolve(context.cwd, fromEnv) : fromEnv) : DEFAULT_PYTHON);
  return {
    adapter: "python",
    module,
    function: functionName,
    style,
    python,
    cwd: section.cwd ?? context.baseDir,
    path: section.path === undefined ? [] : [section.path].flat(),
    env: stringifyEnv(section.env),
    label: section.label ?? side,
    ...(section.batchSize !== undefined && { batchSize: section.batchSize }),
    ...(section.key !== undefined && { key: [section.key].flat() }),
    seedEachCall: section.seedEachCall ?? false,
    ...(section.setup !== undefined && { setup: section.setup }),
  };
}

/**
 * Why: in the dataframe style both sides receive the same batches, so both must be Python
 * functions of that style, with one batch size and one key. A setting given on one side only
 * applies to both; given differently on the two sides, it is an error.
 */
export function alignDataframeSides(
  [oldComponent, newComponent]: [ResolvedComponentBase, ResolvedComponentBase],
  configName: string,
): [ResolvedComponentBase, ResolvedComponentBase] {
  const isPython = isPythonFunctionComponent;
  const isDataframe = (component: ResolvedComponentBase) =>
    isPython(component) && component.style === "dataframe";
  if (!isDataframe(oldComponent) && !isDataframe(newComponent)) return [oldComponent, newComponent];
  if (!isPython(oldComponent) || !isPython(newComponent)) {
    const [python, other, otherAdapter] = isPython(oldComponent)
      ? ["old", "new", newComponent.adapter]
      : ["new", "old", oldComponent.adapter];
    throw new TwinrunError(
      "USAGE",
      `the ${python} component uses style "dataframe" but the ${other} component is a ${otherAdapter} component: the dataframe ` +
        `style needs both sides to be Python functions (py:<module>:<function> or nb:<notebook.ipynb>:<function>) in ${configName}`,
    );
  }
  if (oldComponent.style !== newComponent.style) {
    throw new TwinrunError(
      "USAGE",
      `old uses style "${oldComponent.style}" but new uses style "${newComponent.style}": both sides must use the ` +
        `same style (set style: dataframe on both in ${configName}, or give --style dataframe)`,
    );
  }
  const batchSize = agree("batchSize", oldComponent.batchSize, newComponent.batchSize, configName);
  const key = agree("key", oldComponent.key, newComponent.key, configName);
  const shared = { ...(batchSize !== undefined && { batchSize }), ...(key !== undefined && { key }) };
  return [
    { ...oldComponent, ...shared },
    { ...newComponent, ...shared },
  ];
}

function agree<T>(
  name: string,
  oldValue: T | undefined,
  newValue: T | undefined,
  configName: string,
): T | undefined {
  if (
    oldValue !== undefined &&
    newValue !== undefined &&
    JSON.stringify(oldValue) !== JSON.stringify(newValue)
  ) {
    throw new TwinrunError(
      "USAGE",
      `old.${name} is ${JSON.stringify(oldValue)} but new.${name} is ${JSON.stringify(newValue)}: both sides get the ` +
        `same batches, so ${name} must be the same (give it on one side only, or equal on both, in ${configName})`,
    );
  }
  return oldValue ?? newValue;
}

/** The section a report keeps for a Python component (what --replay reads back). */
export function settingsOfPythonComponent(component: ResolvedPythonComponent): PythonSection {
  return {
    adapter: "python",
    module: component.module,
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
