import { describe, expect, it } from "vitest";
import { matchesWholePath, parseDifferencePath } from "../../../src/accept/match-path.ts";
import { parsePathPattern } from "../../../src/compare/path-pattern.ts";

describe("parseDifferencePath", () => {
  it.each([
    ["$", []],
    ["a", [{ type: "key", key: "a" }]],
    [
      "a.b[3].c",
      [
        { type: "key", key: "a" },
        { type: "key", key: "b" },
        { type: "index", index: 3 },
        { type: "key", key: "c" },
      ],
    ],
    [
      'rows["odd key"]',
      [
        { type: "key", key: "rows" },
        { type: "key", key: "odd key" },
      ],
    ],
    [
      'items[id="x]y"].score',
      [{ type: "key", key: "items" }, { type: "element" }, { type: "key", key: "score" }],
    ],
    ["rows[*].score", [{ type: "key", key: "rows" }, { type: "element" }, { type: "key", key: "score" }]],
  ])("reads %s", (text, expected) => {
    expect(parseDifferencePath(text)).toEqual(expected);
  });
});

describe("matchesWholePath", () => {
  it.each([
    { pattern: "age_bucket", path: "age_bucket", expected: true },
    { pattern: "age_bucket", path: "age", expected: false },
    {
      pattern: "features",
      path: "features.age",
      expected: false,
      why: "an entry never reaches below its node",
    },
    { pattern: "features.**", path: "features.age", expected: true },
    { pattern: "features.**", path: "features", expected: true },
    { pattern: "features.**", path: "features.a.b[2]", expected: true },
    { pattern: "features.*", path: "features.age", expected: true },
    { pattern: "features.*", path: "features.a.b", expected: false },
    { pattern: "**.score", path: "rows[4].score", expected: true },
    { pattern: "**.score", path: "score", expected: true },
    { pattern: "rows[*].score", path: "rows[4].score", expected: true },
    { pattern: "rows[*].score", path: "rows[id=42].score", expected: true },
    { pattern: "rows[*].score", path: "rows.x.score", expected: false },
    { pattern: "rows[4].score", path: "rows[4].score", expected: true },
    { pattern: "rows[4].score", path: "rows[5].score", expected: false },
    { pattern: "$", path: "$", expected: true },
    { pattern: "$", path: "a", expected: false },
    { pattern: "**", path: "$", expected: true },
    { pattern: '["odd.key"]', path: '["odd.key"]', expected: true },
    { pattern: "emb[*]", path: "emb[0]", expected: true },
    { pattern: "emb[*]", path: "emb", expected: false },
  ])("$pattern against $path is $expected", ({ pattern, path, expected }) => {
    expect(matchesWholePath(parsePathPattern(pattern), parseDifferencePath(path))).toBe(expected);
  });
});
