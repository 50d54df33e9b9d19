// The HTTP adapter: sends each input to an endpoint (JSON body, or through a body template) over
// a keep-alive pool, and takes the response as the outcome. With `start`, it first launches the
// service on a free port of 127.0.0.1 (TWINRUN_PORT), waits for its health URL, and stops it
// afterwards; without, it checks that something listens at the URL before any input is sent.
import { performance } from "node:perf_hooks";
import { TwinrunError } from "../../src/errors.ts";
import { startError } from "../process/launch-check.ts";
import {
  type InputClock,
  type TimedOut,
  type TimedRecordAdapter,
  withInputTimeout,
} from "../shared/input-timeout.ts";
import { outputLimitChars } from "../shared/output-limit.ts";
import type { Outcome, RecordAdapter, TrialInput } from "../types.ts";
import { canConnect, pickFreePort } from "./free-port.ts";
import { type ConnectionPool, createConnectionPool, sendRequest } from "./http-request.ts";
import { outcomeFromExchange } from "./outcomes.ts";
import { type RunningService, startService } from "./service.ts";
import { expandEnv, REDACTED, renderInputTemplate, UnsendableValueError } from "./templates.ts";
import type { HttpAdapterOptions } from "./types.ts";

/** Methods that carry the input as a request body. */
const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);
/** Without `start`, how long the check that the service listens may take. */
const CONNECT_CHECK_MS = 5000;

/** The templates with every `${NAME}` expanded, fixed for the whole run. */
interface Expanded {
  url: string;
  headers: Record<string, string>;
}

/** Creates the adapter for one side's HTTP endpoint. */
export function createHttpAdapter(options: HttpAdapterOptions): RecordAdapter {
  const pool: ConnectionPool = createConnectionPool(options.concurrency);
  const maxBodyBytes = options.outputLimitChars ?? outputLimitChars();
  let expanded: Expanded | undefined;
  let service: RunningService | undefined;
  let stopping: Promise<void> | undefined;

  const adapter: TimedRecordAdapter = {
    async start() {
      const env = await environmentFor(options);
      expanded = expandTemplates(options, env);
      if (options.start !== undefined) {
        service = await startService({
          side: options.side,
          command: expandEnv(options.start.command, env, `${options.side}.start.command`),
          shell: options.start.shell,
          cwd: options.cwd,
          env: serviceEnv(options, env),
          healthUrl: parseUrl(
            expandEnv(options.start.healthUrl, env, `${options.side}.start.healthUrl`),
            `${options.side}.start.healthUrl`,
          ),
          timeoutMs: options.start.timeoutMs,
        });
        return;
      }
      const target = parseUrl(renderInputTemplate(expanded.url, "{}", "url"), `${options.side}.url`);
      const check = await canConnect(target, CONNECT_CHECK_MS);
      if (!check.ok) {
        throw startError(
          options.side,
          `nothing answers at ${target.origin} (${check.code}); start the service first, or give ${options.side}.start ` +
            "{command, healthUrl} so twinrun starts it",
          options.cwd,
        );
      }
    },

    async run(input: TrialInput, clock: InputClock): Promise<Outcome | TimedOut> {
      if (expanded === undefined || stopping !== undefined) {
        throw new Error(`twinrun bug: ${options.side} adapter got an input before start() or after stop()`);
      }
      let url: URL;
      try {
        url = parseUrl(renderInputTemplate(expanded.url, input.text, "url"), `${options.side}.url`);
      } catch (error) {
        if (!(error instanceof UnsendableValueError)) throw error;
        // Not the component's behaviour but twinrun's inability to ask: the trial is inconclusive.
        const failure = {
          kind: "http" as const,
          message: error.message,
          unobserved: "unsendable-input" as const,
        };
        return { status: "failure", failure, durationMs: 0 };
      }
      const body = BODY_METHODS.has(options.method)
        ? options.bodyTemplate === undefined
          ? input.text
          : renderInputTemplate(options.bodyTemplate, input.text, "json")
        : undefined;
      const startedAt = performance.now();
      const exchange = await sendRequest(pool, {
        url,
        method: options.method,
        headers: expanded.headers,
        ...(body !== undefined && { body }),
        signal: clock.start(),
        maxBodyBytes,
      });
      const durationMs = performance.now() - startedAt;
      if (exchange.kind === "timeout") return { status: "timed-out", durationMs, stderr: "" };
      return outcomeFromExchange(exchange, durationMs);
    },

    stop() {
      stopping ??= (async () => {
        pool.destroy();
        await service?.stop();
      })();
      return stopping;
    },
  };
  return withInputTimeout(adapter, { timeoutMs: options.timeoutMs, awaited: "response" });
}

// With `start`, the service gets a free port as TWINRUN_PORT unless the side's env fixes one.
async function environmentFor(options: HttpAdapterOptions): Promise<Record<string, string | undefined>> {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (options.start !== undefined && options.env.TWINRUN_PORT === undefined) {
    env.TWINRUN_PORT = String(await pickFreePort());
  }
  return env;
}

function serviceEnv(
  options: HttpAdapterOptions,
  env: Record<string, string | undefined>,
): Record<string, string> {
  return env.TWINRUN_PORT === undefined ? options.env : { ...options.env, TWINRUN_PORT: env.TWINRUN_PORT };
}

function expandTemplates(options: HttpAdapterOptions, env: Record<string, string | undefined>): Expanded {
  const headers: Record<string, string> = {};
  const names = Object.keys(options.headers).map((name) => name.toLowerCase());
  if (BODY_METHODS.has(options.method) && !names.includes("content-type"))
    headers["content-type"] = "application/json";
  if (!names.includes("accept")) headers.accept = "application/json";
  for (const [name, template] of Object.entries(options.headers)) {
    const where = `${options.side}.headers.${name}`;
    if (template === REDACTED) {
      throw new TwinrunError(
        "CONFIG_INVALID",
        `${where}: the value was redacted in the report this run replays; replay with the config file (-c), or write the header as \${ENV_NAME}`,
      );
    }
    headers[name] = expandEnv(template, env, where);
  }
  return { url: expandEnv(options.url, env, `${options.side}.url`), headers };
}

function parseUrl(text: string, where: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TwinrunError(
      "CONFIG_INVALID",
      `${where}: expected an http:// or https:// URL, got ${JSON.stringify(text)}`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TwinrunError(
      "CONFIG_INVALID",
      `${where}: expected an http:// or https:// URL, got ${JSON.stringify(text)}`,
    );
  }
  return url;
}
