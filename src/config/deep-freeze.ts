// Freezing the resolved config: nothing downstream may change (or re-default) it.

/** Why: the resolved config is built once and read everywhere; a deep freeze makes that a guarantee. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
