// The command-line spelling of a Python component: `py:<module>:<function>`, e.g.
// `--old py:features_v1:build_features`. The module may also be given as a file
// (`py:old/features.py:build_features`): its folder then becomes the component's cwd, so two
// files of the same name in two folders can be old and new.
import path from "node:path";
import { TwinrunError } from "../../src/errors.ts";

/** The prefix that marks a component spec as a Python function rather than a command. */
export const PYTHON_SPEC_PREFIX = "py:";

const GRAMMAR = "py:<module>:<function> (e.g. py:features_v1:build_features)";
const DOTTED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** A parsed `py:` spec; `cwd` (relative as typed) is set when the module was given as a file. */
export interface PythonSpec {
  module: string;
  function: string;
  cwd?: string;
}

/** Why: `--old`/`--new` take either a command or a `py:` spec; this tells them apart. */
export function isPythonSpec(text: string): boolean {
  return text.trim().startsWith(PYTHON_SPEC_PREFIX);
}

/** Why: parses `py:<module>:<function>`; throws a USAGE error naming the flag on a malformed spec. */
export function parsePythonSpec(text: string, flag: string): PythonSpec {
  const body = text.trim().slice(PYTHON_SPEC_PREFIX.length);
  const split = body.lastIndexOf(":");
  const moduleText = split > 0 ? body.slice(0, split).trim() : "";
  const functionName = split > 0 ? body.slice(split + 1).trim() : "";
  const fail = (why: string) =>
    new TwinrunError("USAGE", `${flag}: expected ${GRAMMAR}, got ${JSON.stringify(text)} (${why})`);
  if (moduleText === "" || functionName === "") throw fail("module or function missing");
  if (!DOTTED_NAME.test(functionName)) throw fail(`${JSON.stringify(functionName)} is not a function name`);
  if (moduleText.endsWith(".py") || moduleText.includes("/")) {
    const file = moduleText.endsWith(".py") ? moduleText : `${moduleText}.py`;
    const module = path.basename(file, ".py");
    if (!DOTTED_NAME.test(module) || module.includes(".")) {
      throw fail(`${JSON.stringify(path.basename(file))} is not an importable module file name`);
    }
    const folder = path.dirname(file);
    return { module, function: functionName, ...(folder !== "." && { cwd: folder }) };
  }
  if (!DOTTED_NAME.test(moduleText)) throw fail(`${JSON.stringify(moduleText)} is not a module name`);
  return { module: moduleText, function: functionName };
}
