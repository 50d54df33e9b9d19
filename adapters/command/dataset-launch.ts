// Dataset mode's command line: `{input}` and `{output}` become the two file paths. Without a shell
// the command is split first and each placeholder is replaced inside its own argument, so a path
// with spaces stays one argument; with a shell each path is quoted for the spot it lands in.

import type { LaunchSpec } from "../process/types.ts";
import type { Side } from "../types.ts";
import { assertNoShellSyntax, splitCommand } from "./command-line.ts";

/** The placeholder for the sample file the command reads. */
export const INPUT_PLACEHOLDER = "{input}";
/** The placeholder for the file the command must write. */
export const OUTPUT_PLACEHOLDER = "{output}";

/** What to launch, and which of the two files travel over stdin/stdout instead of as paths. */
export interface DatasetLaunch {
  launch: LaunchSpec;
  /** The command has no `{input}`: the sample file is streamed to its stdin. */
  inputOnStdin: boolean;
  /** The command has no `{output}`: its stdout is streamed into the output file. */
  outputOnStdout: boolean;
}

export interface DatasetLaunchOptions {
  side: Side;
  command: string;
  cwd: string;
  env: Record<string, string>;
  shell: boolean;
  inputPath: string;
  outputPath: string;
}

/** Why: the paths are put in once, where they belong, so no path can ever be re-split or re-parsed. */
export function toDatasetLaunch(options: DatasetLaunchOptions): DatasetLaunch {
  const paths = { [INPUT_PLACEHOLDER]: options.inputPath, [OUTPUT_PLACEHOLDER]: options.outputPath };
  const base = { cwd: options.cwd, env: options.env };
  const flags = {
    inputOnStdin: !options.command.includes(INPUT_PLACEHOLDER),
    outputOnStdout: !options.command.includes(OUTPUT_PLACEHOLDER),
  };
  if (options.shell) {
    const line = substituteInShellLine(options.command.trim(), paths);
    return { launch: { ...base, file: line, args: [], shell: true }, ...flags };
  }
  assertNoShellSyntax(options.command, options.side);
  const [file, ...args] = splitCommand(options.command, options.side).map((token) =>
    substituteInToken(token, paths),
  );
  return { launch: { ...base, file, args, shell: false }, ...flags };
}

// A placeholder inside one argument is replaced within it (`--out={output}` stays one argument).
function substituteInToken(token: string, paths: Record<string, string>): string {
  let result = token;
  for (const [placeholder, value] of Object.entries(paths)) result = result.replaceAll(placeholder, value);
  return result;
}

/**
 * Replaces placeholders in a shell line, quoting each path for where it stands: bare ({output}),
 * inside single quotes ('{output}') or inside double quotes ("{output}"). Anything else is kept.
 */
export function substituteInShellLine(line: string, paths: Record<string, string>): string {
  let result = "";
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const placeholder = Object.keys(paths).find((name) => line.startsWith(name, i));
    if (placeholder !== undefined) {
      result += quoteFor(paths[placeholder]!, quote);
      i += placeholder.length - 1;
      continue;
    }
    const char = line[i]!;
    result += char;
    if (quote === "'") {
      if (char === "'") quote = undefined;
    } else if (char === "\\") {
      // An escaped character (outside single quotes) is kept as it is, never read as a quote.
      if (i + 1 < line.length) result += line[++i];
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    }
  }
  return result;
}

function quoteFor(value: string, quote: "'" | '"' | undefined): string {
  if (quote === "'") return value.replaceAll("'", "'\\''");
  if (quote === '"') return value.replace(/["\\$`]/g, "\\$&");
  return `'${value.replaceAll("'", "'\\''")}'`;
}
