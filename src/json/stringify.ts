// stringifyLossless: the inverse of parseLossless. Iterative (explicit stack), so any nesting
// depth serialises; deterministic (keys in insertion order), so CSV rows serialise the same way twice.
import { DecimalFloat, IntegralFloat } from "./values.ts";

interface Frame {
  /** Array elements, or the object itself with `keys`. */
  container: unknown[] | Record<string, unknown>;
  keys: string[] | null;
  next: number;
  wroteAny: boolean;
}

/** Nesting levels that get their own indented lines in pretty-printed text. */
const MAX_INDENTED_DEPTH = 64;

/** The largest magnitude String() prints as plain digits (1e21 prints as `1e+21`). */
const PLAIN_DIGITS_LIMIT = 1e21;

/**
 * Why: reports and serialised CSV rows must keep bigints exact, `1.0` as a float and NaN as a token,
 * and re-parse (parseLossless) to the same value. `indent` works as in JSON.stringify.
 */
export function stringifyLossless(value: unknown, indent?: number | string): string {
  const gap =
    typeof indent === "number" ? " ".repeat(Math.max(0, Math.min(10, indent))) : (indent ?? "").slice(0, 10);
  const colon = gap === "" ? ":" : ": ";
  const out: string[] = [];
  const stack: Frame[] = [];
  // Deeper than this, members follow each other on one line: indenting every level would make
  // the text grow with the square of the depth (a 100,000-deep value would never fit a string).
  const newline = (depth: number): void => {
    if (gap !== "" && depth <= MAX_INDENTED_DEPTH) out.push(`\n${gap.repeat(depth)}`);
  };
  const writeValue = (raw: unknown, inArray: boolean): boolean => {
    if (raw instanceof DecimalFloat) {
      out.push(raw.text);
      return true;
    }
    const item = unwrapToJson(raw);
    if (item !== null && typeof item === "object" && !(item instanceof IntegralFloat)) {
      const isArray = Array.isArray(item);
      const keys = isArray ? null : Object.keys(item);
      if ((isArray ? (item as unknown[]).length : (keys as string[]).length) === 0) {
        out.push(isArray ? "[]" : "{}");
      } else {
        out.push(isArray ? "[" : "{");
        stack.push({ container: item as Frame["container"], keys, next: 0, wroteAny: false });
      }
      return true;
    }
    const scalar = formatScalar(item);
    if (scalar === undefined) {
      if (inArray) out.push("null");
      return inArray;
    }
    out.push(scalar);
    return true;
  };

  if (!writeValue(value, false)) return "null";
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const depth = stack.length;
    const { keys } = frame;
    const size = keys === null ? (frame.container as unknown[]).length : keys.length;
    if (frame.next >= size) {
      stack.pop();
      if (frame.wroteAny) newline(depth - 1);
      out.push(keys === null ? "]" : "}");
      continue;
    }
    const index = frame.next++;
    if (keys === null) {
      if (frame.wroteAny) out.push(",");
      frame.wroteAny = true;
      newline(depth);
      writeValue((frame.container as unknown[])[index], true);
      continue;
    }
    const key = keys[index];
    const member = (frame.container as Record<string, unknown>)[key];
    const child = member instanceof DecimalFloat ? member : unwrapToJson(member);
    if (isOmitted(child)) continue;
    if (frame.wroteAny) out.push(",");
    frame.wroteAny = true;
    newline(depth);
    out.push(JSON.stringify(key) + colon);
    writeValue(child, false);
  }
  return out.join("");
}

/** Why: one number spelling shared by stringify and canonical keys: `-0`, `NaN`, digits for integers. */
export function formatNumber(value: number): string {
  if (Object.is(value, -0)) return "-0";
  if (Number.isInteger(value) && Math.abs(value) >= PLAIN_DIGITS_LIMIT) return BigInt(value).toString();
  return String(value);
}

/** Why: `1.0` must stay a float token when written (`1.0`, `-0.0`, `1e+21`). */
export function formatIntegralFloat(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Object.is(value, -0)) return "-0.0";
  const digits = String(value);
  return digits.includes("e") ? digits : `${digits}.0`;
}

/** Returns the JSON text of a scalar, or undefined for what JSON leaves out (undefined, functions, symbols). */
function formatScalar(value: unknown): string | undefined {
  switch (typeof value) {
    case "number":
      return formatNumber(value);
    case "bigint":
      return value.toString();
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "null";
      if (value instanceof IntegralFloat) return formatIntegralFloat(value.value);
      return undefined;
    default:
      return undefined;
  }
}

/** JSON leaves object members with these values out. */
function isOmitted(value: unknown): boolean {
  const type = typeof value;
  return type === "undefined" || type === "function" || type === "symbol";
}

function unwrapToJson(value: unknown): unknown {
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  ) {
    return (value as { toJSON: () => unknown }).toJSON();
  }
  return value;
}
