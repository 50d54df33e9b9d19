import { describe, expect, it } from "vitest";
import { type CompareCase, compare, expectCase, json } from "./compare-case.ts";

const multiset = [{ path: "$", unordered: true }];

describe("unordered arrays as multisets", () => {
  const cases: CompareCase[] = [
    {
      name: "a permutation is equal",
      oldValue: ["a", "b", "c"],
      newValue: ["c", "a", "b"],
      rules: multiset,
      expected: [],
    },
    {
      name: "an ordered array reports the permutation",
      oldValue: ["a", "b"],
      newValue: ["b", "a"],
      expected: ["value [0]", "value [1]"],
    },
    {
      name: "an element only in new is added at its new index",
      oldValue: ["a", "b"],
      newValue: ["b", "x", "a"],
      rules: multiset,
      expected: ["length $", "added [1]"],
    },
    {
      name: "an element only in old is removed at its old index",
      oldValue: ["a", "b", "c"],
      newValue: ["c", "a"],
      rules: multiset,
      expected: ["length $", "removed [1]"],
    },
    {
      name: "duplicates count: a multiset, not a set",
      oldValue: ["a", "a", "b"],
      newValue: ["a", "b", "b"],
      rules: multiset,
      expected: ["removed [1]", "added [2]"],
    },
    {
      name: "numbers match within tolerance in any order",
      oldValue: [3.0000000001, 1, 2.5],
      newValue: [2.5000000001, 3, 1],
      rules: multiset,
      expected: [],
    },
    {
      name: "numbers beyond tolerance do not match",
      oldValue: [1.5, 2.5],
      newValue: [2.5, 1.6],
      rules: multiset,
      expected: ["removed [0]", "added [1]"],
    },
    {
      name: "sorted matching pairs all where first-fit would strand one",
      oldValue: [1.1, 1.0],
      newValue: [1.05, 1.19],
      rules: [{ path: "$", unordered: true, tolerance: { abs: 0.1 } }],
      expected: [],
    },
    {
      name: "NaN matches NaN by default",
      oldValue: [Number.NaN, 1.5],
      newValue: [1.5, Number.NaN],
      rules: multiset,
      expected: [],
    },
    {
      name: "NaN matches nothing under nan: unequal",
      oldValue: [Number.NaN],
      newValue: [Number.NaN],
      rules: [{ path: "$", unordered: true, nan: "unequal" }],
      expected: ["removed [0]", "added [0]"],
    },
    {
      name: "an int does not match an integral float",
      oldValue: json("[1, 2]"),
      newValue: json("[2, 1.0]"),
      rules: multiset,
      expected: ["removed [0]", "added [1]"],
    },
    {
      name: "objects with float noise still match",
      oldValue: [
        { x: 0.1, n: "a" },
        { x: 0.2, n: "b" },
      ],
      newValue: [
        { n: "b", x: 0.2000000000001 },
        { n: "a", x: 0.1000000000001 },
      ],
      rules: multiset,
      expected: [],
    },
    {
      name: "objects that really changed are removed and added",
      oldValue: [{ x: 1 }, { x: 2 }],
      newValue: [{ x: 2 }, { x: 3 }],
      rules: multiset,
      expected: ["removed [0]", "added [1]"],
    },
    {
      name: "nested arrays match by content",
      oldValue: [[1, 2], [3]],
      newValue: [[3], [1, 2]],
      rules: multiset,
      expected: [],
    },
    {
      name: "string options apply to elements",
      oldValue: ["A", "b"],
      newValue: ["B", "a"],
      rules: [{ path: "$", unordered: true, caseInsensitive: true }],
      expected: [],
    },
    {
      name: "a tags rule leaves other arrays ordered",
      oldValue: { tags: ["a", "b"], xs: [1, 2] },
      newValue: { tags: ["b", "a"], xs: [2, 1] },
      rules: [{ path: "tags", unordered: true }],
      expected: ["value xs[0]", "value xs[1]"],
    },
    {
      name: "an ignore rule on the elements ignores them",
      oldValue: ["a"],
      newValue: ["b"],
      rules: [
        { path: "$", unordered: true },
        { path: "[*]", ignore: true },
      ],
      expected: [],
    },
  ];
  for (const testCase of cases) it(testCase.name, () => expectCase(testCase));

  it("reports the unmatched elements' values", () => {
    expect(compare(["a", "b"], ["b", "c"], multiset).differences).toEqual([
      { path: "[0]", kind: "removed", old: "a" },
      { path: "[1]", kind: "added", new: "c" },
    ]);
  });
});
