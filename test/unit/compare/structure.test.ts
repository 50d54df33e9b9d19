import { describe, expect, it } from "vitest";
import { type CompareCase, compare, expectCase } from "./compare-case.ts";

describe("comparing structure", () => {
  const cases: CompareCase[] = [
    {
      name: "key order never matters",
      oldValue: { a: 1, b: { c: 2, d: 3 } },
      newValue: { b: { d: 3, c: 2 }, a: 1 },
      expected: [],
    },
    {
      name: "a key only in new is added",
      oldValue: { a: 1 },
      newValue: { a: 1, b: 2 },
      expected: ["added b"],
    },
    {
      name: "a key only in old is removed",
      oldValue: { a: 1, b: 2 },
      newValue: { a: 1 },
      expected: ["removed b"],
    },
    { name: "null vs a missing key is added", oldValue: {}, newValue: { a: null }, expected: ["added a"] },
    {
      name: "a missing key vs null is removed",
      oldValue: { a: null },
      newValue: {},
      expected: ["removed a"],
    },
    {
      name: "nullEqualsMissing: null equals a missing key",
      oldValue: { a: null },
      newValue: {},
      options: { nullEqualsMissing: true },
      expected: [],
    },
    {
      name: "nullEqualsMissing: missing equals null",
      oldValue: {},
      newValue: { a: null },
      options: { nullEqualsMissing: true },
      expected: [],
    },
    {
      name: "nullEqualsMissing: a real value vs missing is still removed",
      oldValue: { a: 0 },
      newValue: {},
      options: { nullEqualsMissing: true },
      expected: ["removed a"],
    },
    {
      name: "nullEqualsMissing as a rule applies at its path only",
      oldValue: { a: null, b: null },
      newValue: {},
      rules: [{ path: "a", nullEqualsMissing: true }],
      expected: ["removed b"],
    },
    {
      name: "null vs a value is a type change",
      oldValue: { a: null },
      newValue: { a: 0 },
      expected: ["type a"],
    },
    {
      name: "an object vs an array is a type change",
      oldValue: { a: {} },
      newValue: { a: [] },
      expected: ["type a"],
    },
    { name: "a string vs a number is a type change", oldValue: ["1"], newValue: [1], expected: ["type [0]"] },
    {
      name: "a boolean change is a value change",
      oldValue: { ok: true },
      newValue: { ok: false },
      expected: ["value ok"],
    },
    { name: "a boolean vs a number is a type change", oldValue: true, newValue: 1, expected: ["type $"] },
    { name: "equal arrays are equal", oldValue: [1, [2, 3]], newValue: [1, [2, 3]], expected: [] },
    {
      name: "arrays are ordered by default",
      oldValue: [1, 2],
      newValue: [2, 1],
      expected: ["value [0]", "value [1]"],
    },
    {
      name: "a longer new array: length plus added",
      oldValue: [1, 2],
      newValue: [1, 2, 3, 4],
      expected: ["length $", "added [2]", "added [3]"],
    },
    {
      name: "a shorter new array: length plus removed and prefix changes",
      oldValue: [1, 2, 3],
      newValue: [1, 5],
      expected: ["length $", "value [1]", "removed [2]"],
    },
    {
      name: "a __proto__ key is compared like any other key",
      oldValue: JSON.parse('{"__proto__": 1}'),
      newValue: JSON.parse('{"__proto__": 2}'),
      expected: ["value __proto__"],
    },
    {
      name: "a prototype member name is not a key",
      oldValue: { toString: 1 },
      newValue: {},
      expected: ["removed toString"],
    },
    {
      name: "an undefined member counts as missing",
      oldValue: { a: undefined, b: 1 },
      newValue: { b: 1 },
      expected: [],
    },
  ];
  for (const testCase of cases) it(testCase.name, () => expectCase(testCase));

  it("puts the sides' values in the differences", () => {
    expect(compare({ a: [1, 2] }, { a: [1] }).differences).toEqual([
      { path: "a", kind: "length", old: 2, new: 1 },
      { path: "a[1]", kind: "removed", old: 2 },
    ]);
    expect(compare({}, { b: { c: 1 } }).differences).toEqual([{ path: "b", kind: "added", new: { c: 1 } }]);
  });

  it("writes paths with dots, indices and quoted odd keys", () => {
    const oldValue = { rows: [{ "a key": { x: 1 } }], "a.b": 1, $ok: [0] };
    const newValue = { rows: [{ "a key": { x: 2 } }], "a.b": 2, $ok: [1] };
    expect(
      compare(oldValue, newValue)
        .differences.map((difference) => difference.path)
        .sort(),
    ).toEqual(["$ok[0]", '["a.b"]', 'rows[0]["a key"].x']);
    expect(compare([[1]], [[2]]).differences[0].path).toBe("[0][0]");
  });

  it("collects every difference, not just the first", () => {
    const oldValue = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, i]));
    const newValue = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, i + 1]));
    const result = compare(oldValue, newValue);
    expect(result.differences).toHaveLength(50);
    expect(result.truncated).toBe(false);
  });

  it("caps differences at maxDifferencesPerTrial and says it truncated", () => {
    const oldValue = Array.from({ length: 20 }, (_, i) => i);
    const newValue = oldValue.map((value) => value + 1);
    const capped = compare(oldValue, newValue, [], { maxDifferencesPerTrial: 5 });
    expect(capped.differences).toHaveLength(5);
    expect(capped.truncated).toBe(true);
    const exact = compare(oldValue.slice(0, 5), newValue.slice(0, 5), [], { maxDifferencesPerTrial: 5 });
    expect(exact.differences).toHaveLength(5);
    expect(exact.truncated).toBe(false);
  });

  it("caps at the default of 1000", () => {
    const oldValue = Array.from({ length: 1500 }, (_, i) => i);
    const result = compare(
      oldValue,
      oldValue.map((value) => -value - 1),
    );
    expect(result.differences).toHaveLength(1000);
    expect(result.truncated).toBe(true);
  });

  it.each([
    { name: "arrays", open: "[", close: "]", wrap: (inner: unknown) => [inner] },
    { name: "objects", open: '{"k":', close: "}", wrap: (inner: unknown) => ({ k: inner }) },
  ])("compares $name nested 100,000 deep without overflowing the stack", ({ wrap }) => {
    const depth = 100_000;
    let oldValue: unknown = 1;
    let newValue: unknown = 2;
    for (let level = 0; level < depth; level++) {
      oldValue = wrap(oldValue);
      newValue = wrap(newValue);
    }
    const [difference] = compare(oldValue, newValue).differences;
    expect(difference.kind).toBe("value");
    expect(difference.path.length).toBeGreaterThan(depth);
    expect(compare(oldValue, oldValue).differences).toEqual([]);
  });
});
