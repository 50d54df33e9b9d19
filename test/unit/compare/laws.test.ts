// The comparator's laws as properties over generated lossless values (ints, bigints, integral
// floats, doubles with NaN/±Infinity/-0, strings, nested objects and arrays).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isExactlyEqual } from "../../../src/compare/exact-equal.ts";
import { resolveCompareOptions } from "../../../src/compare/options.ts";
import { compileRuleContexts } from "../../../src/compare/rule-context.ts";
import type { CompareOptions, CompareRule } from "../../../src/compare/types.ts";
import { Walker } from "../../../src/compare/walk.ts";
import { createRandom } from "../../../src/inputs/random.ts";
import { IntegralFloat, type LosslessValue } from "../../../src/json/values.ts";
import { losslessValue, toRecord } from "../json/lossless-arbitrary.ts";
import { compare, summarize } from "./compare-case.ts";

const RUNS = { numRuns: 400 };
const uncapped: Partial<CompareOptions> = { maxDifferencesPerTrial: 1_000_000 };

/** An old value and a new one derived from it by small random edits (noise, changes, added and removed parts). */
const valuePair = fc
  .tuple(losslessValue, fc.integer())
  .map(([value, seed]) => [value, mutate(value, createRandom(seed).nextFloat)] as const);

const ruleSets: fc.Arbitrary<CompareRule[]> = fc.constantFrom(
  [],
  [{ path: "**.a", unordered: true }],
  [{ path: "**.b", unordered: { key: "id" } }],
  [
    { path: "**.score", tolerance: { abs: 0.5 } },
    { path: "*", trim: true, caseInsensitive: true },
  ],
  [{ path: "**", numericStrings: true, nullEqualsMissing: true }],
);

describe("comparator laws", () => {
  it("is reflexive: a value equals a copy of itself (NaN included)", () => {
    fc.assert(
      fc.property(losslessValue, ruleSets, (value, rules) => {
        expect(compare(value, copy(value), rules).differences).toEqual([]);
      }),
      RUNS,
    );
  });

  it("is symmetric: swapping sides reports the same paths and kinds, added and removed swapped", () => {
    const swap = (line: string) =>
      line
        .replace(/^added /, "REMOVED ")
        .replace(/^removed /, "added ")
        .replace(/^REMOVED /, "removed ");
    let changedPairs = 0;
    fc.assert(
      fc.property(valuePair, ruleSets, ([oldValue, newValue], rules) => {
        const forward = summarize(compare(oldValue, newValue, rules, uncapped));
        const backward = summarize(compare(newValue, oldValue, rules, uncapped))
          .map(swap)
          .sort();
        expect(backward).toEqual(forward);
        if (forward.length > 0) changedPairs++;
      }),
      RUNS,
    );
    // The generated pairs must exercise real differences, or the law says nothing.
    expect(changedPairs).toBeGreaterThan(RUNS.numRuns / 4);
  });

  it("is monotone in tolerance: a larger tolerance never adds a difference", () => {
    const tolerances = fc.tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(valuePair, tolerances, ([oldValue, newValue], [abs, rel, extraAbs, extraRel]) => {
        const tight = summarize(compare(oldValue, newValue, [], { ...uncapped, tolerance: { abs, rel } }));
        const wide = summarize(
          compare(oldValue, newValue, [], {
            ...uncapped,
            tolerance: { abs: abs + extraAbs, rel: rel + extraRel },
          }),
        );
        for (const line of wide) expect(tight).toContain(line);
      }),
      RUNS,
    );
  });

  it("is monotone in tolerance for multisets: a larger tolerance never leaves more elements unmatched", () => {
    const numbers = fc.array(
      fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constant(Number.NaN)),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        numbers,
        numbers,
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (oldValue, newValue, abs, extra) => {
          const rules = (tolerance: number): CompareRule[] => [
            { path: "$", unordered: true, tolerance: { abs: tolerance, rel: 0 } },
          ];
          const tight = compare(oldValue, newValue, rules(abs), uncapped).differences.length;
          const wide = compare(oldValue, newValue, rules(abs + extra), uncapped).differences.length;
          expect(wide).toBeLessThanOrEqual(tight);
        },
      ),
      RUNS,
    );
  });

  it("really ignores: changing anything under an ignored path never adds a difference", () => {
    const rules: CompareRule[] = [{ path: "**.ts", ignore: true }];
    fc.assert(
      fc.property(valuePair, losslessValue, losslessValue, ([oldValue, newValue], oldJunk, newJunk) => {
        const before = summarize(compare(oldValue, newValue, rules, uncapped));
        const after = summarize(
          compare(
            setEverywhere(oldValue, "ts", oldJunk),
            setEverywhere(newValue, "ts", newJunk),
            rules,
            uncapped,
          ),
        );
        expect(after).toEqual(before);
      }),
      RUNS,
    );
  });

  it("never depends on key order", () => {
    fc.assert(
      fc.property(valuePair, ruleSets, ([oldValue, newValue], rules) => {
        const ordered = summarize(compare(oldValue, newValue, rules, uncapped));
        expect(summarize(compare(reverseKeys(oldValue), reverseKeys(newValue), rules, uncapped))).toEqual(
          ordered,
        );
      }),
      RUNS,
    );
  });

  it("takes the exact fast path only for values the strictest walk finds equal", () => {
    const strictest = resolveCompareOptions({ nan: "unequal", signedZero: true });
    const root = compileRuleContexts(strictest, [], []);
    const pairs = fc.oneof(
      valuePair,
      losslessValue.map((value) => [value, copy(value)] as const),
    );
    fc.assert(
      fc.property(pairs, ([oldValue, newValue]) => {
        const walker = new Walker({ differences: [], limit: 1, truncated: false });
        walker.walk(oldValue, newValue, root);
        if (isExactlyEqual(oldValue, newValue)) expect(walker.sink.differences).toEqual([]);
      }),
      RUNS,
    );
  });
});

