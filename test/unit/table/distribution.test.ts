import { describe, expect, it } from "vitest";
import { columnOfPath } from "../../../src/table/column-of.ts";
import { distinctEdges, populationStabilityIndex } from "../../../src/table/psi.ts";

describe("populationStabilityIndex", () => {
  it("is 0 for the same shares", () => {
    expect(populationStabilityIndex([10, 10, 10], [20, 20, 20])).toBe(0);
  });

  it("grows with the moved share", () => {
    const small = populationStabilityIndex([10, 10, 10, 10], [9, 10, 10, 11]) ?? 0;
    const large = populationStabilityIndex([10, 10, 10, 10], [0, 0, 10, 30]) ?? 0;
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThan(0.1);
    expect(large).toBeGreaterThan(0.25);
  });

  it("notices every value leaving a constant column's bin", () => {
    expect(populationStabilityIndex([4, 0], [0, 4])).toBeGreaterThan(1);
  });

  it("is null without values to bin", () => {
    expect(populationStabilityIndex([0, 0], [1, 0])).toBeNull();
  });
});

describe("distinctEdges", () => {
  it("keeps increasing deciles once", () => {
    expect(distinctEdges([1, 1, 2, 2, 2, 3, 5, 5, 9])).toEqual([1, 2, 3, 5, 9]);
  });
});

describe("columnOfPath", () => {
  it.each([
    ["score", "score"],
    ["features.x", "features"],
    ["tags[3]", "tags"],
    ['["unit price"]', "unit price"],
    ['["a.b"].c', "a.b"],
    ['["say \\"hi\\""]', 'say "hi"'],
    ["$", undefined],
  ])("maps %s to column %s", (path, column) => {
    expect(columnOfPath(path)).toBe(column);
  });
});
