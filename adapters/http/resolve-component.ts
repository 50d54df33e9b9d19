// Resolving an HTTP component's config section (config file and flags, merged) into the fully
// populated ResolvedHttpComponent. Templates (`${NAME}`, `{{input}}`) stay unexpanded: the
// adapter expands them at start, so the resolved config and the report never hold a secret.
import { stringifyEnv } from "../../src/config/shared-env.ts";
import { TwinrunError } from "../../src/errors.ts";
import type { Side } from "../types.ts";
import type { HttpSection } from "./schema.ts";
import type { ResolvedHttpComponent } from "./types.ts";

/** Default time a started service has to answer its health URL. */
export const DEFAULT_HEALTH_TIMEOUT_MS = 30_000;

/** Why: method, headers and start settings are defaulted once here; the adapter re-checks nothing. */
export function resolveHttpComponent(
  side: Side,
  section: HttpSection,
  context: { baseDir: string; configName: string },
): ResolvedHttpComponent {
  const { url } = section as Partial<HttpSection>;
  if (url === undefined) {
    throw new TwinrunError(
      "USAGE",
      `the ${side} component is an HTTP endpoint but its url is missing: give --${side} http://… or ${side}.url in ${context.configName}`,
    );
  }
  const method = section.method ?? "POST";
  if (section.bodyTemplate !== undefined && (method === "GET" || method === "DELETE")) {
    throw new TwinrunError(
      "USAGE",
      `${side}.bodyTemplate: a ${method} request carries no body; use POST, PUT or PATCH, or put {{input.field}} into ${side}.url`,
    );
  }
  const { start } = section;
  return {
    adapter: "http",
    url,
    method,
    headers: { ...section.headers },
    ...(section.bodyTemplate !== undefined && { bodyTemplate: section.bodyTemplate }),
    ...(section.timeout !== undefined && { timeoutMs: section.timeout }),
    ...(start !== undefined && {
      start: {
        command: start.command,
        healthUrl: start.healthUrl,
        timeoutMs: start.timeout ?? DEFAULT_HEALTH_TIMEOUT_MS,
        shell: start.shell ?? false,
      },
    }),
    cwd: section.cwd ?? context.baseDir,
    env: stringifyEnv(section.env),
    label: section.label ?? side,
    ...(section.setup !== undefined && { setup: section.setup }),
  };
}
