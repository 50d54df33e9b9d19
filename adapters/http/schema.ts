// The HTTP component's config section (`adapter: http`).
import { z } from "zod";
import { flag, headerMap, httpUrl, integerAtLeast, oneOf, text } from "../../src/config/schema-leaves.ts";
import { commonComponentKeys } from "../shared/component-keys.ts";
import type { Side } from "../types.ts";
import { HTTP_METHODS } from "./types.ts";

/** Why: the section as a config file writes it, validated with messages that say what to write. */
export function httpComponentSchema(side: Side) {
  return z
    .strictObject(
      {
        adapter: z.literal("http", { error: '"http"' }).describe("Send each input to an HTTP endpoint."),
        url: httpUrl(
          `Endpoint URL; \${NAME} reads an environment variable (TWINRUN_PORT: the port twinrun picked for start), {{input.field}} a field of the input.`,
        ),
        method: oneOf(HTTP_METHODS, "HTTP method (default POST).").optional(),
        headers: headerMap(
          `Request headers; values may read environment variables as \${NAME} (e.g. Authorization: Bearer \${API_TOKEN}); reports never hold their values.`,
        ).optional(),
        bodyTemplate: text(
          "Request body with {{input}} (the input's JSON) and {{input.field}} placeholders, e.g. {\"instances\": [{{input}}]} (default: the input's JSON).",
        ).optional(),
        timeout: integerAtLeast(
          0,
          "Per-request timeout in ms for this side (default: run.timeout; 0 = none).",
        ).optional(),
        start: z
          .strictObject(
            {
              command: text(
                `Command that starts the service, run in cwd; \${TWINRUN_PORT} is a free port twinrun picked.`,
              ),
              healthUrl: httpUrl(
                `URL polled (GET) until it answers 2xx, e.g. http://127.0.0.1:\${TWINRUN_PORT}/health.`,
              ),
              timeout: integerAtLeast(
                1,
                "How long the service may take to become healthy, in ms (default 30000).",
              ).optional(),
              shell: flag("Run the command through a shell (default false).").optional(),
            },
            {
              error: `a mapping like { command: node server.mjs, healthUrl: http://127.0.0.1:\${TWINRUN_PORT}/health }`,
            },
          )
          .describe("A service twinrun starts before the first request and stops afterwards.")
          .optional(),
        ...commonComponentKeys(side),
      },
      { error: `a mapping like { adapter: http, url: http://127.0.0.1:8080/score }` },
    )
    .describe(`The ${side} version of the component, an HTTP endpoint.`);
}

/** An HTTP section as a config file (or a flag layer) holds it. */
export type HttpSection = z.infer<ReturnType<typeof httpComponentSchema>>;
