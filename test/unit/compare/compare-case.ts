// Table-driven comparator cases: {name, oldValue, newValue, rules, expected}, where expected lists
// differences as "<kind> <path>" (order-insensitive), e.g. ["value features.f1", "added tags[2]"].
import { expect } from "vitest";
import { createComparator } from "../../../src/compare/comparator.ts";
import { resolveCompareOptions } from "../../../src/compare/options.ts";
import type { CompareOptions, CompareResult, CompareRule } from "../../../src/compare/types.ts";
import { parseLossless } from "../../../src/json/parse.ts";

export interface CompareCase {
  name: string;
  oldValue: unknown;
  newValue: unknown;
  rules?: CompareRule[];
  options?: Partial<CompareOptions>;
  expected: string[];
}

/** Runs one comparison with resolved options. */
export function compare(
  oldValue: unknown,
  newValue: unknown,
  rules: CompareRule[] = [],
  options: Partial<CompareOptions> = {},
): CompareResult {
  return createComparator(resolveCompareOptions({ ...options, rules })).compareValues(oldValue, newValue);
}

/** The differences of a case as sorted "<kind> <path>" lines. */
export function summarize(result: CompareResult): string[] {
  return result.differences.map((difference) => `${difference.kind} ${difference.path}`).sort();
}

/** Why: tables read as data; this is the one assertion they share (in both directions where it must hold). */
export function expectCase(testCase: CompareCase): void {
  const result = compare(testCase.oldValue, testCase.newValue, testCase.rules, testCase.options);
  expect(summarize(result)).toEqual([...testCase.expected].sort());
}

/** Lossless JSON text as a value, for cases that need bigints, `1.0` or NaN. */
export const json = (text: string): unknown => parseLossless(text);
