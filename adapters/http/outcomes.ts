// Outcomes from HTTP exchanges. A 2xx answer's JSON body is the output; anything else is a
// failure whose message is stable across sides and runs (`HTTP 500 Internal Server Error`: no
// URL, port or timing), so two sides failing with the same status count as the same behaviour.
import { STATUS_CODES } from "node:http";
import { parseLossless } from "../../src/json/parse.ts";
import { failureOutcome, quoteStart } from "../command/outcomes.ts";
import { outputLimitFailure } from "../shared/output-limit.ts";
import type { Outcome } from "../types.ts";
import type { HttpExchange } from "./types.ts";

/** The start of a failing response's body kept in the failure (and the JSON report). */
export const BODY_EXCERPT_CHARS = 1024;

/** Why: one place decides what a status, a body, a timeout or a refused connection means for the comparison. */
export function outcomeFromExchange(
  exchange: Exclude<HttpExchange, { kind: "timeout" }>,
  durationMs: number,
): Outcome {
  switch (exchange.kind) {
    case "too-large":
      return {
        status: "failure",
        failure: outputLimitFailure("the response body", exchange.limitBytes),
        durationMs,
      };
    case "error":
      return failureOutcome(
        "crash",
        `the request failed: ${describeConnectionError(exchange.code)}`,
        durationMs,
      );
    case "response":
      return outcomeFromResponse(exchange.status, exchange.body, durationMs);
  }
}

function outcomeFromResponse(status: number, body: string, durationMs: number): Outcome {
  if (status < 200 || status > 299) {
    const outcome = failureOutcome("http", describeStatus(status), durationMs);
    if (outcome.status === "failure") {
      outcome.failure.status = status;
      if (body !== "") outcome.failure.body = excerpt(body);
    }
    return outcome;
  }
  const text = body.trim();
  // 204 No Content has no body by definition; it reads as null, the same for both sides.
  if (text === "" && status === 204) return { status: "ok", text: "null", value: null, durationMs };
  if (text === "") {
    return failureOutcome(
      "unparsable",
      `HTTP ${status} with an empty body (expected one JSON value)`,
      durationMs,
    );
  }
  try {
    return { status: "ok", text, value: parseLossless(text), durationMs };
  } catch {
    return failureOutcome(
      "unparsable",
      `HTTP ${status} with a body that is not one JSON value: ${quoteStart(text)}`,
      durationMs,
    );
  }
}

/** `HTTP 503 Service Unavailable`: the status and its standard name, never the server's own wording. */
export function describeStatus(status: number): string {
  const name = STATUS_CODES[status];
  return name === undefined ? `HTTP ${status}` : `HTTP ${status} ${name}`;
}

function describeConnectionError(code: string): string {
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused (ECONNREFUSED): the service is not listening (did it stop?)";
    case "ECONNRESET":
      return "the connection was reset (ECONNRESET): the service closed it mid-request";
    case "ENOTFOUND":
      return "host not found (ENOTFOUND)";
    default:
      return code;
  }
}

function excerpt(body: string): string {
  return body.length > BODY_EXCERPT_CHARS ? `${body.slice(0, BODY_EXCERPT_CHARS)}…` : body;
}
