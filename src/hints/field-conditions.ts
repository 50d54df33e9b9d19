// The candidate conditions one field offers: null, missing, a JSON type, equality with one or a
// few values, a numeric threshold or range, string properties, empty or long strings and arrays.
// Each comes with its trials (as a bitset) and counts; the finder judges them.
import { type Bitset, countBits, countBoth, createBitset, setBit } from "./bitset.ts";
import { type FieldColumn, Flag, Kind } from "./field-columns.ts";
import { roundestAbove, roundestBelow } from "./round-number.ts";
import { logChoose, logSumExp } from "./significance.ts";
import type { FieldCondition, HintCondition } from "./types.ts";

/** Values an equality condition may list. */
export const MAX_EQUAL_VALUES = 5;
/** A value enters an equality condition only when this many changed trials hold it: never a list of unique ids. */
export const MIN_TRIALS_PER_VALUE = 2;
/** Frequent but impure values offered as halves of conjunctions. */
const CONJUNCTION_VALUES = 3;

/** The trials one hint is looked for in: which were judged (population) and which changed. */
export interface HintScope {
  size: number;
  /** The judged trials' ordinals. */
  ordinals: number[];
  population: Bitset;
  changed: Bitset;
  /** |changed|. */
  changedCount: number;
  minPrecision: number;
}

/** A condition with its trials. */
export interface Candidate {
  condition: HintCondition;
  bits: Bitset;
  /** Judged trials the condition holds for. */
  count: number;
  /** Changed trials it holds for. */
  covered: number;
  /** Simpler conditions are shown first: 1 per plain test, one per listed value, two for a range. */
  complexity: number;
  fields: string[];
}

/** The field's candidates, and log of how many conditions of these shapes the field offered. */
export interface FieldCandidates {
  candidates: Candidate[];
  logFamily: number;
}

type Test = (ordinal: number) => boolean;

/** Why: every shape of condition a field can offer, generated once per changed path. */
export function candidatesOfColumn(column: FieldColumn, scope: HintScope): FieldCandidates {
  const out: Candidate[] = [];
  const field = column.path;
  const add = (condition: FieldCondition, test: Test, complexity = 1) => {
    const candidate = buildCandidate(condition, test, complexity, [field], scope);
    if (candidate !== undefined) out.push(candidate);
  };
  const { kind, num, flags } = column;
  const missing = (o: number) =>
    kind[o] === Kind.absent && (column.parent === null || column.parent.kind[o] === Kind.object);

  add({ field, op: "null" }, (o) => kind[o] === Kind.null);
  add({ field, op: "missing" }, missing);
  const types = typesOf(column, scope);
  if (types.size > 1) {
    for (const type of types) add({ field, op: "type", type }, (o) => typeOfKind(kind[o]) === type);
  }
  const isString = (o: number) => kind[o] === Kind.string;
  const isArray = (o: number) => kind[o] === Kind.array;
  add({ field, op: "empty" }, (o) => (isString(o) || isArray(o)) && num[o] === 0);
  if (types.has("string")) {
    const has = (flag: number) => (o: number) => isString(o) && (flags[o] & flag) !== 0;
    add({ field, op: "non-ascii" }, has(Flag.nonAscii));
    add({ field, op: "edge-whitespace" }, has(Flag.edgeWhitespace));
    add({ field, op: "upper-case" }, (o) => has(Flag.letters)(o) && (flags[o] & Flag.upper) !== 0);
    add({ field, op: "lower-case" }, (o) => has(Flag.letters)(o) && (flags[o] & Flag.lower) !== 0);
    add(
      { field, op: "mixed-case" },
      (o) => has(Flag.letters)(o) && (flags[o] & (Flag.upper | Flag.lower)) === 0,
    );
  }
  const lengthOf = (o: number) => isString(o) || isArray(o);
  const lengthThresholds = thresholdCandidates(field, num, lengthOf, scope, true);
  const numberThresholds = thresholdCandidates(field, num, (o) => kind[o] === Kind.number, scope, false);
  const equal = equalityCandidates(column, scope);
  out.push(...lengthThresholds.candidates, ...numberThresholds.candidates, ...equal.candidates);
  const logFamily = logSumExp([
    Math.log(12),
    lengthThresholds.logFamily,
    numberThresholds.logFamily,
    equal.logFamily,
  ]);
  return { candidates: out, logFamily };
}

/** Builds a candidate from a per-trial test; undefined when it holds for no changed trial or for every judged one. */
export function buildCandidate(
  condition: HintCondition,
  test: Test,
  complexity: number,
  fields: string[],
  scope: HintScope,
): Candidate | undefined {
  const bits = createBitset(scope.size);
  let count = 0;
  const { ordinals } = scope;
  for (let i = 0; i < ordinals.length; i++) {
    const ordinal = ordinals[i];
    if (test(ordinal)) {
      setBit(bits, ordinal);
      count++;
    }
  }
  if (count === 0 || count === ordinals.length) return undefined;
  const covered = countBoth(bits, scope.changed);
  if (covered === 0) return undefined;
  return { condition, bits, count, covered, complexity, fields };
}

