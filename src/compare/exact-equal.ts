// The exact fast path: true only when two lossless values are identical in a way no option can
// tell apart, so the tolerant walk can be skipped. Unlike fast-deep-equal it treats NaN as
// unequal (a rule may say `nan: "unequal"`), tells -0 from 0 (`signedZero`), knows bigint and
// IntegralFloat (1 vs 1.0 is never equal here), and is iterative, so any depth works.
import { IntegralFloat } from "../json/values.ts";

/** Why: skip the tolerant walk for outputs that are exactly equal after parsing (e.g. reordered keys). */
export function isExactlyEqual(oldValue: unknown, newValue: unknown): boolean {
  const pending: unknown[] = [oldValue, newValue];
  while (pending.length > 0) {
    const b = pending.pop();
    const a = pending.pop();
    if (a === b) {
      if (typeof a === "number" && a === 0 && !Object.is(a, b)) return false;
      if (typeof a !== "object" || a === null) continue;
    }
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (a instanceof IntegralFloat || b instanceof IntegralFloat) {
      if (!(a instanceof IntegralFloat && b instanceof IntegralFloat && Object.is(a.value, b.value)))
        return false;
      continue;
    }
    const aIsArray = Array.isArray(a);
    if (aIsArray !== Array.isArray(b)) return false;
    if (aIsArray) {
      const bArray = b as unknown[];
      if (a.length !== bArray.length) return false;
      for (let i = 0; i < a.length; i++) pending.push(a[i], bArray[i]);
      continue;
    }
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(b, key)) return false;
      pending.push(a[key], b[key]);
    }
  }
  return true;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
