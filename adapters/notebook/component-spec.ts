// The command-line spelling of a notebook component: `nb:<file.ipynb>:<function>` takes a function
// from the notebook's defining cells (record or dataframe style, like `py:`), and
// `nb:<file.ipynb>` runs the whole notebook as a dataset-mode batch step (Papermill's convention).
import { TwinrunError } from "../../src/errors.ts";

/** The prefix that marks a component spec as a Jupyter notebook. */
export const NOTEBOOK_SPEC_PREFIX = "nb:";

const GRAMMAR = "nb:<notebook.ipynb>:<function> or nb:<notebook.ipynb> (e.g. nb:explore.ipynb:add_features)";
const DOTTED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const EXTENSION = ".ipynb";

/** A parsed `nb:` spec; `notebook` is as typed (relative to the working folder). */
export interface NotebookSpec {
  notebook: string;
  /** The function to call; absent: the whole notebook is a batch step. */
  function?: string;
}

/** Why: `--old`/`--new` take a command or a spec; this tells `nb:` apart. */
export function isNotebookSpec(text: string): boolean {
  return text.trim().startsWith(NOTEBOOK_SPEC_PREFIX);
}

/** Why: parses `nb:<file.ipynb>[:<function>]`; throws a USAGE error naming the flag when malformed. */
export function parseNotebookSpec(text: string, flag: string): NotebookSpec {
  const body = text.trim().slice(NOTEBOOK_SPEC_PREFIX.length).trim();
  const fail = (why: string) =>
    new TwinrunError("USAGE", `${flag}: expected ${GRAMMAR}, got ${JSON.stringify(text)} (${why})`);
  const end = body.lastIndexOf(EXTENSION);
  if (end <= 0) throw fail(`the notebook must be a ${EXTENSION} file`);
  const notebook = body.slice(0, end + EXTENSION.length);
  const rest = body.slice(end + EXTENSION.length);
  if (rest === "") return { notebook };
  if (!rest.startsWith(":")) throw fail(`the notebook must be a ${EXTENSION} file`);
  const functionName = rest.slice(1).trim();
  if (!DOTTED_NAME.test(functionName)) throw fail(`${JSON.stringify(functionName)} is not a function name`);
  return { notebook, function: functionName };
}
