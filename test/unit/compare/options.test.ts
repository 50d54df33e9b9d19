import { describe, expect, it } from "vitest";
import { createComparator } from "../../../src/compare/comparator.ts";
import { resolveCompareOptions } from "../../../src/compare/options.ts";
import type { CompareOptions, CompareRule } from "../../../src/compare/types.ts";
import { TwinrunError } from "../../../src/errors.ts";

function errorOf(partial: Partial<CompareOptions>): TwinrunError {
  try {
    resolveCompareOptions(partial);
  } catch (error) {
    if (error instanceof TwinrunError) return error;
    throw error;
  }
  throw new Error("expected resolveCompareOptions to throw");
}

describe("resolveCompareOptions", () => {
  it("fills every default", () => {
    expect(resolveCompareOptions()).toEqual({
      tolerance: { abs: 1e-12, rel: 1e-9 },
      nan: "equal",
      signedZero: false,
      numberTypes: "strict",
      nullEqualsMissing: false,
      failureMessage: "match",
      rules: [],
      maxDifferencesPerTrial: 1000,
    });
  });

  it("keeps the default fields of a partial tolerance and freezes the result", () => {
    const options = resolveCompareOptions({ tolerance: { abs: 1e-6 } as CompareOptions["tolerance"] });
    expect(options.tolerance).toEqual({ abs: 1e-6, rel: 1e-9 });
    expect(Object.isFrozen(options)).toBe(true);
    expect(Object.isFrozen(options.rules)).toBe(true);
  });

  const invalid = [
    {
      name: "a bad pattern, naming the rule index and the pattern",
      partial: { rules: [{ path: "a" }, { path: "a..b" }] },
      message: `compare.rules[1].path: invalid pattern: expected a key, got '.' (quote odd keys as ["a key"]) at position 2 of "a..b"`,
    },
    {
      name: "an unknown rule key, with a suggestion",
      partial: { rules: [{ path: "a", tolerence: { abs: 1 } } as unknown as CompareRule] },
      message: 'compare.rules[0]: unknown key "tolerence" (did you mean "tolerance"?)',
    },
    {
      name: "a rule without a path",
      partial: { rules: [{ ignore: true } as unknown as CompareRule] },
      message: "compare.rules[0].path: expected a path pattern string, got nothing",
    },
    {
      name: "a negative tolerance",
      partial: { rules: [{ path: "a", tolerance: { rel: -1 } }] },
      message: "compare.rules[0].tolerance.rel: expected a number >= 0, got -1",
    },
    {
      name: "a fractional ulps",
      partial: { rules: [{ path: "a", tolerance: { ulps: 1.5 } }] },
      message: "compare.rules[0].tolerance.ulps: expected a whole number >= 0, got 1.5",
    },
    {
      name: "an unordered key that is not a string",
      partial: { rules: [{ path: "a", unordered: { key: 3 } } as unknown as CompareRule] },
      message: 'compare.rules[0].unordered: expected true, false or {key: "<field>"}, got {"key":3}',
    },
    {
      name: "a bad nan policy",
      partial: { nan: "same" as CompareOptions["nan"] },
      message: 'compare.nan: expected "equal" or "unequal", got "same"',
    },
    {
      name: "a non-boolean rule flag",
      partial: { rules: [{ path: "a", ignore: "yes" } as unknown as CompareRule] },
      message: 'compare.rules[0].ignore: expected true or false, got "yes"',
    },
    {
      name: "a zero difference cap",
      partial: { maxDifferencesPerTrial: 0 },
      message: "compare.maxDifferencesPerTrial: expected a whole number of at least 1, got 0",
    },
  ];
  it.each(invalid.map((testCase) => [testCase.name, testCase] as const))(
    "rejects %s",
    (_, { partial, message }) => {
      const error = errorOf(partial as Partial<CompareOptions>);
      expect(error.code).toBe("CONFIG_INVALID");
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain(message);
    },
  );
});

describe("createComparator", () => {
  it("rejects a bad pattern in unresolved options with the same config error", () => {
    const options = { ...resolveCompareOptions(), rules: [{ path: "x[" }] };
    expect(() => createComparator(options)).toThrow(TwinrunError);
    expect(() => createComparator(options)).toThrow("compare.rules[0].path: invalid pattern");
  });
});
