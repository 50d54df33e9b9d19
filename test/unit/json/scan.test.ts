import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLosslessSlow } from "../../../src/json/lossless-parser.ts";
import { needsLosslessParse } from "../../../src/json/scan.ts";

describe("needsLosslessParse", () => {
  it.each([
    { text: "NaN", needs: true },
    { text: "[-Infinity]", needs: true },
    { text: "1.0", needs: true },
    { text: "-0.0", needs: true },
    { text: "1e3", needs: true },
    { text: "1.5E+1", needs: true },
    { text: "1.0000000000000001", needs: true },
    { text: "0.99999999999999999", needs: true },
    { text: "1234567890123456.99", needs: true },
    { text: "123456789012345.99", needs: true }, // the nearest double is 123456789012345.98
    { text: "1e400", needs: true },
    { text: "1e-400", needs: true },
    { text: "1.5e-300", needs: false },
    { text: "9007199254740992", needs: true },
    { text: "-9007199254740993", needs: true },
    { text: "9007199254740991", needs: false },
    { text: "-9007199254740991", needs: false },
    { text: "0.5", needs: false },
    { text: "0.30000000000000004", needs: false },
    { text: "1e-7", needs: false },
    { text: "-1.5e-300", needs: false },
    { text: "12345678901234.5", needs: false },
    { text: '{"s": "NaN 1.0 1e3 9007199254740993", "n": 2}', needs: false },
    { text: '{"s": "a \\"quoted\\" NaN \\\\", "n": 0.25}', needs: false },
    { text: '{"s": "escaped quote \\" then 1.0"}', needs: false },
    { text: '{"s": "a backslash \\\\"} 1.0', needs: true },
    { text: '"unterminated', needs: true },
  ])("says $needs for $text", ({ text, needs }) => {
    expect(needsLosslessParse(text)).toBe(needs);
  });

  const numberTokens = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => String(value)),
    fc
      .tuple(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e20, max: 1e20 }),
        fc.integer({ min: 0, max: 20 }),
      )
      .map(([value, digits]) => value.toFixed(digits)),
    fc
      .tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 }))
      .map(([value, digits]) => value.toExponential(digits)),
    fc
      .tuple(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.stringMatching(/^[09]{0,22}$/),
        fc.stringMatching(/^[0-9]{0,3}$/),
      )
      .map(([whole, run, tail]) => `${whole}.${run}${tail === "" && run === "" ? "0" : tail}`),
    fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((value) => value.toString()),
  );

  it("never lets a lossy number token through to JSON.parse", () => {
    const seen = { fast: 0, slow: 0 };
    fc.assert(
      fc.property(numberTokens, (token) => {
        if (needsLosslessParse(token)) {
          seen.slow++;
        } else {
          seen.fast++;
          expect(parseLosslessSlow(token)).toBe(JSON.parse(token));
        }
      }),
      { numRuns: 3000 },
    );
    expect(seen.fast).toBeGreaterThan(300);
    expect(seen.slow).toBeGreaterThan(300);
  });
});
