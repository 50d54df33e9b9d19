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

/** Why: bodies like `{"instances": [{{input}}]}` and URLs like `/users/{{input.id}}` need the input inside. */
export function renderInputTemplate(template: string, inputText: string, style: PlaceholderStyle): string {
  let parsed: unknown;
  let parsedYet = false;
  return template.replace(INPUT_PLACEHOLDER, (_match, fieldPath: string) => {
    if (fieldPath === "") return style === "json" ? inputText : encodeURIComponent(inputText.trim());
    if (!parsedYet) {
      parsed = parseLossless(inputText);
      parsedYet = true;
    }
    const value = readField(parsed, fieldPath.slice(1).split("."));
    if (style === "json") return stringifyLossless(value ?? null);
    return encodeURIComponent(typeof value === "string" ? value : stringifyLossless(value ?? null));
  });
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
