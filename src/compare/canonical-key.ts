// Canonical keys for multiset matching: two values with the same key are equal under any options
// (sorted object keys, lossless number spellings that keep 1 and 1.0 and -0 apart). Values that
// contain NaN get no key, because `nan: "unequal"` makes them unequal even to themselves.
import { formatIntegralFloat, formatNumber } from "../json/stringify.ts";
import { DecimalFloat, IntegralFloat } from "../json/values.ts";

/** A piece of text to emit, as opposed to a value still to expand. */
class Emit {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** Why: exact matches in an unordered array are found by a Map lookup instead of pairwise comparison. */
export function canonicalKey(value: unknown): string | null {
  const scalar = scalarKey(value);
  if (scalar !== undefined) return scalar;
  const out: string[] = [];
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item instanceof Emit) {
      out.push(item.text);
      continue;
    }
    const key = scalarKey(item);
    if (key === null) return null;
    if (key !== undefined) {
      out.push(key);
    } else if (Array.isArray(item)) {
      pending.push(new Emit("]"));
      for (let i = item.length - 1; i >= 0; i--) {
        pending.push(item[i]);
        if (i > 0) pending.push(new Emit(","));
      }
      pending.push(new Emit("["));
    } else {
      const record = item as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((name) => record[name] !== undefined)
        .sort();
      pending.push(new Emit("}"));
      for (let i = keys.length - 1; i >= 0; i--) {
        pending.push(record[keys[i]]);
        pending.push(new Emit(`${i > 0 ? "," : ""}${JSON.stringify(keys[i])}:`));
      }
      pending.push(new Emit("{"));
    }
  }
  return out.join("");
}

/** The key of a scalar; null when it is NaN; undefined for a container (or anything else that is an object). */
function scalarKey(value: unknown): string | null | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isNaN(value) ? null : formatNumber(value);
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "true" : "false";
    case "undefined":
      return "undefined";
    case "object":
      if (value === null) return "null";
      if (value instanceof IntegralFloat) return formatIntegralFloat(value.value);
      if (value instanceof DecimalFloat)
        return `${value.negative ? "-" : ""}${value.coefficient}e${value.exponent}${value.integral ? ".0" : ""}`;
      return undefined;
    default:
      return null;
  }
}
