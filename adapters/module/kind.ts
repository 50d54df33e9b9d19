// The module kind: an exported JavaScript or TypeScript function called in worker threads.
import path from "node:path";
import { defineAdapterKind } from "../kind.ts";
import { isModuleSpec, parseModuleSpec } from "./component-spec.ts";
import { describeModule } from "./describe.ts";
import { createModuleAdapter } from "./module-adapter.ts";
import { resolveModuleComponent, settingsOfModuleComponent } from "./resolve-component.ts";
import { type ModuleSection, moduleComponentSchema } from "./schema.ts";
import type { ResolvedModuleComponent } from "./types.ts";

/** Why: one definition says everything twinrun knows about module components. */
export const moduleKind = defineAdapterKind<"module", ModuleSection, ResolvedModuleComponent>({
  name: "module",
  summary: "an exported JavaScript or TypeScript function called in worker threads",
  spec: {
    grammar: "js:<file>#<export> (e.g. js:src/score.ts#score)",
    matches: isModuleSpec,
    parse(text, flag, cwd) {
      const parsed = parseModuleSpec(text, flag);
      return { adapter: "module", file: path.resolve(cwd, parsed.file), export: parsed.export };
    },
  },
  schema: moduleComponentSchema,
  resolvePaths: (section, baseDir) =>
    section.file === undefined ? section : { ...section, file: path.resolve(baseDir, section.file) },
  resolve: resolveModuleComponent,
  settingsOf: settingsOfModuleComponent,
  describe: describeModule,
  shapeOf: () => "records",
  createRecordAdapter: (side, component, { sharedEnv, runner }) =>
    createModuleAdapter({ ...component, side, env: { ...sharedEnv, ...component.env }, ...runner }),
});
