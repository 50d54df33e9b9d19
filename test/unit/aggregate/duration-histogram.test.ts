import { describe, expect, it } from "vitest";
import { DurationHistogram } from "../../../src/aggregate/duration-histogram.ts";

describe("DurationHistogram", () => {
  it("gives p50 and p95 within 2% of the exact quantiles", () => {
    const histogram = new DurationHistogram();
    const values = Array.from({ length: 10_000 }, (_, i) => 1 + i / 100); // 1 .. 100.99 ms
    for (const value of values) histogram.add(value);
    expect(histogram.quantile(0.5)).toBeGreaterThan(50.99 * 0.98);
    expect(histogram.quantile(0.5)).toBeLessThan(50.99 * 1.02);
    expect(histogram.quantile(0.95)).toBeGreaterThan(95.99 * 0.98);
    expect(histogram.quantile(0.95)).toBeLessThan(95.99 * 1.02);
  });

  it("sums the total exactly and reports 0 when empty", () => {
    const histogram = new DurationHistogram();
    expect(histogram.quantile(0.5)).toBe(0);
    histogram.add(1.5);
    histogram.add(2.5);
    expect(histogram.totalMs).toBe(4);
  });
});
