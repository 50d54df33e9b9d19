// The python kind: a Python function called in persistent workers. The record style is a record
// adapter; the dataframe style feeds the same workers batches of rows and compares tables.
import path from "node:path";
import { defineAdapterKind } from "../kind.ts";
import { isPythonSpec, parsePythonSpec } from "./component-spec.ts";
import { describePython } from "./describe.ts";
import { createPythonAdapter } from "./python-adapter.ts";
import {
  alignDataframeSides,
  resolvePythonComponent,
  settingsOfPythonComponent,
} from "./resolve-component.ts";
import { type PythonSection, pythonComponentSchema } from "./schema.ts";
import type { ResolvedPythonComponent } from "./types.ts";

/** Why: one definition says everything twinrun knows about Python components. */
export const pythonKind = defineAdapterKind<"python", PythonSection, ResolvedPythonComponent>({
  name: "python",
  summary: "a Python function called in persistent workers (record or dataframe style)",
  spec: {
    grammar: "py:<module>:<function> (e.g. py:features_v1:build_features)",
    matches: isPythonSpec,
    parse(text, flag, cwd) {
      const { cwd: folder, ...names } = parsePythonSpec(text, flag);
      return { adapter: "python", ...names, ...(folder !== undefined && { cwd: path.resolve(cwd, folder) }) };
    },
  },
  schema: pythonComponentSchema,
  // The Python flags (--style, --key, --batch-size, --python) reach both sides.
  tuningKeys: ["style", "key", "batchSize", "python", "seedEachCall"],
  resolvePaths(section, baseDir) {
    const resolved = { ...section };
    if (section.path !== undefined) {
      resolved.path = [section.path].flat().map((entry) => path.resolve(baseDir, entry));
    }
    if (section.python?.includes("/")) resolved.python = path.resolve(baseDir, section.python);
    return resolved;
  },
  resolve: resolvePythonComponent,
  alignSides: alignDataframeSides,
  settingsOf: settingsOfPythonComponent,
  describe: describePython,
  // An interpreter runs the code but is not the code: a virtualenv in the repository is not committed.
  rebase: { ifPresent: ["python"] },
  shapeOf: (component) => (component.style === "dataframe" ? "batches" : "records"),
  createRecordAdapter: (side, component, { sharedEnv, runner }) =>
    createPythonAdapter({ ...component, side, env: { ...sharedEnv, ...component.env }, ...runner }),
});