/** Candidate from finished bits (conjunctions). */
export function candidateOfBits(
  condition: HintCondition,
  bits: Bitset,
  complexity: number,
  fields: string[],
  scope: HintScope,
): Candidate | undefined {
  const count = countBits(bits);
  const covered = countBoth(bits, scope.changed);
  if (count === 0 || covered === 0 || count === scope.ordinals.length) return undefined;
  return { condition, bits, count, covered, complexity, fields };
}

export type JsonType = "string" | "number" | "boolean" | "array" | "object";

/** Why: the JSON type a field's kind stands for, as hint conditions name it. */
export function typeOfKind(kind: number): JsonType | undefined {
  switch (kind) {
    case Kind.string:
      return "string";
    case Kind.number:
      return "number";
    case Kind.true:
    case Kind.false:
      return "boolean";
    case Kind.array:
      return "array";
    case Kind.object:
      return "object";
    default:
      return undefined;
  }
}

function typesOf(column: FieldColumn, scope: HintScope): Set<JsonType> {
  const types = new Set<JsonType>();
  for (const ordinal of scope.ordinals) {
    const type = typeOfKind(column.kind[ordinal]);
    if (type !== undefined) types.add(type);
  }
  return types;
}

/**
 * `x > t` and `x < t` at the cut that best separates (F1), and the tightest range around the
 * changed trials' values; bounds are the roundest numbers that cut in the same place.
 */
function thresholdCandidates(
  field: string,
  num: Float64Array,
  applies: Test,
  scope: HintScope,
  lengths: boolean,
): FieldCandidates {
  // The values of changed and unchanged trials, each sorted natively (no comparator, no garbage),
  // then walked together into distinct values with their counts, ascending.
  const changedValues: number[] = [];
  const otherValues: number[] = [];
  for (const ordinal of scope.ordinals) {
    if (!applies(ordinal) || Number.isNaN(num[ordinal])) continue;
    (hasChanged(scope, ordinal) ? changedValues : otherValues).push(num[ordinal]);
  }
  const applying = changedValues.length + otherValues.length;
  if (applying < 2) return { candidates: [], logFamily: Number.NEGATIVE_INFINITY };
  const changedSorted = Float64Array.from(changedValues).sort();
  const otherSorted = Float64Array.from(otherValues).sort();
  const values: number[] = [];
  const totals: number[] = [];
  const changedAt: number[] = [];
  let c = 0;
  let u = 0;
  while (c < changedSorted.length || u < otherSorted.length) {
    const takeChanged =
      u >= otherSorted.length || (c < changedSorted.length && changedSorted[c] <= otherSorted[u]);
    const value = takeChanged ? changedSorted[c++] : otherSorted[u++];
    if (values.length === 0 || values[values.length - 1] !== value) {
      values.push(value);
      totals.push(0);
      changedAt.push(0);
    }
    totals[totals.length - 1]++;
    if (takeChanged) changedAt[changedAt.length - 1]++;
  }
  const distinct = values.length;
  const logFamily = Math.log(2 * distinct + (distinct * distinct) / 2);
  if (distinct < 2) return { candidates: [], logFamily };
  const changedTotal = scope.changedCount;
  // Best cut for "above": values[i+1..] included.
  let bestAbove = { f1: -1, cut: -1 };
  let bestBelow = { f1: -1, cut: -1 };
  let countAbove = applying;
  const coveredAll = changedAt.reduce((sum, n) => sum + n, 0);
  let coveredAbove = coveredAll;
  for (let i = 0; i < distinct - 1; i++) {
    countAbove -= totals[i];
    coveredAbove -= changedAt[i];
    const f1Above = (2 * coveredAbove) / (changedTotal + countAbove);
    if (f1Above > bestAbove.f1) bestAbove = { f1: f1Above, cut: i };
    const countBelow = applying - countAbove;
    const coveredBelow = coveredAll - coveredAbove;
    const f1Below = (2 * coveredBelow) / (changedTotal + countBelow);
    if (f1Below > bestBelow.f1) bestBelow = { f1: f1Below, cut: i };
  }
  const candidates: Candidate[] = [];
  const push = (condition: FieldCondition, test: Test, complexity: number) => {
    const candidate = buildCandidate(condition, test, complexity, [field], scope);
    if (candidate !== undefined) candidates.push(candidate);
  };
  const above = lengths ? "length>" : ">";
  const below = lengths ? "length<" : "<";
  if (bestAbove.cut >= 0) {
    const t = roundestAbove(values[bestAbove.cut], values[bestAbove.cut + 1]);
    push({ field, op: above, value: t }, (o) => applies(o) && num[o] > t, 1);
  }
  if (bestBelow.cut >= 0) {
    const t = roundestBelow(values[bestBelow.cut], values[bestBelow.cut + 1]);
    push({ field, op: below, value: t }, (o) => applies(o) && num[o] < t, 1);
  }
  if (!lengths) {
    const first = changedAt.findIndex((n) => n > 0);
    const last = changedAt.length - 1 - [...changedAt].reverse().findIndex((n) => n > 0);
    if (first > 0 && last < distinct - 1) {
      // Inclusive bounds: min in (values[first-1], values[first]], max in [values[last], values[last+1]).
      const min = -roundestAbove(-values[first], -values[first - 1]);
      const max = roundestAbove(values[last], values[last + 1]);
      push({ field, op: "between", min, max }, (o) => applies(o) && num[o] >= min && num[o] <= max, 2);
    }
  }
  return { candidates, logFamily };
}

