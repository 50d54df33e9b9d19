// toJsonSafe: a copy of a lossless value that display and report consumers can hold without
// special numbers. Iterative, so deep values do not overflow the stack.

/** Why: NaN and ±Infinity have no JSON spelling for most consumers; they become the strings "NaN", "Infinity", "-Infinity". Bigints and IntegralFloats are kept (the report writer uses stringifyLossless). */
export function toJsonSafe(value: unknown): unknown {
  const root = { value };
  const pending: Array<{
    source: unknown;
    target: Record<string, unknown> | unknown[];
    key: string | number;
  }> = [{ source: value, target: root as Record<string, unknown>, key: "value" }];
  while (pending.length > 0) {
    const { source, target, key } = pending.pop()!;
    const copied = copyShallow(source);
    if (key === "__proto__") {
      Object.defineProperty(target, key, {
        value: copied,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    } else {
      (target as Record<string | number, unknown>)[key] = copied;
    }
    if (copied === source) continue;
    if (Array.isArray(source)) {
      for (let i = 0; i < source.length; i++)
        pending.push({ source: source[i], target: copied as unknown[], key: i });
    } else if (isPlainContainer(source)) {
      for (const childKey of Object.keys(source)) {
        // A placeholder now keeps the key order; the value is filled in when popped.
        setOwn(copied as Record<string, unknown>, childKey, undefined);
        pending.push({ source: source[childKey], target: copied as Record<string, unknown>, key: childKey });
      }
    }
  }
  return root.value;
}

/** Scalars map to themselves (special numbers to strings); containers to a fresh empty container. */
function copyShallow(value: unknown): unknown {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (value === Number.POSITIVE_INFINITY) return "Infinity";
    if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
    return value;
  }
  if (Array.isArray(value)) return new Array(value.length);
  if (isPlainContainer(value)) return {};
  return value;
}

function isPlainContainer(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `__proto__` must stay an own key, never become the prototype. */
function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
