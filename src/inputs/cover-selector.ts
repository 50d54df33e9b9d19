// The cover strategy: in the same single pass, every input path keeps a one-input seeded reservoir
// per value class (value-classes.ts), plus the inputs holding its minimum and maximum and each value
// of a low-cardinality field; the sample is one input per class, rarest first, up to a share of the
// sample, and the rest uniformly at random. Memory is bounded by MAX_PATHS × (classes + values).
import { parseLossless } from "../json/parse.ts";
import { isIntegralFloat } from "../json/values.ts";
import { buildCoverSample, type FoundClass } from "./cover-sample.ts";
import { createNumberTokenFlags, scanNumberTokenFlags } from "./number-token-flags.ts";
import type { Random } from "./random.ts";
import { SkipReservoir } from "./skip-reservoir.ts";
import type { CoverIdentity, InputRecord, SourceClass } from "./types.ts";
import {
  CLASS_ID,
  categoryKey,
  classifyNumber,
  classifyScalar,
  describeCategory,
  numericValue,
  VALUE_CLASSES,
} from "./value-classes.ts";

type CategoryKey = string | number | bigint | boolean;

const PRESENT = CLASS_ID.present;
const MISSING = CLASS_ID.missing;
const EMPTY_ARRAY = CLASS_ID["empty-array"];
const EMPTY_OBJECT = CLASS_ID["empty-object"];

/** Paths tracked per source; a wider record's further paths are not classed (object keys used as ids). */
export const MAX_PATHS = 512;
/** Distinct values a field may have and still count as low-cardinality. */
export const MAX_CATEGORY_VALUES = 16;
/** The share of the sample picked for classes unless told otherwise. */
export const DEFAULT_COVER_SHARE = 0.5;

interface Slot {
  inputs: number;
  lastIndex: number;
  reservoir: SkipReservoir<InputRecord>;
}

interface Extreme {
  value: number;
  record: InputRecord;
}

interface PathNode {
  path: string;
  order: number;
  parent: PathNode | undefined;
  inputs: number;
  lastIndex: number;
  slots: (Slot | undefined)[];
  children: Map<string, PathNode> | undefined;
  elements: PathNode | undefined;
  min: Extreme | undefined;
  max: Extreme | undefined;
  /** Value counts while the field is low-cardinality; null once it has too many values. */
  categories: Map<CategoryKey, Slot> | null;
}

/** The cover selector: offer parsed records, then finish with the sample and its cover identity. */
export interface CoverSelector {
  /** `native`: the value came from JSON.parse (exact unless the text holds `1.0` or ids beyond 2^53). */
  offer(record: InputRecord, value?: unknown, native?: boolean): void;
  finish(): { records: InputRecord[]; cover: CoverIdentity };
  /** Paths tracked so far (for tests of the memory bound). */
  readonly trackedPaths: number;
  /** Inputs held by all class reservoirs together, counting an input once per slot. */
  readonly keptInputs: number;
}

