// JavaScript values → the JSON-like lossless form the comparator reads. A JS function can return
// what JSON cannot say (Map, Set, Date, BigInt, typed arrays, undefined); each gets one documented,
// deterministic spelling, so old and new are compared faithfully and reports can show it. Where
// Python has the same kind of value, the spelling is the Python adapter's, so a Python function
// and its TypeScript port can be compared with each other:
//
//   Map (string keys)   {"$map": {"k": v, ...}}            key order ignored, like any object
//   Map (other keys)    {"$map": [[k, v], ...]}            entries sorted by key
//   Set                 {"$set": [v, ...]}                 elements sorted (order never matters)
//   Date                {"$datetime": "2024-01-31T09:30:00.250000+00:00"}  Python's isoformat in UTC;
//                                                          exact, never within a tolerance
//   BigInt              a bigint: compared exactly; 5n equals 5, as in JSON
//   Float32Array, …     a plain array of its numbers (like a numpy array): embedding[*] rules apply
//   Buffer, ArrayBuffer {"$bytes": "<base64>"} (like Python bytes); a DataView likewise
//   RegExp              {"$regexp": "/a+/g"}
//   Error               {"$error": {"name": "TypeError", "message": "…"}}
//   function, symbol    {"$function": "name"}, {"$symbol": "description"}
//   undefined           {"$undefined": true}; as an object member it is left out, as JSON does
//   toJSON()            objects that have it (Decimal, Luxon …) are compared by what it returns
//   class instances     their own enumerable properties, like a plain object
//
// Sorted means: numbers (and bigints) by value first, then strings, then everything else by its
// JSON text. A circular structure cannot be compared and throws UncomparableValueError.
import { stringifyLossless } from "../../src/json/stringify.ts";

/** Deeper nesting than this is almost certainly a cycle through toJSON; it is refused, not walked. */
export const MAX_COMPARABLE_DEPTH = 2000;

/**
 * A value with no comparable form. A circular structure is the component's failure
 * ("unparsable"); a value past twinrun's depth limit (`limit: "depth"`) was not observed, so its
 * trial is inconclusive.
 */
export class UncomparableValueError extends Error {
  readonly limit: "depth" | undefined;
  constructor(message: string, limit?: "depth") {
    super(message);
    this.name = "UncomparableValueError";
    this.limit = limit;
  }
}

/** Why: the comparator and reports read plain JSON-like values; see the file comment for each spelling. */
export function toComparable(value: unknown): unknown {
  return convert(value, new Set<object>(), "$", 0);
}

function convert(value: unknown, ancestors: Set<object>, at: string, depth: number): unknown {
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
    case "bigint":
      return value;
    case "undefined":
      return { $undefined: true };
    case "symbol":
      return { $symbol: value.description ?? "" };
    case "function":
      return { $function: value.name === "" ? "(anonymous)" : value.name };
  }
  if (value === null) return null;
  const object = value as object;
  if (depth > MAX_COMPARABLE_DEPTH) {
    throw new UncomparableValueError(
      `the output is nested deeper than twinrun's depth limit for JavaScript values (${MAX_COMPARABLE_DEPTH} levels) at ${at}, so it was not compared; return it as JSON text, or run the component as a command, to compare deeper values`,
      "depth",
    );
  }
  if (ancestors.has(object))
    throw new UncomparableValueError(`the output holds a circular reference at ${at}`);
  ancestors.add(object);
  try {
    return convertObject(object, (child, childAt) => convert(child, ancestors, childAt, depth + 1), at);
  } finally {
    ancestors.delete(object);
  }
}

type Recurse = (child: unknown, at: string) => unknown;

