// The command-line surface: commands and flags, nothing else. Each action lives in its own file,
// loaded only when its command runs, so `--help` and small commands start fast.
import { Command, Option } from "commander";
import type { CommandSpec, OptionSpec } from "../config/options/spec.ts";
import {
  type AcceptFlags,
  type CommandName,
  commandSpec,
  type InitFlags,
  type ShrinkFlags,
} from "../config/options/table.ts";
import type { CliIo } from "./io.ts";
import { readOwnVersion } from "./version.ts";

const EXIT_CODES_HELP = `
Exit codes:
  0  no behavioural change beyond the gate (--max-changed)
  1  behavioural change
  2  bad usage, config or input
  3  a component could not be started at all
  130 interrupted (Ctrl-C); the partial report is still written, marked incomplete`;

// A repeatable flag's values, in the order given.
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Builds the commander program; `runTwinrun` parses argv with it, and each action reports its exit code. */
export function buildProgram(io: CliIo, exit: (code: number) => void): Command {
  const program = new Command("twinrun")
    .version(readOwnVersion(), "-V, --version", "print the version of twinrun")
    .description(
      "Run the old and new version of a pipeline component on the same inputs and report every behavioural change.",
    )
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", EXIT_CODES_HELP);

  const command = (name: CommandName) => addCommand(program, commandSpec(name));
  command("run").action(async (_options, run: Command) =>
    exit(await (await import("./run-command.ts")).runRunCommand(run, io)),
  );
  command("diff").action(async (oldPath: string, newPath: string, _options, diff: Command) =>
    exit(await (await import("./diff-command.ts")).runDiffCommand(oldPath, newPath, diff, io)),
  );
  command("init").action(async (options: InitFlags) =>
    exit(await (await import("./init-command.ts")).runInitCommand(options, io)),
  );
  command("accept").action(async (reportPath: string, options: AcceptFlags) =>
    exit(await (await import("./accept-command.ts")).runAcceptCommand(reportPath, options, io)),
  );
  command("merge").action(async (reportPaths: string[], _options, merge: Command) =>
    exit(await (await import("./merge-command.ts")).runMergeCommand(reportPaths, merge, io)),
  );
  command("shrink").action(async (reportPath: string, index: string, options: ShrinkFlags) =>
    exit(await (await import("./shrink-command.ts")).runShrinkCommand(reportPath, index, options, io)),
  );

  return program;
}

/** Why: one command of the option table, with its arguments and flags, in table order. */
function addCommand(program: Command, spec: CommandSpec): Command {
  const command = program.command(spec.name).description(spec.description);
  for (const argument of spec.arguments) command.argument(argument.syntax, argument.help);
  for (const option of spec.options) command.addOption(toCommanderOption(option));
  return command;
}

function toCommanderOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.help);
  if (spec.choices !== undefined) option.choices(spec.choices);
  if (spec.repeatable === true) option.argParser(collect);
  return option;
}
