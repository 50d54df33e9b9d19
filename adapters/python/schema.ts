// The Python component's config section (`adapter: python`).
import { z } from "zod";
import { flag, integerAtLeast, oneOf, stringList, text } from "../../src/config/schema-leaves.ts";
import { commonComponentKeys } from "../shared/component-keys.ts";
import type { Side } from "../types.ts";
import { PYTHON_STYLES } from "./types.ts";

/** Why: the section as a config file writes it, validated with messages that say what to write. */
export function pythonComponentSchema(side: Side) {
  return z
    .strictObject(
      {
        adapter: z
          .literal("python", { error: '"python"' })
          .describe("Call a Python function in persistent workers."),
        module: text(`Module to import from cwd (or path), e.g. features_${side}.`),
        function: text("Function in the module, e.g. build_features."),
        style: oneOf(
          PYTHON_STYLES,
          "How the function is called (default record). record: function(dict) per input; dataframe: function(DataFrame) per batch of rows.",
        ).optional(),
        python: text(
          "Interpreter, e.g. .venv/bin/python (relative to this config file) or python3.11 (default: $TWINRUN_PYTHON, else python3).",
        ).optional(),
        path: stringList("Extra sys.path entries after cwd, relative to this config file.").optional(),
        batchSize: integerAtLeast(
          1,
          "dataframe style: rows per call (default: the whole sample in one call).",
        ).optional(),
        key: stringList(
          "dataframe style: column(s) identifying a row; rows are matched by them instead of by position.",
        ).optional(),
        seedEachCall: flag(
          "Seed random and numpy.random from TWINRUN_SEED before every call (default false).",
        ).optional(),
        ...commonComponentKeys(side),
      },
      { error: `a mapping like { adapter: python, module: features_${side}, function: build_features }` },
    )
    .describe(`The ${side} version of the component, a Python function.`);
}

/** A Python section as a config file (or a flag layer) holds it. */
export type PythonSection = z.infer<ReturnType<typeof pythonComponentSchema>>;
