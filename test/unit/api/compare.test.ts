// compare(): the comparator on values in memory, with the config's compare settings.
import { describe, expect, it } from "vitest";
import { TwinrunError } from "../../../src/errors.ts";
import { compare } from "../../../src/index.ts";

describe("compare", () => {
  it.each([
    {
      name: "float noise within the default tolerance",
      oldValue: { y: 0.1 + 0.2 },
      newValue: { y: 0.3 },
      equal: true,
    },
    { name: "a real numeric change", oldValue: { y: 1 }, newValue: { y: 1.5 }, equal: false },
    {
      name: "a Set in another insertion order",
      oldValue: new Set([3, 1, 2]),
      newValue: new Set([1, 2, 3]),
      equal: true,
    },
    {
      name: "a Map with the same entries",
      oldValue: new Map([
        ["a", 1],
        ["b", 2],
      ]),
      newValue: new Map([
        ["b", 2],
        ["a", 1],
      ]),
      equal: true,
    },
    { name: "a Date one millisecond later", oldValue: new Date(0), newValue: new Date(1), equal: false },
    { name: "a BigInt beyond 2^53 off by one", oldValue: 2n ** 60n, newValue: 2n ** 60n + 1n, equal: false },
    { name: "null against a missing key", oldValue: { a: null }, newValue: {}, equal: false },
  ])("says $name is equal: $equal", ({ oldValue, newValue, equal }) => {
    expect(compare(oldValue, newValue).equal).toBe(equal);
  });

  it("returns every difference with path, kind and errors", () => {
    const result = compare({ score: 1, tags: ["a"] }, { score: 1.5, tags: ["a", "b"] });
    expect(result.truncated).toBe(false);
    expect(result.differences).toEqual([
      { path: "score", kind: "value", old: 1, new: 1.5, abs: 0.5, rel: 0.5 / 1.5 },
      { path: "tags", kind: "length", old: 1, new: 2 },
      { path: "tags[1]", kind: "added", new: "b" },
    ]);
  });

  it("applies the config's compare settings: tolerance, exact and path rules", () => {
    expect(compare({ y: 1 }, { y: 1.001 }, { tolerance: { rel: 0.01 } }).equal).toBe(true);
    expect(compare({ y: 0.1 + 0.2 }, { y: 0.3 }, { exact: true }).equal).toBe(false);
    expect(
      compare({ tags: ["b", "a"] }, { tags: ["a", "b"] }, { rules: [{ path: "tags", unordered: true }] })
        .equal,
    ).toBe(true);
  });

  it("rejects a misspelt setting with the config's own message", () => {
    const attempt = () => compare(1, 1, { toleranse: { rel: 1 } } as never);
    expect(attempt).toThrow(TwinrunError);
    expect(attempt).toThrow(/^compare options: compare\.toleranse: unknown key.*"tolerance"/);
  });
});
