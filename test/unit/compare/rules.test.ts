import { describe, expect, it } from "vitest";
import { type CompareCase, compare, expectCase, json } from "./compare-case.ts";

const loose = { tolerance: { abs: 1 } };
const strict = { tolerance: { abs: 0, rel: 0 } };

describe("path rules", () => {
  const cases: CompareCase[] = [
    {
      name: "a.b matches exactly that key",
      oldValue: { a: { b: 1.5, c: 1.5 } },
      newValue: { a: { b: 2, c: 2 } },
      rules: [{ path: "a.b", ...loose }],
      expected: ["value a.c"],
    },
    {
      name: "a.* matches one level below a",
      oldValue: { a: { x: 1.5, y: { z: 1.5 } } },
      newValue: { a: { x: 2, y: { z: 2 } } },
      rules: [{ path: "a.*", ignore: true }],
      expected: [],
    },
    {
      name: "a.* does not match a itself",
      oldValue: { a: 1 },
      newValue: { a: 2 },
      rules: [{ path: "a.*", ignore: true }],
      expected: ["value a"],
    },
    {
      name: "a.** matches a and everything below",
      oldValue: { a: { b: { c: 1 } }, d: 1 },
      newValue: { a: { b: { c: 2 } }, d: 2 },
      rules: [{ path: "a.**", ignore: true }],
      expected: ["value d"],
    },
    {
      name: "**.ts matches ts at any depth",
      oldValue: { ts: 1, x: { ts: 1, y: [{ ts: 1 }] } },
      newValue: { ts: 2, x: { ts: 2, y: [{ ts: 2 }] } },
      rules: [{ path: "**.ts", ignore: true }],
      expected: [],
    },
    {
      name: "**.ts does not match other keys",
      oldValue: { x: { tss: 1 } },
      newValue: { x: { tss: 2 } },
      rules: [{ path: "**.ts", ignore: true }],
      expected: ["value x.tss"],
    },
    {
      name: "emb[*] matches every element",
      oldValue: { emb: [0.1, 0.2] },
      newValue: { emb: [0.15, 0.25] },
      rules: [{ path: "emb[*]", tolerance: { abs: 0.1 } }],
      expected: [],
    },
    {
      name: "rows[*].score matches the field in every row",
      oldValue: {
        rows: [
          { score: 1, n: 1 },
          { score: 1, n: 1 },
        ],
      },
      newValue: {
        rows: [
          { score: 2, n: 1 },
          { score: 2, n: 2 },
        ],
      },
      rules: [{ path: "rows[*].score", ignore: true }],
      expected: ["value rows[1].n"],
    },
    {
      name: "rows[1] matches only that index",
      oldValue: { rows: [1, 1, 1] },
      newValue: { rows: [2, 2, 2] },
      rules: [{ path: "rows[1]", ignore: true }],
      expected: ["value rows[0]", "value rows[2]"],
    },
    {
      name: 'a quoted key ["a.b"] matches the dotted key',
      oldValue: { "a.b": 1, a: { b: 1 } },
      newValue: { "a.b": 2, a: { b: 2 } },
      rules: [{ path: '["a.b"]', ignore: true }],
      expected: ["value a.b"],
    },
    {
      name: "$ matches the root",
      oldValue: { a: 1.5 },
      newValue: { a: 2 },
      rules: [{ path: "$", ...loose }],
      expected: [],
    },
    {
      name: "a.* matches array indices too",
      oldValue: { a: [1] },
      newValue: { a: [2] },
      rules: [{ path: "a.*", ignore: true }],
      expected: [],
    },
    {
      name: "[*] does not match object keys",
      oldValue: { a: { x: 1 } },
      newValue: { a: { x: 2 } },
      rules: [{ path: "a[*]", ignore: true }],
      expected: ["value a.x"],
    },
    {
      name: "a rule applies to the matched node's descendants",
      oldValue: { emb: [[0.1], [0.2]] },
      newValue: { emb: [[0.15], [0.25]] },
      rules: [{ path: "emb", tolerance: { abs: 0.1 } }],
      expected: [],
    },
    {
      name: "fewer wildcards wins: a.b beats a.*",
      oldValue: { a: { b: 1.5, c: 1.5 } },
      newValue: { a: { b: 2, c: 2 } },
      rules: [
        { path: "a.b", ...strict },
        { path: "a.*", ...loose },
      ],
      expected: ["value a.b"],
    },
    {
      name: "fewer wildcards wins regardless of rule order",
      oldValue: { a: { b: 1.5, c: 1.5 } },
      newValue: { a: { b: 2, c: 2 } },
      rules: [
        { path: "a.*", ...loose },
        { path: "a.b", ...strict },
      ],
      expected: ["value a.b"],
    },
    {
      name: "with equal wildcards the longer pattern wins",
      oldValue: { x: { a: { b: 1.5 } } },
      newValue: { x: { a: { b: 2 } } },
      rules: [
        { path: "x.*.b", ...strict },
        { path: "**.b", ...loose },
      ],
      expected: ["value x.a.b"],
    },
    {
      name: "with equal wildcards and length the later rule wins",
      oldValue: { a: { b: 1.5 } },
      newValue: { a: { b: 2 } },
      rules: [
        { path: "a.*", ...strict },
        { path: "*.b", ...loose },
      ],
      expected: [],
    },
    {
      name: "later rule wins, the other way round",
      oldValue: { a: { b: 1.5 } },
      newValue: { a: { b: 2 } },
      rules: [
        { path: "*.b", ...loose },
        { path: "a.*", ...strict },
      ],
      expected: ["value a.b"],
    },
    {
      name: "a rule matching a deeper node overrides an ancestor's rule",
      oldValue: { m: { ts: 1, v: 1.5 } },
      newValue: { m: { ts: 2, v: 2 } },
      rules: [
        { path: "m", ...loose },
        { path: "**.ts", ...strict },
      ],
      expected: ["value m.ts"],
    },
    {
      name: "an ancestor's rule still applies where no deeper rule matches",
      oldValue: { m: { ts: 1, v: 1.5 } },
      newValue: { m: { ts: 2, v: 2 } },
      rules: [
        { path: "**.ts", ignore: true },
        { path: "m", ...loose },
      ],
      expected: [],
    },
    {
      name: "a trailing ** acts as the node itself (a deeper rule still wins)",
      oldValue: { a: { b: { c: 1.5 } } },
      newValue: { a: { b: { c: 2 } } },
      rules: [
        { path: "a.**", ...loose },
        { path: "a.b", ...strict },
      ],
      expected: ["value a.b.c"],
    },
    {
      name: "the winning rule's unset options inherit the global ones, not an ancestor's",
      oldValue: { a: { b: { c: 1.5, d: "X" } } },
      newValue: { a: { b: { c: 2, d: "x" } } },
      rules: [
        { path: "a", ...loose },
        { path: "a.b", caseInsensitive: true },
      ],
      expected: ["value a.b.c"],
    },
    {
      name: "a rule's tolerance keeps the global fields it does not set",
      oldValue: { a: 1e6 },
      newValue: { a: 1e6 + 1e-4 },
      rules: [{ path: "a", tolerance: { abs: 0 } }],
      expected: [],
    },
    {
      name: "ignore drops the path and everything below",
      oldValue: { a: { b: [1, 2], c: 1 }, d: 1 },
      newValue: { a: { b: [3], e: 1 }, d: 1 },
      rules: [{ path: "a", ignore: true }],
      expected: [],
    },
    {
      name: "ignore also drops an added key",
      oldValue: {},
      newValue: { debug: { x: 1 } },
      rules: [{ path: "debug", ignore: true }],
      expected: [],
    },
    {
      name: "ignore also drops a removed element",
      oldValue: [1, 2],
      newValue: [1],
      rules: [{ path: "[1]", ignore: true }],
      expected: ["length $"],
    },
    {
      name: "ignore at the root drops everything",
      oldValue: { a: 1 },
      newValue: [2],
      rules: [{ path: "$", ignore: true }],
      expected: [],
    },
    {
      name: "ignore: false under a broader ignore re-enables a path",
      oldValue: { a: { b: 1, c: 1 } },
      newValue: { a: { b: 2, c: 2 } },
      rules: [
        { path: "a.*", ignore: true },
        { path: "a.c", ignore: false },
      ],
      expected: ["value a.c"],
    },
    {
      name: "a rule giving a tolerance lets integers compare under it",
      oldValue: { count: 100, other: 100 },
      newValue: { count: 101, other: 101 },
      rules: [{ path: "count", tolerance: { rel: 0.05 } }],
      expected: ["value other"],
    },
    {
      name: "a rule without tolerance keeps integers exact",
      oldValue: { count: 100 },
      newValue: { count: 101 },
      rules: [{ path: "count", trim: true }],
      expected: ["value count"],
    },
    {
      name: "a rule can set nan unequal for one path",
      oldValue: { a: Number.NaN, b: Number.NaN },
      newValue: { a: Number.NaN, b: Number.NaN },
      rules: [{ path: "a", nan: "unequal" }],
      expected: ["value a"],
    },
    {
      name: "a rule can set signedZero for one path",
      oldValue: { a: -0, b: -0 },
      newValue: { a: 0, b: 0 },
      rules: [{ path: "a", signedZero: true }],
      expected: ["value a"],
    },
    {
      name: "a rule can loosen number types for one path",
      oldValue: json('{"a": 1, "b": 1}'),
      newValue: json('{"a": 1.0, "b": 1.0}'),
      rules: [{ path: "a", numberTypes: "loose" }],
      expected: ["type b"],
    },
    {
      name: "a rule can trim strings for one path",
      oldValue: { a: " x", b: " x" },
      newValue: { a: "x", b: "x" },
      rules: [{ path: "a", trim: true }],
      expected: ["value b"],
    },
  ];
  for (const testCase of cases) it(testCase.name, () => expectCase(testCase));

  it("applies a **.ts rule under thousands of distinct keys", () => {
    const oldValue = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, { ts: i, v: i }]));
    const newValue = Object.fromEntries(
      Array.from({ length: 5000 }, (_, i) => [`k${i}`, { ts: i + 1, v: i }]),
    );
    const result = compare(oldValue, newValue, [{ path: "**.ts", ignore: true }]);
    expect(result.differences).toEqual([]);
  });
});
