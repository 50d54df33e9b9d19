// Turns a command string into (file, args) without a shell. execa's parseCommandString only
// splits on spaces, so `--flag 'a b'` would reach the component as two mangled arguments;
// quoted commands are split here instead, the way a POSIX shell would (without expansions).
import { parseCommandString } from "execa";
import { TwinrunError } from "../../src/errors.ts";
import type { Side } from "../types.ts";

const NEEDS_QUOTE_AWARE_SPLIT = /['"\t\n]/;
// Shell syntax that means something only to a shell; passed literally it would silently change
// what runs (e.g. `f.py | jq .` would hand "|" to f.py as an argument).
const SHELL_SYNTAX = /^(\||&|;|<|>|`|\$\(|\$\{|\$[A-Za-z_])/;

/** Splits a non-shell command into tokens; throws a TwinrunError for unbalanced quotes or shell syntax. */
export function splitCommand(command: string, side: Side): string[] {
  const tokens = NEEDS_QUOTE_AWARE_SPLIT.test(command)
    ? splitQuoted(command, side)
    : parseCommandString(command);
  if (tokens.length === 0) {
    throw new TwinrunError(
      "CONFIG_INVALID",
      `${side}.command: expected a command to run, got an empty string`,
    );
  }
  return tokens;
}

function splitQuoted(command: string, side: Side): string[] {
  const tokens: string[] = [];
  let token = "";
  let inToken = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < command.length; i++) {
    const char = command[i];
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else token += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === "\\" && /["\\$`]/.test(command[i + 1] ?? "")) token += command[++i];
      else token += char;
    } else if (char === " " || char === "\t" || char === "\n") {
      if (inToken) tokens.push(token);
      token = "";
      inToken = false;
    } else {
      inToken = true;
      if (char === "'" || char === '"') quote = char;
      else if (char === "\\" && /[ '"\\]/.test(command[i + 1] ?? "")) token += command[++i];
      else token += char;
    }
  }
  if (quote !== undefined) {
    throw new TwinrunError(
      "CONFIG_INVALID",
      `${side}.command: expected matching quotes, got an unterminated ${quote} in ${JSON.stringify(command)}`,
    );
  }
  if (inToken) tokens.push(token);
  return tokens;
}

/** Finds shell syntax outside quotes (`|`, `>`, `&&`, `$VAR`, ...) in a command run without a shell. */
export function findShellSyntax(command: string): string | undefined {
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < command.length; i++) {
    const char = command[i];
    if (quote === "'") {
      if (char === "'") quote = undefined;
      continue;
    }
    if (char === "\\") {
      i++;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (/^(`|\$\(|\$\{|\$[A-Za-z_])/.test(command.slice(i))) return command.slice(i, i + 2);
      continue;
    }
    if (char === "'" || char === '"') {
      quote = char;
      continue;
    }
    const match = SHELL_SYNTAX.exec(command.slice(i));
    if (match) return match[0];
  }
  return undefined;
}

/** Rejects shell syntax in a non-shell command with an instruction to turn the shell on. */
export function assertNoShellSyntax(command: string, side: Side): void {
  const syntax = findShellSyntax(command);
  if (syntax === undefined) return;
  throw new TwinrunError(
    "CONFIG_INVALID",
    `${side}.command: ${JSON.stringify(command)} uses shell syntax (${JSON.stringify(syntax)}) but runs without a shell; ` +
      "set shell: true (--shell) to run it through sh, or remove the shell syntax",
  );
}
