import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binUpperBound, doubleSql } from "../../../../src/table/engine/bin-bounds.ts";

/** The bin rule as the comparator states it: at most the edge, or within tolerance of it. */
function inBin(value: number, edge: number, abs: number, rel: number): boolean {
  return (
    value <= edge || Math.abs(value - edge) <= Math.max(abs, rel * Math.max(Math.abs(value), Math.abs(edge)))
  );
}

function nextUp(value: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigInt64(0);
  if (value === 0) return Number.MIN_VALUE;
  view.setBigInt64(0, value > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

describe("binUpperBound", () => {
  it("is the edge itself without tolerance", () => {
    expect(binUpperBound(2.5, { abs: 0, rel: 0 })).toBe(2.5);
    expect(binUpperBound(-3, { abs: 0, rel: 0 })).toBe(-3);
  });

  it("reaches the absolute tolerance above the edge", () => {
    const bound = binUpperBound(1, { abs: 0.5, rel: 0 });
    expect(bound).toBe(1.5);
  });

  it("is Infinity when a relative tolerance of 1 or more takes in every value", () => {
    expect(binUpperBound(5, { abs: 0, rel: 1 })).toBe(Number.POSITIVE_INFINITY);
  });

  it("is the largest double in the bin, for any edge and tolerance", () => {
    const edge = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 });
    const tolerance = fc.constantFrom(0, 1e-12, 1e-9, 1e-6, 0.01, 0.5);
    fc.assert(
      fc.property(edge, tolerance, tolerance, (e, abs, rel) => {
        const bound = binUpperBound(e, { abs, rel });
        expect(inBin(bound, e, abs, rel)).toBe(true);
        expect(inBin(nextUp(bound), e, abs, rel)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("doubleSql", () => {
  it("writes a double with an exponent, so SQL reads the same double", () => {
    expect(doubleSql(0.1)).toBe("1e-1");
    expect(doubleSql(0.30000000000000004)).toBe("3.0000000000000004e-1");
    expect(doubleSql(Number.POSITIVE_INFINITY)).toBe("'Infinity'::DOUBLE");
  });
});
