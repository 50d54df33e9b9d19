// One call of a component function, the same in a worker thread and in-process: read the input,
// call (and await), turn the result into its comparable form. A throw is a result, not an error.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringifyLossless } from "../../src/json/stringify.ts";
import { toComparable, UncomparableValueError } from "./comparable-value.ts";
import { readFunctionInput } from "./input-value.ts";
import type { CallResult } from "./types.ts";

/** A component function: sync or async, one input record in, one output value out. */
export type ComponentFunction = (input: unknown) => unknown;

/** Why: both module workers and in-memory functions must report throws and odd values alike. */
export async function callComponentFunction(fn: ComponentFunction, inputText: string): Promise<CallResult> {
  let output: unknown;
  try {
    output = await fn(readFunctionInput(inputText));
  } catch (error) {
    return { kind: "exception", ...describeThrown(error) };
  }
  try {
    const value = toComparable(output);
    return { kind: "result", value, text: stringifyLossless(value) };
  } catch (error) {
    if (error instanceof UncomparableValueError) {
      return {
        kind: "unserialisable",
        message: error.message,
        ...(error.limit !== undefined && { limit: error.limit }),
      };
    }
    // Reading a deep value can exhaust the stack before the depth limit: the output was not observed.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return {
        kind: "unserialisable",
        message: `the output is nested too deep to read (${error.message}), past twinrun's depth limit for JavaScript values, so it was not compared; return it as JSON text, or run the component as a command, to compare deeper values`,
        limit: "depth",
      };
    }
    // A getter or toJSON that throws while the output is read is the component's failure too.
    return { kind: "exception", ...describeThrown(error) };
  }
}

/** Why: a thrown value's name and message are what two failures are matched by (`TypeError: x is undefined`). */
export function describeThrown(error: unknown): { errorType: string; message: string; stack?: string } {
  if (error instanceof Error || isErrorLike(error)) {
    const named = error as Error;
    const errorType = named.name || named.constructor?.name || "Error";
    return {
      errorType,
      message: String(named.message ?? ""),
      ...(typeof named.stack === "string" && { stack: trimStack(named.stack) }),
    };
  }
  return { errorType: `thrown ${typeOfThrown(error)}`, message: safeString(error) };
}

/** This folder: stack frames inside it are twinrun's, not the component's. */
const ADAPTER_FOLDER = path.dirname(fileURLToPath(import.meta.url));

/** Why: a stack shown to the user ends at their code, without twinrun's and Node's own frames. */
export function trimStack(stack: string): string {
  return stack
    .split("\n")
    .filter(
      (line) => !(/^\s+at /.test(line) && (line.includes(ADAPTER_FOLDER) || line.includes("node:internal"))),
    )
    .join("\n");
}

function isErrorLike(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { message?: unknown }).message === "string" &&
    typeof (value as { name?: unknown }).name === "string"
  );
}

function typeOfThrown(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

function safeString(value: unknown): string {
  try {
    return typeof value === "string" ? value : stringifyLossless(toComparable(value));
  } catch {
    return String(value);
  }
}
