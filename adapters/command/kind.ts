// The command kind: a component run as a command line, the default when nothing else is named.
// per-input and worker modes are record adapters; dataset mode is a table adapter.
import { defineAdapterKind } from "../kind.ts";
import { createCommandAdapter } from "./command-adapter.ts";
import { runDatasetCommand } from "./dataset-run.ts";
import { describeCommand } from "./describe-command.ts";
import {
  parseCommandSpec,
  resolveCommandComponent,
  settingsOfCommandComponent,
} from "./resolve-component.ts";
import { type CommandSection, commandComponentSchema } from "./schema.ts";
import type { ResolvedCommandComponent } from "./types.ts";

/** Why: one definition says everything twinrun knows about command components. */
export const commandKind = defineAdapterKind<"command", CommandSection, ResolvedCommandComponent>({
  name: "command",
  summary:
    "a command line: one process per input, long-lived JSON-lines workers, or one run on the sample file",
  spec: {
    grammar: '"<command line>" (e.g. "python3 features.py")',
    matches: () => true,
    parse: (text, flag) => parseCommandSpec(text, flag),
  },
  schema: commandComponentSchema,
  // --mode and --shell reach both sides as flags.
  tuningKeys: ["mode", "shell"],
  resolve: resolveCommandComponent,
  settingsOf: settingsOfCommandComponent,
  describe: (component) => describeCommand(component),
  rebase: { keep: ["mode"] },
  shapeOf: (component) => (component.mode === "dataset" ? "table" : "records"),
  createRecordAdapter: (side, component, { sharedEnv, runner }) =>
    createCommandAdapter({ ...component, side, env: { ...sharedEnv, ...component.env }, ...runner }),
  createTableAdapter: (side, component, { sharedEnv, runner }) => ({
    run: (request) =>
      runDatasetCommand({
        ...component,
        side,
        env: { ...sharedEnv, ...component.env },
        timeoutMs: runner.timeoutMs,
        ...request,
      }),
  }),
});
