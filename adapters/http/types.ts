// The HTTP adapter's contracts: how one side's endpoint is called and, optionally, started.
import type { ResolvedComponentBase } from "../kind.ts";
import type { AdapterSideOptions, ComponentOptions } from "../types.ts";

export const HTTP_METHODS = ["POST", "PUT", "PATCH", "GET", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A service twinrun starts before the first request, and how it knows the service is up. */
export interface ServiceStart {
  /** Command line that starts the service, run in the component's cwd (`${NAME}` expanded first). */
  command: string;
  /** URL polled with GET until it answers 2xx. */
  healthUrl: string;
  /** How long the service may take to become healthy. */
  timeoutMs: number;
  /** Run the command through `sh -c`. */
  shell: boolean;
}

/** An HTTP endpoint (`adapter: http`, or a `http://`/`https://` URL). Templates are expanded per request, never stored expanded. */
export interface ResolvedHttpComponent extends ResolvedComponentBase {
  adapter: "http";
  /** URL template: `${NAME}` reads an environment variable, `{{input}}`/`{{input.field}}` a field of the input. */
  url: string;
  method: HttpMethod;
  /** Header templates (values may hold `${NAME}`); reports never hold their expanded values. */
  headers: Record<string, string>;
  /** Request body template with `{{input}}` / `{{input.field}}`; undefined: the input's JSON text as is. */
  bodyTemplate?: string;
  /** Per-request timeout of this side; undefined: run.timeout. */
  timeoutMs?: number;
  /** A service twinrun starts before the first request and stops afterwards. */
  start?: ServiceStart;
}

/**
 * Everything the HTTP adapter needs, fully resolved by the caller: env is the shared env + the
 * side's env (the service's extra environment and what `${NAME}` reads first), timeoutMs the
 * side's own timeout or the run's, concurrency the most requests in flight (and pooled keep-alive
 * connections).
 */
export interface HttpAdapterOptions
  extends Omit<ComponentOptions<ResolvedHttpComponent>, "timeoutMs">,
    AdapterSideOptions {}

/** What one request ended with, before it becomes an Outcome. */
export type HttpExchange =
  | { kind: "response"; status: number; body: string }
  | { kind: "timeout" }
  | { kind: "too-large"; limitBytes: number }
  | { kind: "error"; code: string; message: string };