/** Why: rare changes hide behind rare inputs; covering each value class first finds them with small samples. */
export function createCoverSelector(
  size: number,
  random: Random,
  share = DEFAULT_COVER_SHARE,
): CoverSelector {
  const uniform = new SkipReservoir<InputRecord>(size, random);
  const root = newNode("(record)", undefined, 0);
  let pathCount = 1;
  let keptInputs = 0;
  let current: InputRecord = { index: -1, line: 0, text: "" };
  let ascii = false;
  const numberTokens = createNumberTokenFlags();
  let tokens: Uint8Array | undefined;
  let tokenIndex = 0;

  const newSlot = (): Slot => ({ inputs: 0, lastIndex: -1, reservoir: new SkipReservoir(1, random) });
  const hit = (slot: Slot): void => {
    if (slot.lastIndex === current.index) return;
    slot.lastIndex = current.index;
    slot.inputs += 1;
    if (slot.inputs === 1) keptInputs += 1;
    if (slot.reservoir.wantsNext()) slot.reservoir.offer(current);
    else slot.reservoir.pass();
  };
  const addClass = (node: PathNode, id: number): void => {
    let slot = node.slots[id];
    if (slot === undefined) {
      slot = newSlot();
      node.slots[id] = slot;
    }
    hit(slot);
  };
  const child = (node: PathNode, key: string): PathNode | undefined => {
    let next = node.children?.get(key);
    if (next !== undefined || pathCount >= MAX_PATHS) return next;
    next = newNode(joinPath(node.path, key), node, pathCount);
    pathCount += 1;
    node.children ??= new Map();
    node.children.set(key, next);
    return next;
  };
  const elementsOf = (node: PathNode): PathNode | undefined => {
    if (node.elements !== undefined || pathCount >= MAX_PATHS) return node.elements;
    node.elements = newNode(`${node.path}[*]`, node, pathCount);
    pathCount += 1;
    return node.elements;
  };

  const visit = (node: PathNode, value: unknown): void => {
    if (node.lastIndex !== current.index) {
      node.lastIndex = current.index;
      node.inputs += 1;
      addClass(node, PRESENT);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) {
        addClass(node, EMPTY_ARRAY);
        return;
      }
      const elements = elementsOf(node);
      if (elements !== undefined) for (const element of value) visit(elements, element);
      return;
    }
    if (typeof value === "object" && value !== null && !isIntegralFloat(value)) {
      const object = value as Record<string, unknown>;
      let keys = 0;
      let tracked = 0;
      for (const key in object) {
        keys += 1;
        const next = child(node, key);
        if (next === undefined) continue;
        tracked += 1;
        visit(next, object[key]);
      }
      if (keys === 0) addClass(node, EMPTY_OBJECT);
      if (node.children !== undefined && node.children.size > tracked) {
        for (const [key, next] of node.children) if (!Object.hasOwn(object, key)) addClass(next, MISSING);
      }
      return;
    }
    let mask =
      tokens !== undefined && typeof value === "number"
        ? classifyNumber(value, tokenIndex < numberTokens.count ? tokens[tokenIndex++] : 0)
        : classifyScalar(value, ascii);
    while (mask !== 0) {
      const lowest = mask & -mask;
      addClass(node, 31 - Math.clz32(lowest));
      mask ^= lowest;
    }
    const number = numericValue(value);
    if (number !== undefined) {
      if (node.min === undefined || number < node.min.value) node.min = { value: number, record: current };
      if (node.max === undefined || number > node.max.value) node.max = { value: number, record: current };
    }
    if (node.categories !== null) {
      const key = categoryKey(value);
      if (key === undefined) return;
      let slot = node.categories.get(key);
      if (slot === undefined) {
        if (node.categories.size >= MAX_CATEGORY_VALUES) {
          node.categories = null;
          return;
        }
        slot = newSlot();
        node.categories.set(key, slot);
      }
      hit(slot);
    }
  };

  return {
    offer(record, value, native) {
      current = record;
      uniform.offer(record);
      const { text } = record;
      ascii = isAsciiText(text);
      tokens = undefined;
      tokenIndex = 0;
      let parsed = value;
      let exact = native !== true;
      if (parsed === undefined) {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = parseLossless(text);
          exact = true;
        }
      }
      if (!exact && scanNumberTokenFlags(text, numberTokens).lossy) {
        // Keys like "12" reorder in a parsed object, so token order would not match: parse exactly.
        if (numberTokens.numericKey) parsed = parseLossless(text);
        else tokens = numberTokens.flags;
      }
      visit(root, parsed);
    },
    finish() {
      const classes = collectClasses(root, uniform.seen);
      return buildCoverSample(classes, uniform.items(), size, share, random);
    },
    get trackedPaths() {
      return pathCount;
    },
    get keptInputs() {
      return keptInputs;
    },
  };
}

function collectClasses(root: PathNode, totalRecords: number): FoundClass[] {
  const found: FoundClass[] = [];
  const walk = (node: PathNode): void => {
    const push = (
      valueClass: SourceClass["valueClass"],
      inputs: number,
      record: InputRecord | undefined,
      value?: string,
    ) => {
      if (record === undefined || inputs === 0) return;
      found.push({
        path: node.path,
        valueClass,
        inputs,
        ...(value !== undefined && { value }),
        order: node.order,
        record,
      });
    };
    node.slots.forEach((slot, id) => {
      if (slot !== undefined && id !== PRESENT)
        push(VALUE_CLASSES[id], slot.inputs, slot.reservoir.items()[0]);
    });
    // A key present in fewer than half of its parent's inputs: its presence is the rare case.
    const presence = node.slots[PRESENT];
    const parentInputs = node.parent?.inputs ?? totalRecords;
    if (
      presence !== undefined &&
      node.parent !== undefined &&
      node.parent.elements !== node &&
      node.inputs * 2 < parentInputs
    ) {
      push("present", node.inputs, presence.reservoir.items()[0]);
    }
    if (node.min !== undefined && node.max !== undefined && node.min.value !== node.max.value) {
      push("min", 1, node.min.record, String(node.min.value));
      push("max", 1, node.max.record, String(node.max.value));
    }
    if (node.categories !== null && node.categories.size > 1) {
      const distinct = node.categories.size;
      for (const [key, slot] of node.categories) {
        // Rare: held by less than half the inputs an even spread would give each value.
        if (slot.inputs * 2 * distinct < node.inputs)
          push("rare-value", slot.inputs, slot.reservoir.items()[0], describeCategory(key));
      }
    }
    for (const next of node.children?.values() ?? []) walk(next);
    if (node.elements !== undefined) walk(node.elements);
  };
  walk(root);
  return found;
}

function newNode(path: string, parent: PathNode | undefined, order: number): PathNode {
  return {
    path,
    order,
    parent,
    inputs: 0,
    lastIndex: -1,
    slots: [],
    children: undefined,
    elements: undefined,
    min: undefined,
    max: undefined,
    categories: new Map(),
  };
}

/** No non-ASCII character and no `\u` escape: a UTF-8 length equal to the UTF-16 length says the first, natively. */
function isAsciiText(text: string): boolean {
  return Buffer.byteLength(text, "utf8") === text.length && !text.includes("\\u");
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function joinPath(parent: string, key: string): string {
  const step = IDENTIFIER.test(key) ? key : JSON.stringify(key);
  if (parent === "(record)") return IDENTIFIER.test(key) ? key : `[${step}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${step}]`;
}
