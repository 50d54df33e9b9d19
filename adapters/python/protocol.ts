// The wire format of the Python worker protocol: newline-delimited JSON, one message per line.
// The input text goes into the call line unchanged and the output text comes out of the result
// line unchanged, so neither is ever re-serialised (big ints, 1.0 and NaN survive untouched).
import { toOneLine } from "../shared/line-reader.ts";
import type { CallReplyMessage, WorkerMessage } from "./types.ts";

// worker.py writes results in exactly this shape, so the output text is a slice of the line.
const RESULT_PREFIX = /^\{"id":(\d+),"type":"result","output":/;

/** Why: one line per call; the trial's JSON text is inlined as the `input` value. */
export function encodeCall(id: number, inputText: string): string {
  return `{"id":${id},"type":"call","input":${toOneLine(inputText)}}\n`;
}

/** Why: every stdout line of a worker becomes a typed message (or "garbage", never a throw). */
export function decodeMessage(line: string): WorkerMessage {
  const result = RESULT_PREFIX.exec(line);
  if (result !== null && line.endsWith("}")) {
    return { type: "result", id: Number(result[1]), outputText: line.slice(result[0].length, -1) };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { type: "garbage", line };
  }
  const message = (raw ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof message[key] === "string" ? (message[key] as string) : "");
  switch (message.type) {
    case "ready":
      return { type: "ready", pid: Number(message.pid), python: text("python") };
    case "startup-error":
      return {
        type: "startup-error",
        errorType: text("errorType"),
        message: text("message"),
        traceback: text("traceback"),
      };
    case "error":
      if (!Number.isSafeInteger(message.id)) break;
      return {
        type: "error",
        id: message.id as number,
        errorType: text("errorType"),
        message: text("message"),
        traceback: text("traceback"),
        stderr: text("stderr"),
      };
    case "unserialisable":
      if (!Number.isSafeInteger(message.id)) break;
      return {
        type: "unserialisable",
        id: message.id as number,
        message: text("message"),
        stderr: text("stderr"),
      };
  }
  return { type: "garbage", line };
}

/** Why: replies are matched to calls by id; anything else in reply to a call is out of step. */
export function isCallReply(message: WorkerMessage): message is CallReplyMessage {
  return message.type === "result" || message.type === "error" || message.type === "unserialisable";
}
