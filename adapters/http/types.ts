// The HTTP adapter's contracts: how one side's endpoint is called and, optionally, started.
import type { HttpMethod } from "../../src/config/types.ts";
import type { Side } from "../types.ts";

export type { HttpMethod };

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

/** Everything the HTTP adapter needs, fully resolved by the caller (resolveRunConfig). */
export interface HttpAdapterOptions {
  side: Side;
  /** URL template: `${NAME}` environment references, `{{input}}`/`{{input.field}}` placeholders. */
  url: string;
  method: HttpMethod;
  /** Header templates; values may reference `${NAME}`. */
  headers: Record<string, string>;
  /** Body template; undefined sends the input's JSON text unchanged. */
  bodyTemplate?: string;
  /** Per-request timeout; 0 means none. */
  timeoutMs: number;
  /** Most requests in flight at once (and pooled keep-alive connections). */
  concurrency: number;
  /** Absolute working folder for the started service. */
  cwd: string;
  /** Shared env + side env, already merged: the service's extra environment and what `${NAME}` reads first. */
  env: Record<string, string>;
  start?: ServiceStart;
}

/** What one request ended with, before it becomes an Outcome. */
export type HttpExchange =
  | { kind: "response"; status: number; body: string }
  | { kind: "timeout" }
  | { kind: "too-large"; limitBytes: number }
  | { kind: "error"; code: string; message: string };
