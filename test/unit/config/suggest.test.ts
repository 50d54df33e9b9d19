import { describe, expect, it } from "vitest";
import { formatKeyPath, renderActualValue } from "../../../src/config/format-issues.ts";
import { suggestClosest } from "../../../src/config/suggest.ts";

const COMPARE_KEYS = ["tolerance", "exact", "nan", "signedZero", "numberTypes", "nullEqualsMissing", "rules"];

describe("suggestClosest", () => {
  it.each([
    ["toleranse", "tolerance"],
    ["tolerence", "tolerance"],
    ["rule", "rules"],
    ["signed_zero", "signedZero"],
    ["NumberTypes", "numberTypes"],
    ["nullEqualMissing", "nullEqualsMissing"],
    ["exatc", "exact"],
  ])("suggests for %j: %j", (word, expected) => {
    expect(suggestClosest(word, COMPARE_KEYS)).toBe(expected);
  });

  it.each(["colour", "x", "timeout"])("suggests nothing for the unrelated %j", (word) => {
    expect(suggestClosest(word, COMPARE_KEYS)).toBeUndefined();
  });
});

describe("formatKeyPath and renderActualValue", () => {
  it.each([
    [["compare", "tolerance", "rel"], "compare.tolerance.rel"],
    [["compare", "rules", 2, "path"], "compare.rules[2].path"],
    [["env", "MY-VAR"], 'env["MY-VAR"]'],
    [[], ""],
  ])("writes the key path %j as %j", (segments, expected) => {
    expect(formatKeyPath(segments)).toBe(expected);
  });

  it.each([
    ["1e-6x", '"1e-6x"'],
    [-1, "-1"],
    [Number.NaN, "NaN"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
    [undefined, "nothing"],
    [{ a: [1] }, '{"a":[1]}'],
    ["x".repeat(100), `"${"x".repeat(76)}...`],
  ])("renders the actual value %j as %s", (value, expected) => {
    expect(renderActualValue(value)).toBe(expected);
  });
});
