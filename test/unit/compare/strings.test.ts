import { describe, expect, it } from "vitest";
import { type CompareCase, compare, expectCase, json } from "./compare-case.ts";

describe("comparing strings", () => {
  const cases: CompareCase[] = [
    { name: "identical strings are equal", oldValue: "abc", newValue: "abc", expected: [] },
    { name: "strings are exact by default", oldValue: "abc", newValue: "abc ", expected: ["value $"] },
    { name: "case matters by default", oldValue: "Paris", newValue: "paris", expected: ["value $"] },
    {
      name: "trim ignores surrounding whitespace",
      oldValue: " abc\n",
      newValue: "abc",
      rules: [{ path: "$", trim: true }],
      expected: [],
    },
    {
      name: "trim keeps inner whitespace",
      oldValue: "a b",
      newValue: "a  b",
      rules: [{ path: "$", trim: true }],
      expected: ["value $"],
    },
    {
      name: "caseInsensitive ignores case",
      oldValue: "Paris",
      newValue: "PARIS",
      rules: [{ path: "$", caseInsensitive: true }],
      expected: [],
    },
    {
      name: "caseInsensitive still sees other changes",
      oldValue: "Paris",
      newValue: "Pariss",
      rules: [{ path: "$", caseInsensitive: true }],
      expected: ["value $"],
    },
    {
      name: "composed and decomposed forms differ by default",
      oldValue: "caf\u00e9",
      newValue: "cafe\u0301",
      expected: ["value $"],
    },
    {
      name: "unicode NFC makes composed and decomposed equal",
      oldValue: "caf\u00e9",
      newValue: "cafe\u0301",
      rules: [{ path: "$", unicode: "NFC" }],
      expected: [],
    },
    {
      name: "a number vs a numeric string is a type change",
      oldValue: 7,
      newValue: "7",
      expected: ["type $"],
    },
    {
      name: "numericStrings reads the string as a number",
      oldValue: 7,
      newValue: "7",
      rules: [{ path: "$", numericStrings: true }],
      expected: [],
    },
    {
      name: "numericStrings compares under tolerance",
      oldValue: "0.1",
      newValue: 0.1000000000001,
      rules: [{ path: "$", numericStrings: true }],
      expected: [],
    },
    {
      name: "numericStrings still sees a real change",
      oldValue: "0.1",
      newValue: 0.2,
      rules: [{ path: "$", numericStrings: true }],
      expected: ["value $"],
    },
    {
      name: "numericStrings compares two numeric strings as numbers",
      oldValue: "3.10",
      newValue: "3.1",
      rules: [{ path: "$", numericStrings: true }],
      expected: [],
    },
    {
      name: "numericStrings reads NaN and inf spellings",
      oldValue: "nan",
      newValue: Number.NaN,
      rules: [{ path: "$", numericStrings: true }],
      expected: [],
    },
    {
      name: "numericStrings has no int/float type check",
      oldValue: "1.0",
      newValue: json("1"),
      rules: [{ path: "$", numericStrings: true }],
      expected: [],
    },
    {
      name: "numericStrings leaves a non-numeric string a type change",
      oldValue: 7,
      newValue: "seven",
      rules: [{ path: "$", numericStrings: true }],
      expected: ["type $"],
    },
    {
      name: "numericStrings keeps integers exact",
      oldValue: "1000000000001",
      newValue: 1000000000000,
      rules: [{ path: "$", numericStrings: true }],
      expected: ["value $"],
    },
  ];
  for (const testCase of cases) it(testCase.name, () => expectCase(testCase));

  it("reports the raw strings, and abs/rel for numeric strings", () => {
    expect(compare("a", "b").differences[0]).toEqual({ path: "$", kind: "value", old: "a", new: "b" });
    const [difference] = compare("1.5", 2, [{ path: "$", numericStrings: true }]).differences;
    expect(difference).toEqual({ path: "$", kind: "value", old: "1.5", new: 2, abs: 0.5, rel: 0.25 });
  });
});
