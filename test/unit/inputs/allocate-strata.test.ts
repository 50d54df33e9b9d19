import { describe, expect, it } from "vitest";
import { allocateStrata } from "../../../src/inputs/allocate-strata.ts";

describe("allocateStrata", () => {
  it.each([
    {
      name: "splits exactly proportional counts exactly",
      counts: [500, 300, 200],
      size: 10,
      expected: [5, 3, 2],
    },
    { name: "gives the leftover to the largest remainders", counts: [1, 1, 1], size: 2, expected: [1, 1, 0] },
    {
      name: "rounds 33.3/33.3/33.3 to a total of exactly n",
      counts: [100, 100, 100],
      size: 100,
      expected: [34, 33, 33],
    },
    { name: "takes everything when n ≥ the total", counts: [3, 2], size: 10, expected: [3, 2] },
    {
      name: "gives a tiny stratum one record when n ≥ strata",
      counts: [990, 5, 5],
      size: 10,
      expected: [8, 1, 1],
    },
    { name: "keeps proportions for a 90/10 split", counts: [900, 100], size: 50, expected: [45, 5] },
    { name: "handles a single stratum", counts: [1000], size: 7, expected: [7] },
  ])("$name", ({ counts, size, expected }) => {
    const allocation = allocateStrata(counts, size);
    expect(allocation).toEqual(expected);
    expect(allocation.reduce((a, b) => a + b, 0)).toBe(
      Math.min(
        size,
        counts.reduce((a, b) => a + b, 0),
      ),
    );
  });

  it("never allocates more than a stratum holds and always sums to n", () => {
    for (let trial = 0; trial < 200; trial += 1) {
      const counts = Array.from({ length: 1 + (trial % 7) }, (_, i) => 1 + ((trial * 31 + i * 17) % 50));
      const total = counts.reduce((a, b) => a + b, 0);
      const size = 1 + (trial % total);
      const allocation = allocateStrata(counts, size);
      expect(allocation.reduce((a, b) => a + b, 0)).toBe(size);
      allocation.forEach((n, i) => {
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(counts[i]);
        if (size >= counts.length) expect(n).toBeGreaterThanOrEqual(1);
      });
    }
  });

  it("computes shares exactly for counts whose products exceed 2^53", () => {
    const allocation = allocateStrata([3_000_000_000, 1_000_000_000], 4_000_000);
    expect(allocation).toEqual([3_000_000, 1_000_000]);
  });
});
