import { describe, expect, it } from "vitest";
import { PathPatternError, parsePathPattern } from "../../../src/compare/path-pattern.ts";
import { foldPath, formatPath, type PathSegment } from "../../../src/compare/paths.ts";
import { IntegralFloat } from "../../../src/json/values.ts";

describe("formatPath", () => {
  it.each<[string, PathSegment[]]>([
    ["$", []],
    ["a", ["a"]],
    ["[0]", [0]],
    ["a.b[3].c", ["a", "b", 3, "c"]],
    ['["a key"]', ["a key"]],
    ['a["x.y"][0]', ["a", "x.y", 0]],
    ['["quote\\"d"]', ['quote"d']],
    ['[""]["1a"]._ok.$id', ["", "1a", "_ok", "$id"]],
    ["items[id=42].score", ["items", { keyName: "id", keyValue: 42 }, "score"]],
    ['items[id="a]b"]', ["items", { keyName: "id", keyValue: "a]b" }]],
    ['items["my key"=9007199254740993]', ["items", { keyName: "my key", keyValue: 9007199254740993n }]],
    ['m[k={"a":[1.0,NaN]}]', ["m", { keyName: "k", keyValue: { a: [new IntegralFloat(1), Number.NaN] } }]],
  ])("writes %s", (path, segments) => {
    expect(formatPath(segments)).toBe(path);
  });
});

describe("foldPath", () => {
  it.each([
    ["$", "$"],
    ["a.b", "a.b"],
    ["rows[3].score", "rows[*].score"],
    ["[0][12]", "[*][*]"],
    ['rows[0]["a key"][7]', 'rows[*]["a key"][*]'],
    ['m["x]y"][2]', 'm["x]y"][*]'],
    ["items[id=42].score", "items[*].score"],
    ['items[id="a]b"].score', "items[*].score"],
    ['items["my key"=3]', "items[*]"],
    ['m[k={"a":"]"}].x', "m[*].x"],
  ])("folds %s to %s", (path, folded) => {
    expect(foldPath(path)).toBe(folded);
  });
});

describe("parsePathPattern", () => {
  it.each([
    ["$", []],
    ["**", [{ type: "deep" }]],
    [
      "a.b",
      [
        { type: "key", key: "a" },
        { type: "key", key: "b" },
      ],
    ],
    ["$.a", [{ type: "key", key: "a" }]],
    ["$[0]", [{ type: "index", index: 0 }]],
    ["a.*", [{ type: "key", key: "a" }, { type: "anyKey" }]],
    ["a.**", [{ type: "key", key: "a" }, { type: "deep" }]],
    ["**.ts", [{ type: "deep" }, { type: "key", key: "ts" }]],
    ["emb[*]", [{ type: "key", key: "emb" }, { type: "anyIndex" }]],
    ["rows[*].score", [{ type: "key", key: "rows" }, { type: "anyIndex" }, { type: "key", key: "score" }]],
    [
      "rows[3]",
      [
        { type: "key", key: "rows" },
        { type: "index", index: 3 },
      ],
    ],
    ['["a.b"]', [{ type: "key", key: "a.b" }]],
    [
      'm["x y"].z',
      [
        { type: "key", key: "m" },
        { type: "key", key: "x y" },
        { type: "key", key: "z" },
      ],
    ],
    [
      "feature-1.p_50",
      [
        { type: "key", key: "feature-1" },
        { type: "key", key: "p_50" },
      ],
    ],
  ])("reads %s", (pattern, segments) => {
    expect(parsePathPattern(pattern)).toEqual(segments);
  });

  it.each([
    ["", "empty pattern"],
    ["a..b", `expected a key, got '.' (quote odd keys as ["a key"]) at position 2`],
    ["a.", "expected a key after '.' at position 2"],
    ["$.", "expected a key after '.' at position 2"],
    [".a", `expected a key, got '.' (quote odd keys as ["a key"]) at position 0`],
    ["a[x]", 'expected [<index>], [*] or ["key"] at position 1'],
    ["a[1", 'expected [<index>], [*] or ["key"] at position 1'],
    ["feat_*", "'*' must be a whole segment"],
    ["a.***", "'*' must be a whole segment"],
    ["a b", "quote keys with spaces"],
    ["a[0]b", "unexpected 'b' (expected '.' or '[') at position 4"],
    ["$a", "expected '.' or '[' after '$'"],
  ])("rejects %s: %s", (pattern, message) => {
    expect(() => parsePathPattern(pattern)).toThrow(PathPatternError);
    expect(() => parsePathPattern(pattern)).toThrow(message);
  });
});
