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

/**
 * Deeper nesting than this is a toJSON that returns a fresh object forever, not data; it is
 * refused, not walked. Real values of any depth below it convert without touching the call stack.
 */
export const MAX_COMPARABLE_DEPTH = 200_000;

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

type FrameKind = "array" | "object" | "set" | "map" | "entries" | "toJSON";

/** One container being converted: its children, how many are done, and what is built from them. */
interface Frame {
  kind: FrameKind;
  object: object;
  /** The children to convert, in order ("entries": key, value, key, value, …). */
  values: unknown[];
  /** Own keys ("object", string-keyed "map"), one per value. */
  keys: string[] | undefined;
  /** The converted children, by index. */
  out: unknown[];
  next: number;
  /** The frame this one is a child of, and at which index (for the path in messages). */
  parent: Frame | undefined;
  index: number;
}

/** Why: the comparator and reports read plain JSON-like values; see the file comment for each spelling. */
export function toComparable(value: unknown): unknown {
  // An explicit stack, so a 100,000-deep output converts like a flat one.
  const first = convertLeaf(value);
  if (first !== CONTAINER) return first;
  const frames: Frame[] = [];
  const ancestors = new Set<object>();
  let result: unknown;
  const enter = (object: object, parent: Frame | undefined, index: number): unknown => {
    if (frames.length >= MAX_COMPARABLE_DEPTH) {
      throw new UncomparableValueError(
        `the output is nested deeper than twinrun's depth limit for JavaScript values (${MAX_COMPARABLE_DEPTH.toLocaleString("en-US")} levels) at ${pathOf(parent, index)}, so it was not compared; a toJSON that returns a new object each time never ends`,
        "depth",
      );
    }
    if (ancestors.has(object))
      throw new UncomparableValueError(`the output holds a circular reference at ${pathOf(parent, index)}`);
    const frame = planFrame(object, parent, index);
    if (frame.values.length === 0) return finishFrame(frame);
    ancestors.add(object);
    frames.push(frame);
    return CONTAINER;
  };
  const deliver = (frame: Frame | undefined, index: number, converted: unknown) => {
    if (frame === undefined) result = converted;
    else frame.out[index] = converted;
  };
  deliver(undefined, 0, enter(value as object, undefined, 0));
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as Frame;
    if (frame.next < frame.values.length) {
      const index = frame.next++;
      const child = frame.values[index];
      const leaf = convertLeaf(child);
      const converted = leaf === CONTAINER ? enter(child as object, frame, index) : leaf;
      if (converted !== CONTAINER) frame.out[index] = converted;
      continue;
    }
    frames.pop();
    ancestors.delete(frame.object);
    deliver(frame.parent, frame.index, finishFrame(frame));
  }
  return result;
}

const CONTAINER = Symbol("container");

function convertLeaf(value: unknown): unknown {
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
  if (object instanceof Date) return { $datetime: formatDateTime(object) };
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
  return CONTAINER;
}

/** A frame for a container: its children, in the order their comparable form lists them. */
function planFrame(object: object, parent: Frame | undefined, index: number): Frame {
  const frame = (kind: FrameKind, values: unknown[], keys?: string[]): Frame => ({
    kind,
    object,
    values,
    keys,
    out: new Array<unknown>(values.length),
    next: 0,
    parent,
    index,
  });
  if (Array.isArray(object)) return frame("array", Array.from(object));
  if (object instanceof Map) {
    const keys = [...object.keys()];
    if (keys.every((key) => typeof key === "string")) return frame("map", [...object.values()], keys);
    return frame(
      "entries",
      [...object].flatMap((entry) => entry),
    );
  }
  if (object instanceof Set) return frame("set", [...object]);
  // Compared by what toJSON returns, one level down (so a toJSON returning itself is a cycle).
  if (typeof (object as { toJSON?: unknown }).toJSON === "function")
    return frame("toJSON", [(object as { toJSON: () => unknown }).toJSON()]);
  const keys: string[] = [];
  const values: unknown[] = [];
  for (const key of Object.keys(object)) {
    const child = (object as Record<string, unknown>)[key];
    if (child === undefined) continue;
    keys.push(key);
    values.push(child);
  }
  return frame("object", values, keys);
}

/** The comparable form of a container whose children are all converted. */
function finishFrame(frame: Frame): unknown {
  const { out, keys } = frame;
  switch (frame.kind) {
    case "array":
      return out;
    case "toJSON":
      return out[0];
    case "set":
      return { $set: sortComparable(out) };
    case "object":
    case "map": {
      const converted: Record<string, unknown> = {};
      for (let index = 0; index < out.length; index++)
        setOwn(converted, (keys as string[])[index] as string, out[index]);
      return frame.kind === "map" ? { $map: converted } : converted;
    }
    case "entries": {
      // Keys and values are converted alike, then the [key, value] pairs are sorted by key.
      const entries: unknown[][] = [];
      for (let index = 0; index < out.length; index += 2) entries.push([out[index], out[index + 1]]);
      return {
        $map: entries
          .map((entry) => ({ entry, key: sortKeyOf(entry[0]) }))
          .sort((a, b) => compareSortKeys(a.key, b.key))
          .map(({ entry }) => entry),
      };
    }
  }
}

/** The path of a frame's child (`$.rows[0].parent`), built only for a message; a long one is shortened. */
function pathOf(parent: Frame | undefined, index: number): string {
  const segments: string[] = [];
  let levels = 0;
  for (let frame = parent, at = index; frame !== undefined; at = frame.index, frame = frame.parent) {
    levels++;
    if (segments.length < 40) segments.push(segmentOf(frame, at));
  }
  segments.reverse();
  return levels > segments.length
    ? `$…(${levels - segments.length} levels)…${segments.join("")}`
    : `$${segments.join("")}`;
}

function segmentOf(frame: Frame, index: number): string {
  switch (frame.kind) {
    case "array":
      return `[${index}]`;
    case "object":
      return `.${frame.keys?.[index]}`;
    case "map":
      return `.$map.${frame.keys?.[index]}`;
    case "entries":
      return `.$map[${index >> 1}][${index & 1}]`;
    case "set":
      return `.$set[${index}]`;
    case "toJSON":
      return "";
  }
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
