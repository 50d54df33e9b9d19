// Resolving a module component's config section (config file and flags, merged, paths already
// absolute) into the fully populated ResolvedModuleComponent.
import path from "node:path";
import type { UserConfig } from "../../src/config/schema.ts";
import { stringifyEnv } from "../../src/config/shared-env.ts";
import type { ResolvedModuleComponent } from "../../src/config/types.ts";
import { TwinrunError } from "../../src/errors.ts";
import type { Side } from "../types.ts";

type ModuleSection = Extract<NonNullable<UserConfig["old"]>, { adapter: "module" }>;

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