/** `field ∈ {v…}`: values most of whose trials changed, each held by at least two changed trials. */
function equalityCandidates(column: FieldColumn, scope: HintScope): FieldCandidates {
  // Each trial's value as a small id (-1: none), made once, so the candidates test integers.
  const { ids, values } = valueIdsOf(column, scope);
  const totals = new Array<number>(values.length).fill(0);
  const changedCounts = new Array<number>(values.length).fill(0);
  for (const ordinal of scope.ordinals) {
    const id = ids[ordinal];
    if (id < 0) continue;
    totals[id]++;
    if (hasChanged(scope, ordinal)) changedCounts[id]++;
  }
  const distinct = values.length;
  let logFamily = Number.NEGATIVE_INFINITY;
  for (let k = 1; k <= Math.min(MAX_EQUAL_VALUES, distinct); k++)
    logFamily = logSumExp([logFamily, logChoose(distinct, k)]);
  // Ties go to the value seen first: cheap, and the same order on every run.
  const byChanged = (a: number, b: number) => changedCounts[b] - changedCounts[a] || a - b;
  const supported = values.map((_, id) => id).filter((id) => changedCounts[id] >= MIN_TRIALS_PER_VALUE);
  const pure = supported
    .filter((id) => changedCounts[id] / totals[id] >= scope.minPrecision)
    .sort(byChanged)
    .slice(0, MAX_EQUAL_VALUES);
  // The most frequent values among changed trials, pure or not: parts of conjunctions (`country = "DE" and age > 60`).
  const frequent = supported
    .filter((id) => !pure.includes(id))
    .sort(byChanged)
    .slice(0, CONJUNCTION_VALUES);
  const candidates: Candidate[] = [];
  const push = (chosen: number[]) => {
    const set = new Set(chosen);
    const listed = chosen.map((id) => values[id]).sort(compareValues);
    const candidate = buildCandidate(
      { field: column.path, op: "in", values: listed },
      (o) => set.has(ids[o]),
      chosen.length,
      [column.path],
      scope,
    );
    if (candidate !== undefined) candidates.push(candidate);
  };
  for (const id of frequent) push([id]);
  for (let k = 1; k <= pure.length; k++) push(pure.slice(0, k));
  return { candidates, logFamily };
}

/** Per trial, the id of its value in `values` (numbers, remembered strings, booleans), or -1. */
function valueIdsOf(
  column: FieldColumn,
  scope: HintScope,
): { ids: Int32Array; values: (number | string | boolean)[] } {
  const ids = new Int32Array(scope.size).fill(-1);
  const values: (number | string | boolean)[] = [];
  const numbers = new Map<number, number>();
  const strings = new Map<number, number>();
  const booleans = new Map<boolean, number>();
  const idOf = <K>(map: Map<K, number>, key: K, value: number | string | boolean) => {
    let id = map.get(key);
    if (id === undefined) {
      id = values.length;
      values.push(value);
      map.set(key, id);
    }
    return id;
  };
  for (const ordinal of scope.ordinals) {
    switch (column.kind[ordinal]) {
      case Kind.number:
        ids[ordinal] = idOf(numbers, column.num[ordinal], column.num[ordinal]);
        break;
      case Kind.string: {
        const stringId = column.str[ordinal];
        if (stringId >= 0) ids[ordinal] = idOf(strings, stringId, column.strings[stringId]);
        break;
      }
      case Kind.true:
        ids[ordinal] = idOf(booleans, true, true);
        break;
      case Kind.false:
        ids[ordinal] = idOf(booleans, false, false);
        break;
    }
  }
  return { ids, values };
}

function compareValues(a: number | string | boolean, b: number | string | boolean): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

function hasChanged(scope: HintScope, ordinal: number): boolean {
  return (scope.changed[ordinal >>> 5] & (1 << (ordinal & 31))) !== 0;
}
