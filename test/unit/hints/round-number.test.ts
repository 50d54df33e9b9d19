import { describe, expect, it } from "vitest";
import { roundestAbove, roundestBelow } from "../../../src/hints/round-number.ts";

describe("roundestAbove (lo ≤ r < hi)", () => {
  it.each([
    { lo: 98_765, hi: 100_432, expected: 100_000 },
    { lo: 100_000, hi: 100_432, expected: 100_000 },
    { lo: -3, hi: 5, expected: 0 },
    { lo: 0.21, hi: 0.35, expected: 0.3 },
    { lo: 17, hi: 18, expected: 17 },
    { lo: 41.55, hi: 41.75, expected: 41.6 },
    { lo: -250, hi: -120, expected: -200 },
  ])("picks $expected in [$lo, $hi)", ({ lo, hi, expected }) => {
    expect(roundestAbove(lo, hi)).toBe(expected);
  });
});

describe("roundestBelow (lo < r ≤ hi)", () => {
  it.each([
    { lo: 59, hi: 61, expected: 60 },
    { lo: 99_999, hi: 100_000, expected: 100_000 },
    { lo: 17, hi: 18, expected: 18 },
  ])("picks $expected in ($lo, $hi]", ({ lo, hi, expected }) => {
    expect(roundestBelow(lo, hi)).toBe(expected);
  });
});
