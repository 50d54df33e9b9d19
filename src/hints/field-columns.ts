// A bounded, columnar summary of every trial's input: one column per flattened field (`a.b.c`),
// holding per trial the value's kind, its number (or string/array length), an interned string id
// and string property flags. Memory is bounded by MAX_TRIALS × MAX_FIELDS, never by input size.
import { formatPath } from "../compare/paths.ts";
import { DecimalFloat, IntegralFloat, isJsonObject } from "../json/values.ts";

/** Trials kept; later trials are not summarised (hints then speak of the first MAX_TRIALS). */
export const MAX_TRIALS = 10_000;
/** Distinct fields kept across all inputs; fields first seen later are left out. */
export const MAX_FIELDS = 128;
/** Object nesting followed into; arrays are summarised by their length, not entered. */
export const MAX_DEPTH = 6;
/** Distinct strings remembered per field, for equality conditions; others keep their properties only. */
export const MAX_STRINGS_PER_FIELD = 1024;

/** What a field held in one trial (0 = not there). */
export const Kind = {
  absent: 0,
  null: 1,
  false: 2,
  true: 3,
  number: 4,
  string: 5,
  array: 6,
  object: 7,
} as const;

/** String property bits. */
export const Flag = { nonAscii: 1, edgeWhitespace: 2, upper: 4, lower: 8, letters: 16 } as const;

/** One field's values over the trials. */
export interface FieldColumn {
  path: string;
  /** The enclosing object's column; null for top-level fields. */
  parent: FieldColumn | null;
  kind: Uint8Array;
  /** The number, or a string's length in characters, or an array's length. */
  num: Float64Array;
  /** Interned string id, -1 when past MAX_STRINGS_PER_FIELD. */
  str: Int32Array;
  flags: Uint8Array;
  strings: string[];
  stringIds: Map<string, number>;
}

const NON_ASCII = /[^\x00-\x7f]/;
const EDGE_WHITESPACE = /^\s|\s$/;

/** Why: hints need every trial's input, but only as a few typed numbers per field. */
export class FieldColumns {
  private readonly columns = new Map<string, FieldColumn>();
  private capacity = 64;
  private size = 0;

  /** Trials summarised so far. */
  get trials(): number {
    return this.size;
  }

  get full(): boolean {
    return this.size >= MAX_TRIALS;
  }

  /** Every column, in the order fields were first seen. */
  list(): FieldColumn[] {
    return [...this.columns.values()];
  }

  /** Summarises one input (a parsed JSON value); returns its ordinal, or -1 when full. */
  add(input: unknown): number {
    if (this.full) return -1;
    if (this.size === this.capacity) this.grow();
    const ordinal = this.size++;
    if (isJsonObject(input)) this.addObject(input, [], null, ordinal, 0);
    return ordinal;
  }

  private addObject(
    object: Record<string, unknown>,
    segments: string[],
    parent: FieldColumn | null,
    ordinal: number,
    depth: number,
  ): void {
    for (const key of Object.keys(object)) {
      const childSegments = [...segments, key];
      const column = this.columnFor(formatPath(childSegments), parent);
      if (column === undefined) continue;
      const value = object[key];
      record(column, ordinal, value);
      if (isJsonObject(value) && depth + 1 < MAX_DEPTH)
        this.addObject(value, childSegments, column, ordinal, depth + 1);
    }
  }

  private columnFor(path: string, parent: FieldColumn | null): FieldColumn | undefined {
    const found = this.columns.get(path);
    if (found !== undefined || this.columns.size >= MAX_FIELDS) return found;
    const column: FieldColumn = {
      path,
      parent,
      kind: new Uint8Array(this.capacity),
      num: new Float64Array(this.capacity),
      str: new Int32Array(this.capacity),
      flags: new Uint8Array(this.capacity),
      strings: [],
      stringIds: new Map(),
    };
    this.columns.set(path, column);
    return column;
  }

  private grow(): void {
    this.capacity = Math.min(MAX_TRIALS, this.capacity * 2);
    for (const column of this.columns.values()) {
      column.kind = resize(column.kind, new Uint8Array(this.capacity));
      column.num = resize(column.num, new Float64Array(this.capacity));
      column.str = resize(column.str, new Int32Array(this.capacity));
      column.flags = resize(column.flags, new Uint8Array(this.capacity));
    }
  }
}

function record(column: FieldColumn, ordinal: number, value: unknown): void {
  if (value === null) column.kind[ordinal] = Kind.null;
  else if (value === true) column.kind[ordinal] = Kind.true;
  else if (value === false) column.kind[ordinal] = Kind.false;
  else if (typeof value === "string") recordString(column, ordinal, value);
  else if (Array.isArray(value)) {
    column.kind[ordinal] = Kind.array;
    column.num[ordinal] = value.length;
  } else if (isJsonObject(value)) column.kind[ordinal] = Kind.object;
  else {
    const number = numberOf(value);
    if (number === undefined) return;
    column.kind[ordinal] = Kind.number;
    column.num[ordinal] = number;
  }
}

function recordString(column: FieldColumn, ordinal: number, value: string): void {
  column.kind[ordinal] = Kind.string;
  column.num[ordinal] = [...value].length;
  let id = column.stringIds.get(value);
  if (id === undefined && column.strings.length < MAX_STRINGS_PER_FIELD) {
    id = column.strings.length;
    column.strings.push(value);
    column.stringIds.set(value, id);
  }
  column.str[ordinal] = id ?? -1;
  let flags = 0;
  if (NON_ASCII.test(value)) flags |= Flag.nonAscii;
  if (EDGE_WHITESPACE.test(value)) flags |= Flag.edgeWhitespace;
  const upper = value.toUpperCase();
  const lower = value.toLowerCase();
  if (upper !== lower) {
    flags |= Flag.letters;
    if (value === upper) flags |= Flag.upper;
    if (value === lower) flags |= Flag.lower;
  }
  column.flags[ordinal] = flags;
}

/** A lossless number (bigint, `1.0`, a decimal beyond double) as the nearest double. */
function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof IntegralFloat || value instanceof DecimalFloat) return value.value;
  return undefined;
}

function resize<T extends Uint8Array | Float64Array | Int32Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
