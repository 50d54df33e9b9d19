// The input a JavaScript function receives: the trial's JSON text read the way JSON.parse reads
// it, except that nothing is lost — integers beyond 2^53 arrive as BigInt, and NaN/Infinity tokens
// (Python writes them) as the numbers. `1.0` arrives as the number 1: JavaScript has one number type.
import { parseLossless } from "../../src/json/parse.ts";
import { isIntegralFloat } from "../../src/json/values.ts";

/** Why: each call gets its own fresh copy of the input, so a function that mutates it cannot affect the other side. */
export function readFunctionInput(text: string): unknown {
  return unwrapIntegralFloats(parseLossless(text));
}

// IntegralFloat is the comparator's own marker for `1.0`; a user's function must see a plain number.
function unwrapIntegralFloats(value: unknown): unknown {
  if (isIntegralFloat(value)) return value.value;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = unwrapIntegralFloats(value[index]);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = unwrapIntegralFloats(record[key]);
  return value;
}
