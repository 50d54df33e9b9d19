// One HTTP exchange over a keep-alive connection pool (node:http / node:https agents): send the
// body, read the whole response as text, give up at the timeout. Never rejects: a refused
// connection, a reset or a timeout is an HttpExchange the adapter turns into a failure outcome.
import http from "node:http";
import https from "node:https";
import { decodeExact } from "../shared/exact-decoder.ts";
import type { HttpExchange, HttpMethod } from "./types.ts";

/** The pooled agents of one side: at most `concurrency` sockets per host, kept alive between requests. */
export interface ConnectionPool {
  http: http.Agent;
  https: https.Agent;
  /** Closes every pooled socket. */
  destroy(): void;
}

/** Why: one pool per side keeps connections warm, so request timings measure the service, not TCP set-up. */
export function createConnectionPool(concurrency: number): ConnectionPool {
  const options = {
    keepAlive: true,
    maxSockets: Math.max(1, concurrency),
    maxFreeSockets: Math.max(1, concurrency),
  };
  const httpAgent = new http.Agent(options);
  const httpsAgent = new https.Agent(options);
  return {
    http: httpAgent,
    https: httpsAgent,
    destroy() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

/** What to send. */
export interface HttpRequestSpec {
  url: URL;
  method: HttpMethod;
  headers: Record<string, string>;
  /** undefined: no body (GET, DELETE). */
  body?: string;
  /** Aborts when the input's time is up: the request is destroyed and the exchange is a timeout. */
  signal: AbortSignal;
  /** twinrun's output limit: a longer body is dropped and the trial is inconclusive (shared/output-limit.ts). */
  maxBodyBytes: number;
}

/** Why: the adapter needs status and raw body text (parsed losslessly later), or why there is none. */
export function sendRequest(pool: ConnectionPool, spec: HttpRequestSpec): Promise<HttpExchange> {
  return new Promise<HttpExchange>((resolve) => {
    let settled = false;
    const onAbort = () => {
      finish({ kind: "timeout" });
      request.destroy();
    };
    const finish = (exchange: HttpExchange) => {
      if (settled) return;
      settled = true;
      spec.signal.removeEventListener("abort", onAbort);
      resolve(exchange);
    };
    const secure = spec.url.protocol === "https:";
    const headers: Record<string, string | number> = { ...spec.headers };
    if (spec.body !== undefined) headers["content-length"] = Buffer.byteLength(spec.body);
    const request = (secure ? https : http).request(spec.url, {
      method: spec.method,
      headers,
      agent: secure ? pool.https : pool.http,
    });
    if (spec.signal.aborted) {
      onAbort();
      return;
    }
    spec.signal.addEventListener("abort", onAbort, { once: true });
    request.on("error", (error: NodeJS.ErrnoException) => {
      finish({ kind: "error", code: error.code ?? "ERROR", message: error.message });
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > spec.maxBodyBytes) {
          finish({ kind: "too-large", limitBytes: spec.maxBodyBytes });
          request.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on("end", () => {
        finish({
          kind: "response",
          status: response.statusCode ?? 0,
          body: decodeExact(Buffer.concat(chunks)),
        });
      });
      response.on("error", (error: NodeJS.ErrnoException) => {
        finish({ kind: "error", code: error.code ?? "ERROR", message: error.message });
      });
    });
    request.end(spec.body);
  });
}
