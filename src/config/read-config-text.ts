// Parses a config file's text (YAML or JSON) into a plain value; a syntax error names the file,
// the line and the column, never a parser stack trace.
import { parseDocument } from "yaml";
import { TwinrunError } from "../errors.ts";

export type ConfigSyntax = "yaml" | "json";

/** The yaml package's bound on how many nodes one alias may stand for. */
const MAX_ALIAS_COUNT = 1000;

/** Why: `.json` files are parsed strictly as JSON; everything else as YAML (a superset). */
export function detectConfigSyntax(file: string): ConfigSyntax {
  return file.toLowerCase().endsWith(".json") ? "json" : "yaml";
}

/** Why: one entry point turns text into data or into a CONFIG_INVALID error naming file:line:col. */
export function parseConfigText(text: string, syntax: ConfigSyntax, displayName: string): unknown {
  // An empty file (or one with only comments) is an empty config, not an error.
  if (text.trim() === "") return {};
  return syntax === "json" ? parseJson(text, displayName) : parseYaml(text, displayName);
}

function parseYaml(text: string, displayName: string): unknown {
  const document = parseDocument(text, { prettyErrors: true });
  const error = document.errors[0];
  if (error !== undefined) {
    const position = error.linePos?.[0];
    const where = position ? `${displayName}:${position.line}:${position.col}` : displayName;
    const reason = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "");
    throw new TwinrunError(
      "CONFIG_INVALID",
      `${where}: invalid YAML: ${reason}${placeholderHint(text, position?.line)}`,
    );
  }
  let value: unknown;
  try {
    // maxAliasCount bounds what aliases may expand to (a "billion laughs" file stops here).
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = /alias count/i.test(reason)
      ? `its aliases expand to too much (more than ${MAX_ALIAS_COUNT} per alias); write the values out instead of through aliases`
      : /unresolved alias/i.test(reason)
        ? unresolvedAliasHint(reason)
        : reason;
    throw new TwinrunError("CONFIG_INVALID", `${displayName}: invalid YAML: ${hint}`);
  }
  return value ?? {};
}

/** `the alias *name names no anchor`, from the yaml package's message that ends with the name. */
function unresolvedAliasHint(reason: string): string {
  const name = /:\s*(\S+)\s*$/.exec(reason)?.[1];
  return name === undefined
    ? "an alias names no anchor; define the anchor (&name) before the alias (*name)"
    : `the alias *${name} names no anchor; define &${name} before it`;
}

/**
 * Why: `{input}`/`{output}` inside a one-line `{ … }` mapping read as YAML braces; the parser's
 * message ("flow-map-start") does not say so.
 */
function placeholderHint(text: string, line: number | undefined): string {
  const source = line === undefined ? "" : (text.split("\n")[line - 1] ?? "");
  if (!/\{(input|output)\}/.test(source)) return "";
  return '; a command holding {input} or {output} must be quoted (command: "python3 step.py --in {input} --out {output}") or written on its own line';
}

function parseJson(text: string, displayName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const shortReason = reason
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/, .*is not valid JSON$/s, "");
    throw new TwinrunError(
      "CONFIG_INVALID",
      `${displayName}:${locateJsonError(text, reason)}: invalid JSON: ${shortReason}`,
    );
  }
}

/**
 * `line:col` (or `line`) where JSON.parse gave up. V8 names the position for some errors only;
 * otherwise the first line after which the text stops being a valid beginning of JSON is it.
 */
function locateJsonError(text: string, reason: string): string {
  const named = /at position (\d+)/.exec(reason);
  if (named) {
    // An error at the very end (a missing brace) is shown at the end of the last written line.
    const offset = Math.min(Number(named[1]), text.trimEnd().length);
    const before = text.slice(0, offset);
    return `${before.split("\n").length}:${offset - (before.lastIndexOf("\n") + 1) + 1}`;
  }
  const lines = text.split("\n");
  for (let count = 1; count <= lines.length; count++) {
    const prefix = lines.slice(0, count).join("\n");
    try {
      JSON.parse(prefix);
    } catch (error) {
      if (!isIncomplete(error, prefix)) return String(count);
    }
  }
  return String(text.trimEnd().split("\n").length);
}

/** True when JSON.parse failed only because the text stops early (more lines would complete it). */
function isIncomplete(error: unknown, prefix: string): boolean {
  const message = error instanceof Error ? error.message : String(error);
  if (/Unexpected end of JSON input/.test(message)) return true;
  const position = /at position (\d+)/.exec(message);
  return position !== null && Number(position[1]) >= prefix.trimEnd().length;
}
