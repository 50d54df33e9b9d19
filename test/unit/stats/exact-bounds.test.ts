import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  binomialCdf,
  binomialLower,
  binomialUpper,
  hypergeometricCdf,
  hypergeometricLower,
  hypergeometricUpper,
  sampleSizeFor,
} from "../../../src/stats/exact-bounds.ts";

// Exact references in rational arithmetic: BigInt binomial coefficients, no logs, no floats until the end.
function choose(a: number, b: number): bigint {
  if (b < 0 || b > a) return 0n;
  let result = 1n;
  for (let i = 1; i <= b; i += 1) result = (result * BigInt(a - b + i)) / BigInt(i);
  return result;
}

function exactHypergeometricCdf(x: number, population: number, changed: number, sample: number): number {
  let favourable = 0n;
  for (let k = 0; k <= x; k += 1) favourable += choose(changed, k) * choose(population - changed, sample - k);
  const total = choose(population, sample);
  // 1e15 fixed point keeps 15 digits of the ratio.
  return Number((favourable * 10n ** 15n) / total) / 1e15;
}

function exactUpper(x: number, population: number, sample: number, alpha: number): number {
  let upper = x;
  for (let changed = x; changed <= population - (sample - x); changed += 1) {
    if (exactHypergeometricCdf(x, population, changed, sample) > alpha) upper = changed;
  }
  return upper;
}

const smallCase = fc
  .record({
    population: fc.integer({ min: 1, max: 60 }),
    sampleShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .chain(({ population, sampleShare }) => {
    const sample = Math.max(1, Math.round(sampleShare * population));
    return fc.record({
      population: fc.constant(population),
      sample: fc.constant(sample),
      x: fc.integer({ min: 0, max: sample }),
    });
  });

describe("hypergeometric bounds", () => {
  it("computes the cdf as the exact rational sum does", () => {
    fc.assert(
      fc.property(
        smallCase,
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ population, sample, x }, share) => {
          const changed = Math.round(share * population);
          const expected = exactHypergeometricCdf(x, population, changed, sample);
          expect(hypergeometricCdf(x, population, changed, sample)).toBeCloseTo(expected, 9);
        },
      ),
    );
  });

  it("finds the largest count not ruled out, as an exhaustive search does", () => {
    fc.assert(
      fc.property(smallCase, ({ population, sample, x }) => {
        expect(hypergeometricUpper(x, population, sample, 0.05)).toBe(
          exactUpper(x, population, sample, 0.05),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("grows with the changed count, and never goes below the changed inputs the sample holds", () => {
    fc.assert(
      fc.property(smallCase, ({ population, sample, x }) => {
        const upper = hypergeometricUpper(x, population, sample, 0.025);
        const lower = hypergeometricLower(x, population, sample, 0.025);
        expect(lower).toBeGreaterThanOrEqual(x);
        expect(upper).toBeLessThanOrEqual(population - (sample - x));
        expect(lower).toBeLessThanOrEqual(upper);
        if (x < sample)
          expect(hypergeometricUpper(x + 1, population, sample, 0.025)).toBeGreaterThanOrEqual(upper);
      }),
    );
  });

  it("narrows as the sample grows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 5000 }),
        fc.integer({ min: 1, max: 400 }),
        (population, sample) => {
          const n = Math.min(sample, population - 1);
          expect(hypergeometricUpper(0, population, n + 1, 0.05)).toBeLessThanOrEqual(
            hypergeometricUpper(0, population, n, 0.05),
          );
        },
      ),
    );
  });

  it("states 0 of 500 sampled from 2,000 as at most 10 changed inputs", () => {
    // (1500·1499·…)/(2000·1999·…): 11 changed inputs leave a 4.2% chance of a clean sample, 10 a 5.6% one.
    expect(hypergeometricUpper(0, 2000, 500, 0.05)).toBe(10);
    expect(hypergeometricCdf(0, 2000, 11, 500)).toBeLessThanOrEqual(0.05);
    expect(hypergeometricCdf(0, 2000, 10, 500)).toBeGreaterThan(0.05);
  });

  it("knows every count exactly when the sample is the whole source (N = n)", () => {
    for (const x of [0, 1, 37, 100]) {
      expect(hypergeometricUpper(x, 100, 100, 0.025)).toBe(x);
      expect(hypergeometricLower(x, 100, 100, 0.025)).toBe(x);
    }
  });

  it("leaves everything possible when all of the sample changed (n of n)", () => {
    expect(hypergeometricUpper(50, 1000, 50, 0.05)).toBe(1000);
    expect(hypergeometricLower(50, 1000, 50, 0.05)).toBeGreaterThan(50);
  });

  it("tends to the binomial (Clopper–Pearson) bound as the population grows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 800 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const x = Math.round(share * n);
          const population = 1_000_000_000;
          const hyper = hypergeometricUpper(x, population, n, 0.025) / population;
          expect(Math.abs(hyper - binomialUpper(x, n, 0.025))).toBeLessThan(2e-4);
          const hyperLow = hypergeometricLower(x, population, n, 0.025) / population;
          expect(Math.abs(hyperLow - (x === 0 ? 0 : binomialLower(x, n, 0.025)))).toBeLessThan(2e-4);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("binomial bounds", () => {
  it("matches known Clopper–Pearson limits", () => {
    // R: binom.test(9, 500)$conf.int and 1 - 0.05^(1/500).
    expect(binomialLower(9, 500, 0.025)).toBeCloseTo(0.008262954, 8);
    expect(binomialUpper(9, 500, 0.025)).toBeCloseTo(0.033893696, 8);
    expect(binomialUpper(0, 500, 0.05)).toBeCloseTo(0.005973551516, 10);
    expect(binomialUpper(500, 500, 0.05)).toBe(1);
    expect(binomialLower(500, 500, 0.05)).toBeCloseTo(0.05 ** (1 / 500), 10);
  });

  it("puts exactly alpha below the upper limit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const x = Math.min(n - 1, Math.round(share * n));
          expect(binomialCdf(x, n, binomialUpper(x, n, 0.05))).toBeCloseTo(0.05, 9);
        },
      ),
    );
  });
});

describe("sample size for a target rate", () => {
  it("is the smallest clean sample that rules the target rate out", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 20_000 }),
        fc.integer({ min: 1, max: 50 }),
        (population, perMille) => {
          const rate = perMille / 1000;
          const n = sampleSizeFor(rate, 0.05, population);
          const targetCount = Math.max(1, Math.ceil(rate * population - 1e-9));
          // n rules out every rate of `rate` or more: the bound's count stays below ceil(rate·N); n - 1 does not.
          expect(hypergeometricUpper(0, population, n, 0.05)).toBeLessThan(targetCount);
          if (n > 1)
            expect(hypergeometricUpper(0, population, n - 1, 0.05)).toBeGreaterThanOrEqual(targetCount);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("needs 2,995 inputs for 0.1% of an unbounded source, and fewer of a small one", () => {
    expect(sampleSizeFor(0.001, 0.05)).toBe(2995);
    expect(sampleSizeFor(0.001, 0.05, 2000)).toBe(1553);
  });

  it("agrees with the bound where a clean sample's chance is alpha exactly (1 of 60, 57 sampled)", () => {
    const n = sampleSizeFor(0.001, 0.05, 60);
    expect(hypergeometricUpper(0, 60, n, 0.05)).toBe(0);
    expect(hypergeometricUpper(0, 60, n - 1, 0.05)).toBeGreaterThanOrEqual(1);
  });
});