/** Rebuilds a value bottom-up with `transform` applied to every object's entries. */
function rebuild(
  value: LosslessValue,
  transform: (entries: Array<[string, LosslessValue]>) => Array<[string, LosslessValue]>,
): LosslessValue {
  if (Array.isArray(value)) return value.map((item) => rebuild(item, transform));
  if (value === null || typeof value !== "object" || value instanceof IntegralFloat) return value;
  return toRecord(transform(Object.entries(value).map(([key, item]) => [key, rebuild(item, transform)])));
}

function copy(value: LosslessValue): LosslessValue {
  return rebuild(value, (entries) => entries);
}

function reverseKeys(value: LosslessValue): LosslessValue {
  return rebuild(value, (entries) => entries.reverse());
}

function setEverywhere(value: LosslessValue, key: string, junk: LosslessValue): LosslessValue {
  return rebuild(value, (entries) => [...entries.filter(([name]) => name !== key), [key, junk]]);
}

/** Random edits: float noise, real changes, sign and type changes, nulls, dropped and added members and elements. */
function mutate(value: LosslessValue, random: () => number): LosslessValue {
  const roll = random();
  if (roll < 0.04) return null;
  if (typeof value === "number") {
    if (roll < 0.3) return value * (1 + (random() - 0.5) * 1e-12);
    if (roll < 0.4) return value + 1;
    if (roll < 0.45) return new IntegralFloat(Math.round(Number.isFinite(value) ? value : 0));
    if (roll < 0.55) return -value;
    return value;
  }
  if (value instanceof IntegralFloat)
    return roll < 0.3 ? new IntegralFloat(-value.value) : roll < 0.4 ? value.value : value;
  if (typeof value === "string") return roll < 0.2 ? `${value}x` : roll < 0.3 ? value.toUpperCase() : value;
  if (Array.isArray(value)) {
    const items = value.map((item) => mutate(item, random));
    if (roll < 0.15) items.splice(Math.floor(random() * items.length), 1);
    if (roll > 0.85) items.push(random() < 0.5 ? 1 : "new");
    if (roll > 0.4 && roll < 0.5) items.reverse();
    return items;
  }
  if (value === null || typeof value !== "object") return roll < 0.1 ? "changed" : value;
  const entries = Object.entries(value).map(([key, item]): [string, LosslessValue] => [
    key,
    mutate(item, random),
  ]);
  if (roll < 0.2) entries.splice(Math.floor(random() * entries.length), 1);
  if (roll > 0.8) entries.push([random() < 0.5 ? "a" : "extra", random() < 0.5 ? null : 2]);
  return toRecord(entries);
}
