// A short human description of a command component, shown in reports (`python3 f.py (worker)`).
import type { CommandAdapterOptions } from "./types.ts";

const MAX_COMMAND_CHARS = 80;

/** Describes how a component runs: its command (shortened) and its mode. */
export function describeCommand(
  options: Pick<CommandAdapterOptions, "command" | "mode"> & { shell?: boolean },
): string {
  const command = options.command.trim().replace(/\s+/g, " ");
  const shortened =
    command.length > MAX_COMMAND_CHARS ? `${command.slice(0, MAX_COMMAND_CHARS - 1)}…` : command;
  const how = options.shell ? `${options.mode}, shell` : options.mode;
  return `${shortened} (${how})`;
}

/** Describes a dataset-mode component the way reports show it: `python3 build.py --in {input} --out {output} (dataset)`. */
export function describeDatasetCommand(options: { command: string; shell?: boolean }): string {
  return describeCommand({ command: options.command, mode: "dataset", shell: options.shell });
}
