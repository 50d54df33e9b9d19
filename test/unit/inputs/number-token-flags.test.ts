import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BIG_INTEGER_TOKEN,
  createNumberTokenFlags,
  INTEGRAL_FLOAT_TOKEN,
  PLAIN_TOKEN,
  scanNumberTokenFlags,
} from "../../../src/inputs/number-token-flags.ts";

/** The obvious definition: every token converted with Number() and judged by its value. */
function flagsByConversion(text: string): number[] {
  const flags: number[] = [];
  for (const match of text.matchAll(/"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*/g)) {
    const token = match[0];
    if (token.startsWith('"')) continue;
    const value = Number(token);
    if (/[.eE]/.test(token)) flags.push(Number.isInteger(value) ? INTEGRAL_FLOAT_TOKEN : PLAIN_TOKEN);
    else flags.push(Number.isSafeInteger(value) ? PLAIN_TOKEN : BIG_INTEGER_TOKEN);
  }
  return flags;
}

function scan(text: string): number[] {
  const result = scanNumberTokenFlags(text, createNumberTokenFlags());
  return [...result.flags.subarray(0, result.count)];
}

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(..."0123456789"), { minLength: min, maxLength: max }).map((d) => d.join(""));

/** JSON number tokens, biased to the hard cases: long digit runs, runs of 0 and 9, exponents. */
const numberToken: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.oneof(
      fc.constant("0"),
      fc.tuple(fc.constantFrom(..."123456789"), digits(0, 22)).map(([a, b]) => a + b),
    ),
    fc.option(
      fc.oneof(
        digits(1, 20),
        fc.integer({ min: 1, max: 20 }).map((n) => "9".repeat(n)),
        fc.integer({ min: 1, max: 20 }).map((n) => `${"0".repeat(n)}1`),
      ),
    ),
    fc.option(fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), digits(1, 3))),
  )
  .map(([negative, integer, fraction, exponent]) => {
    const sign = negative ? "-" : "";
    const point = fraction === null ? "" : `.${fraction}`;
    const power = exponent === null ? "" : exponent.join("");
    return `${sign}${integer}${point}${power}`;
  });

/** Strings that look like numbers or hold escaped quotes, which the scan must step over. */
const stringToken = fc.constantFrom('"1.0"', '"a\\"2.0"', '"\\\\"', '"12345678901234567890"', '"é 3"', '""');

describe("scanNumberTokenFlags", () => {
  it.each([
    ["1.0", [INTEGRAL_FLOAT_TOKEN]],
    ["1.5", [PLAIN_TOKEN]],
    ["2e3", [INTEGRAL_FLOAT_TOKEN]],
    ["9007199254740993", [BIG_INTEGER_TOKEN]],
    ["-9007199254740991", [PLAIN_TOKEN]],
    ["9007199254740991", [PLAIN_TOKEN]],
    ["9007199254740992", [BIG_INTEGER_TOKEN]],
    ["-9007199254740992", [BIG_INTEGER_TOKEN]],
    ["8999999999999999", [PLAIN_TOKEN]],
    ["9007199254740990.0", [INTEGRAL_FLOAT_TOKEN]],
    ["0.99999999999999999999", [INTEGRAL_FLOAT_TOKEN]],
    ["1e400", [PLAIN_TOKEN]],
    ['{"a": "1.0", "b": [3, 4.0]}', [PLAIN_TOKEN, INTEGRAL_FLOAT_TOKEN]],
  ])("flags %s", (text, expected) => {
    expect(scan(text)).toEqual(expected);
  });

  it("says whether any token is lossy", () => {
    const flags = createNumberTokenFlags();
    expect(scanNumberTokenFlags('{"a": 1, "b": 2.5}', flags).lossy).toBe(false);
    expect(scanNumberTokenFlags('{"a": 1, "b": 2.0}', flags).lossy).toBe(true);
  });

  it("notices object keys made of digits, which JS orders before the others", () => {
    const flags = createNumberTokenFlags();
    expect(scanNumberTokenFlags('{"b": 1.0, "12" : 2}', flags).numericKey).toBe(true);
    expect(scanNumberTokenFlags('{"b": "12", "c": ["34"], "5x": 1}', flags).numericKey).toBe(false);
    expect(scanNumberTokenFlags('{"a": "x\\"12\\": 1"}', flags).numericKey).toBe(false);
  });

  it("grows its buffer past 64 tokens and resets between lines", () => {
    const flags = createNumberTokenFlags();
    const many = `[${Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? "1.0" : "1")).join(",")}]`;
    expect(scanNumberTokenFlags(many, flags).count).toBe(200);
    expect(scanNumberTokenFlags("[7]", flags).count).toBe(1);
    expect(flags.lossy).toBe(false);
  });

  it("agrees with converting every token with Number()", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(numberToken, stringToken), { maxLength: 12 }), (tokens) => {
        const text = `[${tokens.join(", ")}]`;
        expect(scan(text)).toEqual(flagsByConversion(text));
      }),
      { numRuns: 2000 },
    );
  });
});
