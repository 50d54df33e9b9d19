// Resolving a module component's config section (config file and flags, merged, paths already
// absolute) into the fully populated ResolvedModuleComponent.
import path from "node:path";
import { stringifyEnv } from "../../src/config/shared-env.ts";
import { TwinrunError } from "../../src/errors.ts";
import type { Side } from "../types.ts";
import type { ModuleSection } from "./schema.ts";
import type { ResolvedModuleComponent } from "./types.ts";

/** Why: the file is made absolute and the export defaulted once here; the adapter re-checks nothing. */
export function resolveModuleComponent(
  side: Side,
  section: ModuleSection,
  context: { baseDir: string; configName: string },
): ResolvedModuleComponent {
  const { file } = section as Partial<ModuleSection>;
  if (file === undefined) {
    throw new TwinrunError(
      "USAGE",
      `the ${side} component is a module function but its file is missing: give --${side} js:<file>#<export> or ${side}.file in ${context.configName}`,
    );
  }
  const cwd = section.cwd ?? context.baseDir;
  return {
    adapter: "module",
    file: path.resolve(context.baseDir, file),
    export: section.export ?? "default",
    cwd,
    env: stringifyEnv(section.env),
    label: section.label ?? side,
    ...(section.setup !== undefined && { setup: section.setup }),
  };
}

/** The section a report keeps for a module component (what --replay reads back). */
export function settingsOfModuleComponent(component: ResolvedModuleComponent): ModuleSection {
  return {
    adapter: "module",
    file: component.file,
    export: component.export,
    cwd: component.cwd,
    ...(Object.keys(component.env).length > 0 && { env: { ...component.env } }),
    label: component.label,
    ...(component.setup !== undefined && { setup: component.setup }),
  };
}
