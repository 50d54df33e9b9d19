// The command-line spelling of a module component: `js:<file>#<export>`, e.g.
// `--old js:src/score_old.ts#score`. The file may be JavaScript or TypeScript; without `#<export>`
// the default export is called.
import { TwinrunError } from "../../src/errors.ts";

/** The prefix that marks a component spec as a JS/TS module function rather than a command. */
export const MODULE_SPEC_PREFIX = "js:";

const GRAMMAR = "js:<file>#<export> (e.g. js:src/score.ts#score)";
const EXPORT_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const MODULE_EXTENSIONS = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx"];

/** A parsed `js:` spec; `file` is as typed (relative to the working folder). */
export interface ModuleSpec {
  file: string;
  export: string;
}

/** Why: `--old`/`--new` take a command, a `py:`, a `js:` spec or a URL; this tells `js:` apart. */
export function isModuleSpec(text: string): boolean {
  return text.trim().startsWith(MODULE_SPEC_PREFIX);
}

/** Why: parses `js:<file>#<export>`; throws a USAGE error naming the flag on a malformed spec. */
export function parseModuleSpec(text: string, flag: string): ModuleSpec {
  const body = text.trim().slice(MODULE_SPEC_PREFIX.length);
  const hash = body.lastIndexOf("#");
  const file = (hash === -1 ? body : body.slice(0, hash)).trim();
  const exportName = hash === -1 ? "default" : body.slice(hash + 1).trim();
  const fail = (why: string) =>
    new TwinrunError("USAGE", `${flag}: expected ${GRAMMAR}, got ${JSON.stringify(text)} (${why})`);
  if (file === "") throw fail("the file is missing");
  if (!MODULE_EXTENSIONS.some((extension) => file.endsWith(extension))) {
    throw fail(
      `${JSON.stringify(file)} is not a JavaScript or TypeScript file (${MODULE_EXTENSIONS.join(", ")})`,
    );
  }
  if (!EXPORT_PATH.test(exportName)) throw fail(`${JSON.stringify(exportName)} is not an export name`);
  return { file, export: exportName };
}
