import { describe, expect, it } from "vitest";
import { createRandom } from "../../../src/inputs/random.ts";

function draws(seed: number, count: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.nextUint32());
}

describe("createRandom", () => {
  it("gives the same stream for the same seed", () => {
    expect(draws(7, 50)).toEqual(draws(7, 50));
  });

  it.each([
    [0, 1],
    [1, 2],
    [-1, 1],
    [2 ** 32, 0],
    [2 ** 40 + 5, 5],
  ])("gives different streams for seeds %d and %d", (a, b) => {
    expect(draws(a, 20)).not.toEqual(draws(b, 20));
  });

  it("keeps nextFloat in [0, 1) and nextInt in [0, bound)", () => {
    const random = createRandom(3);
    for (let i = 0; i < 10_000; i += 1) {
      const float = random.nextFloat();
      expect(float >= 0 && float < 1).toBe(true);
      const int = random.nextInt(7);
      expect(Number.isInteger(int) && int >= 0 && int < 7).toBe(true);
    }
  });

  it("spreads nextInt evenly over its range", () => {
    const random = createRandom(11);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i += 1) counts[random.nextInt(10)] += 1;
    const chiSquare = counts.reduce((sum, count) => sum + (count - 10_000) ** 2 / 10_000, 0);
    // 9 degrees of freedom: p = 0.001 critical value is 27.9.
    expect(chiSquare).toBeLessThan(27.9);
  });
});
