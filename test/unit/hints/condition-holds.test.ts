import { describe, expect, it } from "vitest";
import { hasBit } from "../../../src/hints/bitset.ts";
import { type ColumnLookup, conditionHolds } from "../../../src/hints/condition-holds.ts";
import { FieldColumns } from "../../../src/hints/field-columns.ts";
import { candidatesOfColumn, type HintScope } from "../../../src/hints/field-conditions.ts";
import type { HintCondition } from "../../../src/hints/types.ts";

/** Inputs of every kind a field can hold, with a third of them marked changed. */
function makeInputs(): unknown[] {
  const strings = ["", " pad", "Zoë", "ABC", "abc", "MiXed", "a b", "42", "long string here"];
  return Array.from({ length: 90 }, (_, i) => ({
    age: i % 7 === 0 ? null : 18 + ((i * 13) % 50),
    name: strings[i % strings.length],
    tags: Array.from({ length: i % 4 }, () => "t"),
    flag: i % 3 === 0,
    mixed: i % 5 === 0 ? "x" : i % 5 === 1 ? 3 : i % 5 === 2 ? [1] : i % 5 === 3 ? { a: 1 } : true,
    ...(i % 6 !== 0 && { profile: { city: i % 4 === 0 ? undefined : ["Lyon", "Oslo"][i % 2], zip: i } }),
  }));
}

function scopeOf(size: number, isChanged: (ordinal: number) => boolean): HintScope {
  const ordinals = Array.from({ length: size }, (_, i) => i);
  const population = new Uint32Array(Math.ceil(size / 32));
  const changed = new Uint32Array(Math.ceil(size / 32));
  let changedCount = 0;
  for (const ordinal of ordinals) {
    population[ordinal >>> 5] |= 1 << (ordinal & 31);
    if (isChanged(ordinal)) {
      changed[ordinal >>> 5] |= 1 << (ordinal & 31);
      changedCount++;
    }
  }
  return { size, ordinals, population, changed, changedCount, minPrecision: 0.8 };
}

describe("conditionHolds", () => {
  const columns = new FieldColumns();
  for (const input of makeInputs()) columns.add(input);
  const byPath = new Map(columns.list().map((column) => [column.path, column]));
  const lookup: ColumnLookup = (path) => byPath.get(path);
  const parentOf = (path: string) => byPath.get(path)?.parent?.path ?? null;
  const scope = scopeOf(columns.trials, (ordinal) => ordinal % 3 !== 1);

  it("holds for exactly the inputs every candidate condition was built from", () => {
    let checked = 0;
    for (const column of columns.list()) {
      for (const candidate of candidatesOfColumn(column, scope).candidates) {
        for (let ordinal = 0; ordinal < columns.trials; ordinal++) {
          expect(
            conditionHolds(candidate.condition, lookup, parentOf, ordinal),
            `${JSON.stringify(candidate.condition)} at ${ordinal}`,
          ).toBe(hasBit(candidate.bits, ordinal));
        }
        checked++;
      }
    }
    // Every shape of condition was among those compared.
    expect(checked).toBeGreaterThan(40);
  });

  it.each<[string, HintCondition, number, boolean]>([
    ["a missing nested key inside a present object", { field: "profile.city", op: "missing" }, 4, true],
    ["a nested key under a missing object", { field: "profile.city", op: "missing" }, 0, false],
    ["a field no input has, at the top level", { field: "nowhere", op: "missing" }, 1, true],
    ["a field no input has, for anything but missing", { field: "nowhere", op: "null" }, 1, false],
    [
      "both halves of a conjunction",
      {
        op: "and",
        conditions: [
          { field: "flag", op: "in", values: [true] },
          { field: "tags", op: "empty" },
        ],
      },
      0,
      true,
    ],
  ])("%s", (_name, condition, ordinal, expected) => {
    expect(conditionHolds(condition, lookup, parentOf, ordinal)).toBe(expected);
  });
});
