import { describe, expect, it } from "vitest";
import { splitJsonObject } from "../../../src/table/json-object-members.ts";

describe("splitJsonObject", () => {
  it.each([
    ["an empty object", " {} ", []],
    [
      "number tokens exactly as written",
      '{"a":1.50,"b": 1e-3 ,"c":12345678901234567890}',
      [
        ["a", "1.50"],
        ["b", "1e-3"],
        ["c", "12345678901234567890"],
      ],
    ],
    [
      "special number tokens",
      '{"a":NaN,"b":-Infinity}',
      [
        ["a", "NaN"],
        ["b", "-Infinity"],
      ],
    ],
    [
      "strings with commas, braces and escaped quotes",
      '{"s":"a,}\\"]","t":"x"}',
      [
        ["s", '"a,}\\"]"'],
        ["t", '"x"'],
      ],
    ],
    [
      "nested containers whole",
      '{"o":{"k":[1,{"z":2}]},"n":null}',
      [
        ["o", '{"k":[1,{"z":2}]}'],
        ["n", "null"],
      ],
    ],
    ["escaped keys decoded", '{"a\\u0062":true}', [["ab", "true"]]],
    [
      "duplicate keys as they appear",
      '{"a":1,"a":2}',
      [
        ["a", "1"],
        ["a", "2"],
      ],
    ],
  ])("splits %s", (_name, text, expected) => {
    const members = splitJsonObject(text);
    expect(members?.map(({ key, valueText }) => [key, valueText])).toEqual(expected);
  });

  it.each([["[1,2]"], ['"text"'], ["3"], ["null"]])(
    "returns undefined for %s, which is no object",
    (text) => {
      expect(splitJsonObject(text)).toBeUndefined();
    },
  );

  it.each([['{"a" 1}'], ['{"a":1'], ['{"a":}'], ['{"a":1} x'], ["{a:1}"], ['{"a":"open}']])(
    "throws on %s",
    (text) => {
      expect(() => splitJsonObject(text)).toThrow(SyntaxError);
    },
  );
});
