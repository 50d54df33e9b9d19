// The command component's config section (a section without `adapter` is a command).
import { z } from "zod";
import { flag, oneOf, text } from "../../src/config/schema-leaves.ts";
import { commonComponentKeys } from "../shared/component-keys.ts";
import type { Side } from "../types.ts";
import { COMMAND_MODES } from "./types.ts";

/** Why: the section as a config file writes it, validated with messages that say what to write. */
export function commandComponentSchema(side: Side) {
  return z
    .strictObject(
      {
        adapter: oneOf(["command"], "How the component runs (default command).").optional(),
        command: text(`The ${side} component's command line, e.g. python3 features_${side}.py.`).optional(),
        mode: oneOf(
          COMMAND_MODES,
          "How the command runs (default per-input). per-input: one process per input; worker: long-lived processes, one JSON line in and out; " +
            "dataset: one run on the whole sample file ({input}, else stdin) writing a table ({output}, else stdout); both sides alike.",
        ).optional(),
        shell: flag("Run the command through a shell, for pipes and globs (default false).").optional(),
        ...commonComponentKeys(side),
      },
      { error: `a mapping like { command: python3 features_${side}.py }` },
    )
    .describe(`The ${side} version of the component, run as a command.`);
}

/** A command section as a config file (or a flag layer) holds it. */
export type CommandSection = z.infer<ReturnType<typeof commandComponentSchema>>;
