import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLosslessSlow } from "../../../src/json/lossless-parser.ts";
import { parseLossless } from "../../../src/json/parse.ts";
import { stringifyLossless } from "../../../src/json/stringify.ts";
import { JsonSyntaxError } from "../../../src/json/syntax-error.ts";
import { DecimalFloat, IntegralFloat } from "../../../src/json/values.ts";

describe("parseLossless", () => {
  const values: Array<{ name: string; text: string; expected: unknown }> = [
    { name: "a safe integer stays a plain number", text: "42", expected: 42 },
    { name: "the largest safe integer stays a number", text: "9007199254740991", expected: 9007199254740991 },
    { name: "2^53 becomes a bigint", text: "9007199254740992", expected: 9007199254740992n },
    { name: "2^53 + 1 becomes a bigint", text: "9007199254740993", expected: 9007199254740993n },
    {
      name: "a negative unsafe integer becomes a bigint",
      text: "-12345678901234567890",
      expected: -12345678901234567890n,
    },
    { name: "1.0 is an integral float", text: "1.0", expected: new IntegralFloat(1) },
    { name: "-0.0 is an integral float", text: "-0.0", expected: new IntegralFloat(-0) },
    { name: "1e3 is an integral float", text: "1e3", expected: new IntegralFloat(1000) },
    { name: "2.5E1 is an integral float", text: "2.5E1", expected: new IntegralFloat(25) },
    {
      name: "a float with more digits than a double keeps stays its decimal",
      text: "1.0000000000000001",
      expected: new DecimalFloat("1.0000000000000001", false, 10000000000000001n, -16),
    },
    {
      name: "0.99999999999999999 stays its decimal (not an integral 1.0)",
      text: "0.99999999999999999",
      expected: new DecimalFloat("0.99999999999999999", false, 99999999999999999n, -17),
    },
    {
      name: "a float token that is an integral double is an integral float",
      text: "1.5e300",
      expected: new IntegralFloat(1.5e300),
    },
    { name: "a fraction stays a plain number", text: "0.30000000000000004", expected: 0.30000000000000004 },
    { name: "1e-7 stays a plain number", text: "1e-7", expected: 1e-7 },
    { name: "an integer -0 stays a plain -0", text: "-0", expected: -0 },
    { name: "NaN is read", text: "NaN", expected: Number.NaN },
    { name: "Infinity is read", text: "Infinity", expected: Number.POSITIVE_INFINITY },
    { name: "-Infinity is read", text: "-Infinity", expected: Number.NEGATIVE_INFINITY },
    {
      name: "an overflowing exponent keeps its decimal",
      text: "1e400",
      expected: new DecimalFloat("1e400", false, 1n, 400),
    },
    { name: "surrounding whitespace is allowed", text: " \t\n[1, 2]\r\n ", expected: [1, 2] },
    { name: "escapes are decoded", text: '"a\\"b\\\\c\\u0041\\n"', expected: 'a"b\\cA\n' },
  ];
  for (const { name, text, expected } of values)
    it(name, () => expect(parseLossless(text)).toEqual(expected));

  it("keeps 9007199254740993 distinct from 9007199254740992", () => {
    const value = parseLossless("[9007199254740993, 9007199254740992]") as bigint[];
    expect(value[0]).not.toBe(value[1]);
    expect(value[0] - value[1]).toBe(1n);
  });

  it("reads the lossy cases inside nested values", () => {
    const value = parseLossless(
      '{"id": 12345678901234567890, "x": [1.0, NaN, {"y": -Infinity}], "s": "NaN"}',
    );
    expect(value).toEqual({
      id: 12345678901234567890n,
      x: [new IntegralFloat(1), Number.NaN, { y: Number.NEGATIVE_INFINITY }],
      s: "NaN",
    });
  });

  it("keeps a __proto__ key as an own key, as JSON.parse does", () => {
    const value = parseLossless('{"__proto__": {"polluted": 1.0}}') as Record<string, unknown>;
    expect(Object.hasOwn(value, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("lets the last of duplicate keys win, as JSON.parse does", () => {
    expect(parseLossless('{"a": 1.0, "a": 2.0}')).toEqual({ a: new IntegralFloat(2) });
  });

  it("parses nesting 100,000 deep without overflowing the stack", () => {
    const depth = 100_000;
    let value = parseLossless(`${"[".repeat(depth)}1.0${"]".repeat(depth)}`);
    for (let level = 0; level < depth; level++) value = (value as unknown[])[0] as never;
    expect(value).toEqual(new IntegralFloat(1));
  });

  const syntaxErrors = [
    {
      name: "an unexpected letter",
      text: '{"a": x}',
      message: "unexpected token 'x' at position 6",
      position: 6,
    },
    { name: "trailing garbage", text: "[1] 2", message: "unexpected token '2' at position 4", position: 4 },
    {
      name: "an unclosed array",
      text: "[1, 2",
      message: "unexpected end of JSON at position 5",
      position: 5,
    },
    { name: "a trailing comma", text: "[1, ]", message: "unexpected token ']' at position 4", position: 4 },
    { name: "a missing colon", text: '{"a" 1}', message: "unexpected token '1' at position 5", position: 5 },
    { name: "a leading zero", text: "01", message: "unexpected token '1' at position 1", position: 1 },
    { name: "a bare minus", text: "-", message: "unexpected end of JSON at position 1", position: 1 },
    {
      name: "a dot without digits",
      text: "1.",
      message: "unexpected end of JSON at position 2",
      position: 2,
    },
    { name: "a misspelt NaN", text: "Nan", message: "unexpected token 'n' at position 2", position: 2 },
    {
      name: "a control character in a string",
      text: '"a\u0001"',
      message: "unexpected token '\\u0001' at position 2",
      position: 2,
    },
    { name: "a bad escape", text: '"\\x"', message: "unexpected token 'x' at position 2", position: 2 },
    {
      name: "an unterminated string",
      text: '["abc',
      message: "unterminated string starting at position 1",
      position: 1,
    },
    { name: "an empty text", text: "  ", message: "unexpected end of JSON at position 2", position: 2 },
    {
      name: "a single quote string",
      text: "'a'",
      message: "unexpected token ''' at position 0",
      position: 0,
    },
  ];
  it.each(syntaxErrors.map((testCase) => [testCase.name, testCase] as const))(
    "reports %s with its position",
    (_, { text, message, position }) => {
      let caught: unknown;
      try {
        parseLossless(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(JsonSyntaxError);
      expect((caught as JsonSyntaxError).message).toBe(message);
      expect((caught as JsonSyntaxError).position).toBe(position);
    },
  );

  it("gives the same value through the fast path as through the lossless parser", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(parseLossless(text)).toEqual(parseLosslessSlow(text));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with JSON.parse on every text JSON.parse reads losslessly", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const slow = parseLosslessSlow(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(slow, losslessReplacer)));
      }),
      { numRuns: 300 },
    );
  });
});

/** IntegralFloats and bigints back to the numbers JSON.parse would give, for the comparison above. */
function losslessReplacer(_key: string, value: unknown): unknown {
  if (value instanceof IntegralFloat) return value.value;
  if (typeof value === "bigint") return Number(value);
  return value;
}

describe("parseLossless: numbers a double cannot hold", () => {
  it.each([
    ["1e400", "1e400"],
    ["-2.5E+400", "-2.5E+400"],
    ["1e-400", "1e-400"],
    ["0.1000000000000000000000001", "0.1000000000000000000000001"],
  ])("keeps %s as a DecimalFloat that writes back as written", (text, written) => {
    const value = parseLossless(`[${text}]`) as unknown[];
    expect(value[0]).toBeInstanceOf(DecimalFloat);
    expect(stringifyLossless(value)).toBe(`[${written}]`);
  });

  it.each(["0.1", "0.30000000000000004", "1.5e-300", "123.456", "1e-7"])(
    "keeps %s a plain double (it holds it exactly)",
    (text) => {
      expect(typeof parseLossless(text)).toBe("number");
    },
  );
});