function convertObject(object: object, recurse: Recurse, at: string): unknown {
  if (Array.isArray(object)) {
    return Array.from({ length: object.length }, (_, index) => recurse(object[index], `${at}[${index}]`));
  }
  if (object instanceof Date) return { $datetime: formatDateTime(object) };
  if (object instanceof Map) return { $map: convertMap(object, recurse, at) };
  if (object instanceof Set) {
    return { $set: sortComparable([...object].map((item, index) => recurse(item, `${at}.$set[${index}]`))) };
  }
  if (Buffer.isBuffer(object)) return { $bytes: object.toString("base64") };
  if (ArrayBuffer.isView(object)) {
    if (object instanceof DataView) {
      return { $bytes: base64Of(object.buffer, object.byteOffset, object.byteLength) };
    }
    return Array.from(object as unknown as ArrayLike<number | bigint>);
  }
  if (object instanceof ArrayBuffer || isSharedArrayBuffer(object)) {
    return { $bytes: base64Of(object as ArrayBuffer, 0, (object as ArrayBuffer).byteLength) };
  }
  if (object instanceof RegExp) return { $regexp: String(object) };
  if (object instanceof Error) return { $error: { name: object.name, message: object.message } };
  if (object instanceof Number || object instanceof String || object instanceof Boolean)
    return object.valueOf();
  if (typeof (object as { toJSON?: unknown }).toJSON === "function") {
    return recurse((object as { toJSON: () => unknown }).toJSON(), at);
  }
  const converted: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const child = (object as Record<string, unknown>)[key];
    if (child === undefined) continue;
    setOwn(converted, key, recurse(child, `${at}.${key}`));
  }
  return converted;
}

function convertMap(map: Map<unknown, unknown>, recurse: Recurse, at: string): unknown {
  const keys = [...map.keys()];
  if (keys.every((key) => typeof key === "string")) {
    const converted: Record<string, unknown> = {};
    for (const [key, child] of map)
      setOwn(converted, key as string, recurse(child, `${at}.$map.${String(key)}`));
    return converted;
  }
  const entries = [...map].map(([key, child], index) => [
    recurse(key, `${at}.$map[${index}][0]`),
    recurse(child, `${at}.$map[${index}][1]`),
  ]);
  return entries
    .map((entry) => ({ entry, key: sortKeyOf(entry[0]) }))
    .sort((a, b) => compareSortKeys(a.key, b.key))
    .map(({ entry }) => entry);
}

/** Why: a Set's (and a Map's) contents are compared whatever order they were inserted in. */
export function sortComparable(items: unknown[]): unknown[] {
  return items
    .map((item) => ({ item, key: sortKeyOf(item) }))
    .sort((a, b) => compareSortKeys(a.key, b.key))
    .map(({ item }) => item);
}

type SortKey = { rank: 0; number: number; text: string } | { rank: 1 | 2; text: string };

// Numbers sort by value (so float noise does not reorder them), strings by code units, the rest by JSON text.
function sortKeyOf(item: unknown): SortKey {
  if (typeof item === "number" || typeof item === "bigint") {
    return { rank: 0, number: Number(item), text: stringifyLossless(item) };
  }
  if (typeof item === "string") return { rank: 1, text: item };
  return { rank: 2, text: stringifyLossless(item) };
}

function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank === 0 && b.rank === 0 && a.number !== b.number) {
    if (Number.isNaN(a.number)) return 1;
    if (Number.isNaN(b.number)) return -1;
    return a.number < b.number ? -1 : 1;
  }
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

function base64Of(buffer: ArrayBufferLike, offset: number, length: number): string {
  return Buffer.from(buffer, offset, length).toString("base64");
}

/** Python's `datetime.isoformat()` of an aware UTC datetime: microseconds only when there are any. */
function formatDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return "Invalid Date";
  const iso = date.toISOString();
  const seconds = iso.slice(0, iso.lastIndexOf("."));
  const milliseconds = date.getUTCMilliseconds();
  const fraction = milliseconds === 0 ? "" : `.${String(milliseconds * 1000).padStart(6, "0")}`;
  return `${seconds}${fraction}+00:00`;
}

function isSharedArrayBuffer(object: object): boolean {
  return typeof SharedArrayBuffer !== "undefined" && object instanceof SharedArrayBuffer;
}

/** `__proto__` must stay an own key, never become the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}
