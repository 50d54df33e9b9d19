// Templates in an HTTP component: `${NAME}` reads an environment variable (secrets such as an
// Authorization token stay out of config files and reports), `{{input}}` is the input's JSON text
// and `{{input.a.b}}` one of its fields. The config and reports keep the template, never the
// expanded text.
import { TwinrunError } from "../../src/errors.ts";
import { parseLossless } from "../../src/json/parse.ts";
import { stringifyLossless } from "../../src/json/stringify.ts";
import { isIntegralFloat } from "../../src/json/values.ts";

/** Written into reports in place of a header value that names no environment variable. */
export const REDACTED = "[redacted]";

const ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const INPUT_PLACEHOLDER = /\{\{\s*input((?:\.[^.{}\s]+)*)\s*\}\}/g;

/** Why: `${NAME}` must name a set variable; a missing one is a config error naming where it was used. */
export function expandEnv(template: string, env: Record<string, string | undefined>, where: string): string {
  return template.replace(ENV_REFERENCE, (_match, name: string) => {
    const value = env[name];
    if (value === undefined) {
      throw new TwinrunError(
        "CONFIG_INVALID",
        `${where}: references \${${name}}, but the environment variable ${name} is not set; set it (or the component's env: ${name}) before running`,
      );
    }
    return value;
  });
}

/** Why: a header value with no `${NAME}` in it could be a secret typed in; reports show the template or REDACTED. */
export function redactHeaderValue(template: string): string {
  return new RegExp(ENV_REFERENCE.source).test(template) ? template : REDACTED;
}

/** How a placeholder's text is written: as JSON into a body, percent-encoded into a URL. */
export type PlaceholderStyle = "json" | "url";

/** An input value that cannot stand in a URL path segment (`.` or `..` would address another endpoint). */
export class UnsendableValueError extends Error {
  constructor(value: string) {
    super(
      `the input value ${JSON.stringify(value)} cannot be sent as a URL path segment (the URL would address another endpoint); ` +
        "put it in the query or the body instead",
    );
    this.name = "UnsendableValueError";
  }
}

/**
 * Why: bodies like `{"instances": [{{input}}]}` and URLs like `/users/{{input.id}}` need the input inside.
 * In a URL each value is percent-encoded for its part: in the path as one segment (`/`, `?`, `#`
 * encoded; a value `.` or `..` throws UnsendableValueError), in the query or fragment as one component.
 */
export function renderInputTemplate(template: string, inputText: string, style: PlaceholderStyle): string {
  let parsed: unknown;
  let parsedYet = false;
  const queryStart = style === "url" ? template.search(/[?#]/) : -1;
  return template.replace(INPUT_PLACEHOLDER, (_match, fieldPath: string, offset: number) => {
    const inPath = queryStart < 0 || offset < queryStart;
    if (fieldPath === "") return style === "json" ? inputText : encodeUrlPart(inputText.trim(), inPath);
    if (!parsedYet) {
      parsed = parseLossless(inputText);
      parsedYet = true;
    }
    const value = readField(parsed, fieldPath.slice(1).split("."));
    if (style === "json") return stringifyLossless(value ?? null);
    return encodeUrlPart(typeof value === "string" ? value : stringifyLossless(value ?? null), inPath);
  });
}

// encodeURIComponent leaves `.` alone, and the URL parser resolves `.`/`..` segments (also as
// `%2e`), so a dot segment cannot be sent as a value at all.
function encodeUrlPart(value: string, inPath: boolean): string {
  if (inPath && (value === "." || value === "..")) throw new UnsendableValueError(value);
  return encodeURIComponent(value);
}

function readField(value: unknown, names: string[]): unknown {
  let current = value;
  for (const name of names) {
    if (current === null || typeof current !== "object" || isIntegralFloat(current)) return undefined;
    if (!Object.hasOwn(current, name)) return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}
