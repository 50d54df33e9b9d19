import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLossless } from "../../../src/json/parse.ts";
import { stringifyLossless } from "../../../src/json/stringify.ts";
import { IntegralFloat } from "../../../src/json/values.ts";
import { losslessValue } from "./lossless-arbitrary.ts";

describe("stringifyLossless", () => {
  const cases: Array<{ name: string; value: unknown; text: string }> = [
    { name: "a bigint as its digits", value: 9007199254740993n, text: "9007199254740993" },
    { name: "an integral float with .0", value: new IntegralFloat(1), text: "1.0" },
    { name: "an integral -0.0", value: new IntegralFloat(-0), text: "-0.0" },
    { name: "a huge integral float in exponent form", value: new IntegralFloat(1e21), text: "1e+21" },
    { name: "NaN as a token", value: Number.NaN, text: "NaN" },
    { name: "Infinity as a token", value: Number.POSITIVE_INFINITY, text: "Infinity" },
    { name: "-Infinity as a token", value: Number.NEGATIVE_INFINITY, text: "-Infinity" },
    { name: "an integer -0 as -0", value: -0, text: "-0" },
    { name: "a huge plain integer as digits", value: 1e21, text: "1000000000000000000000" },
    { name: "a fraction as the shortest round-trip", value: 0.1, text: "0.1" },
    {
      name: "keys in insertion order",
      value: { b: 1, a: [true, null, "x"] },
      text: '{"b":1,"a":[true,null,"x"]}',
    },
    { name: "undefined members left out", value: { a: undefined, b: 1 }, text: '{"b":1}' },
    { name: "undefined elements as null", value: [undefined, 1], text: "[null,1]" },
    { name: "empty containers", value: { a: {}, b: [] }, text: '{"a":{},"b":[]}' },
  ];
  for (const { name, value, text } of cases)
    it(`writes ${name}`, () => expect(stringifyLossless(value)).toBe(text));

  it("indents like JSON.stringify", () => {
    const value = { a: [1, { b: 2 }], c: {}, d: [] };
    expect(stringifyLossless(value, 2)).toBe(JSON.stringify(value, null, 2));
    expect(stringifyLossless(value, "\t")).toBe(JSON.stringify(value, null, "\t"));
  });

  it("pretty-prints a 100,000-deep value in linear size, indenting the first 64 levels", () => {
    const depth = 100_000;
    const value = parseLossless(`${"[".repeat(depth)}1${"]".repeat(depth)}`);
    const text = stringifyLossless(value, 2);
    expect(text.length).toBeLessThan(depth * 2 + 64 * 64 * 2 + 1000);
    expect(stringifyLossless(parseLossless(text))).toBe(stringifyLossless(value));
    expect(text.startsWith("[\n  [\n    [")).toBe(true);
  });

  it("keeps a __proto__ key", () => {
    expect(stringifyLossless(parseLossless('{"__proto__":1.0}'))).toBe('{"__proto__":1.0}');
  });

  it("writes nesting 100,000 deep without overflowing the stack", () => {
    const depth = 100_000;
    const text = `${"[".repeat(depth)}NaN${"]".repeat(depth)}`;
    expect(stringifyLossless(parseLossless(text))).toBe(text);
  });

  it("re-parses to the same lossless value", () => {
    fc.assert(
      fc.property(losslessValue, (value) => {
        const text = stringifyLossless(value);
        expect(parseLossless(text)).toEqual(value);
        expect(stringifyLossless(parseLossless(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
