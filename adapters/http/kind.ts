// The http kind: each input sent to an HTTP endpoint, optionally a service twinrun starts.
import { defineAdapterKind } from "../kind.ts";
import { isHttpSpec } from "./component-spec.ts";
import { describeHttp } from "./describe.ts";
import { createHttpAdapter } from "./http-adapter.ts";
import { resolveHttpComponent } from "./resolve-component.ts";
import { type HttpSection, httpComponentSchema } from "./schema.ts";
import { settingsOfHttpComponent } from "./settings.ts";
import type { ResolvedHttpComponent } from "./types.ts";

/** Why: one definition says everything twinrun knows about HTTP components. */
export const httpKind = defineAdapterKind<"http", HttpSection, ResolvedHttpComponent>({
  name: "http",
  summary: "an HTTP endpoint, each input one request",
  spec: {
    grammar: "http(s)://<host>/<path> (e.g. http://127.0.0.1:8080/score)",
    matches: isHttpSpec,
    parse: (text) => ({ adapter: "http", url: text.trim() }),
  },
  schema: httpComponentSchema,
  resolve: resolveHttpComponent,
  settingsOf: settingsOfHttpComponent,
  describe: describeHttp,
  shapeOf: () => "records",
  createRecordAdapter: (side, component, { sharedEnv, runner }) =>
    createHttpAdapter({
      ...component,
      side,
      env: { ...sharedEnv, ...component.env },
      concurrency: runner.concurrency,
      outputLimitChars: runner.outputLimitChars,
      // A side's own timeout wins over the run's.
      timeoutMs: component.timeoutMs ?? runner.timeoutMs,
    }),
});
