// The config section of a notebook component (`adapter: notebook`): a function taken from the
// notebook's defining cells (with `function`), or the whole notebook as a batch step (without).
import { z } from "zod";
import { flag, integerAtLeast, oneOf, stringList, text } from "../../src/config/schema-leaves.ts";
import { PYTHON_STYLES } from "../python/types.ts";
import { commonComponentKeys } from "../shared/component-keys.ts";
import type { Side } from "../types.ts";

/** Why: one schema for both faces of a notebook, validated with messages that say what to write. */
export function notebookComponentSchema(side: Side) {
  return z
    .strictObject(
      {
        adapter: z
          .literal("notebook", { error: '"notebook"' })
          .describe(
            "A Jupyter notebook: a function from its defining cells, or the whole notebook as a batch step.",
          ),
        notebook: text(`The .ipynb file, relative to this config file, e.g. explore_${side}.ipynb.`),
        function: text(
          "A function defined in the notebook, e.g. add_features; only cells that define things (imports, def, class, constants) run. Without it the whole notebook runs once on the sample (dataset mode).",
        ).optional(),
        style: oneOf(
          PYTHON_STYLES,
          "With function: record: function(dict) per input (default); dataframe: function(DataFrame) per batch.",
        ).optional(),
        python: text(
          "Interpreter (and kernel) to use, e.g. .venv/bin/python (default: $TWINRUN_PYTHON, else python3).",
        ).optional(),
        path: stringList("With function: extra sys.path entries, relative to this config file.").optional(),
        batchSize: integerAtLeast(
          1,
          "dataframe style: rows per call (default: the whole sample).",
        ).optional(),
        key: stringList("dataframe style: column(s) identifying a row.").optional(),
        seedEachCall: flag("With function: seed random and numpy.random before every call.").optional(),
        parameters: z
          .strictObject(
            {
              input: text("Name the sample file's path is assigned to (default input_path).").optional(),
              output: text("Name the output file's path is assigned to (default output_path).").optional(),
            },
            { error: "a mapping like { input: input_path, output: output_path }" },
          )
          .describe("Without function: the names injected after the cell tagged parameters.")
          .optional(),
        kernel: text(
          "Without function: a named Jupyter kernel (default: an ipykernel of python itself).",
        ).optional(),
        ...commonComponentKeys(side),
      },
      { error: `a mapping like { adapter: notebook, notebook: explore.ipynb, function: add_features }` },
    )
    .describe(`The ${side} version of the component, a Jupyter notebook.`);
}

/** A notebook section as a config file (or a flag) writes it. */
export type NotebookSection = z.infer<ReturnType<typeof notebookComponentSchema>>;
