// The body of one worker thread (started through worker-bootstrap.mjs, which registered tsx):
// load the component's module once, say "ready" or why not, then answer one call at a time.
// Each thread has its own module graph, so old and new never share module state.
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { nestsDeeperThan } from "../../src/json/depth.ts";
import { callComponentFunction, describeThrown } from "./call-function.ts";
import { resolveExport } from "./resolve-export.ts";
import type {
  CallMessage,
  CallReplyMessage,
  ModuleWorkerData,
  ResultMessage,
  WorkerMessage,
} from "./types.ts";

const port = parentPort;
if (port === null) throw new Error("twinrun bug: module-worker.ts must run in a worker thread");
const data = workerData as ModuleWorkerData;
const post = (message: WorkerMessage) => port.postMessage(message);
routeConsoleOutput();

let moduleNamespace: Record<string, unknown> | undefined;
try {
  moduleNamespace = (await import(pathToFileURL(data.file).href)) as Record<string, unknown>;
} catch (error) {
  post({ type: "startup-error", ...describeThrown(error) });
}

if (moduleNamespace !== undefined) {
  const lookup = resolveExport(moduleNamespace, data.exportName);
  if (!lookup.found) {
    post({ type: "startup-error", errorType: "ExportError", message: lookup.problem });
  } else {
    const fn = lookup.fn;
    port.on("message", async (message: CallMessage) => {
      const result = await callComponentFunction(fn, message.inputText);
      const reply: CallReplyMessage =
        result.kind === "result"
          ? resultMessage(message.id, result.value, result.text)
          : result.kind === "exception"
            ? { type: "exception", id: message.id, ...withoutKind(result) }
            : {
                type: "unserialisable",
                id: message.id,
                message: result.message,
                ...(result.limit !== undefined && { limit: result.limit }),
              };
      post(reply);
    });
    post({ type: "ready" });
  }
}

/** Structured cloning recurses: a value nested deeper than it safely goes travels as its text alone. */
function resultMessage(id: number, value: unknown, text: string): ResultMessage {
  return nestsDeeperThan(value, CLONE_DEPTH_LIMIT)
    ? { type: "result", id, text }
    : { type: "result", id, value, text };
}

const CLONE_DEPTH_LIMIT = 1000;

function withoutKind<T extends { kind: string }>(result: T): Omit<T, "kind"> {
  const { kind: _kind, ...rest } = result;
  return rest;
}

/** Sends every stdout/stderr write as an output message, in order with the call replies. */
function routeConsoleOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.write = ((chunk: unknown, encodingOrDone?: unknown, done?: unknown): boolean => {
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8");
      post({ type: "output", text });
      const callback = typeof encodingOrDone === "function" ? encodingOrDone : done;
      if (typeof callback === "function") queueMicrotask(() => callback());
      return true;
    }) as typeof stream.write;
  }
}
