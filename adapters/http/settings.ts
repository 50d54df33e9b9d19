// An HTTP component as a report's settings keep it (what --replay reads back): templates as
// written, and every header value that names no environment variable replaced by REDACTED.
import type { HttpSection } from "./schema.ts";
import { redactHeaderValue } from "./templates.ts";
import type { ResolvedHttpComponent } from "./types.ts";

/** Why: reports travel (CI artifacts, PR comments); a token typed into a header must not travel with them. */
export function settingsOfHttpComponent(component: ResolvedHttpComponent): HttpSection {
  const headers = Object.fromEntries(
    Object.entries(component.headers).map(([name, value]) => [name, redactHeaderValue(value)]),
  );
  const { start } = component;
  return {
    adapter: "http",
    url: component.url,
    method: component.method,
    ...(Object.keys(headers).length > 0 && { headers }),
    ...(component.bodyTemplate !== undefined && { bodyTemplate: component.bodyTemplate }),
    ...(component.timeoutMs !== undefined && { timeout: component.timeoutMs }),
    ...(start !== undefined && {
      start: {
        command: start.command,
        healthUrl: start.healthUrl,
        timeout: start.timeoutMs,
        shell: start.shell,
      },
    }),
    cwd: component.cwd,
    ...(Object.keys(component.env).length > 0 && { env: { ...component.env } }),
    label: component.label,
    ...(component.setup !== undefined && { setup: component.setup }),
  };
}
