// A side's profile against the engine's own aggregates, column by column: the quantiles read from
// the sorted numbers are quantile_cont's to the last bit, and the bins counted from them are the
// bins each value falls in by the rule (the first edge it is at most, or within tolerance of).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binUpperBound, doubleSql } from "../../../../src/table/engine/bin-bounds.ts";
import { loadTable } from "../../../../src/table/engine/load-table.ts";
import { DECILES, profileSide, SUMMARY_QUANTILES } from "../../../../src/table/engine/side-profiles.ts";
import { interpolate, quantileRanks } from "../../../../src/table/engine/sorted-numbers.ts";
import { type TableEngine, withTableEngine } from "../../../../src/table/engine/table-engine.ts";
import { distinctEdges } from "../../../../src/table/psi.ts";
import { createTempFiles } from "../table-files.ts";

const LEVELS = [...SUMMARY_QUANTILES, ...DECILES];

/** The engine's quantile_cont over a column's finite numbers. */
async function engineQuantiles(engine: TableEngine, table: string, cell: string): Promise<number[]> {
  const [[list]] = await engine.rows(
    `SELECT quantile_cont(v, [${LEVELS.map(doubleSql).join(", ")}]) FROM ` +
      `(SELECT TRY_CAST(${cell} AS DOUBLE) AS v FROM ${table}) WHERE isfinite(v)`,
  );
  return ((list as { items: unknown[] }).items ?? []).map(Number);
}

/** The bin each value falls in: the first edge it is at most, or within tolerance of. */
function binsByRule(values: number[], edges: number[], abs: number, rel: number): number[] {
  const counts = Array.from({ length: edges.length + 1 }, () => 0);
  for (const value of values) {
    const bin = edges.findIndex(
      (edge) =>
        value <= edge ||
        Math.abs(value - edge) <= Math.max(abs, rel * Math.max(Math.abs(value), Math.abs(edge))),
    );
    counts[bin === -1 ? edges.length : bin]++;
  }
  return counts;
}

const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.integer({ min: -50, max: 50 }),
  fc.constantFrom(0, 0.1, 0.2, 0.30000000000000004, 450.42, 1e300, -1e300, 5e-324),
);

describe("profileSide", () => {
  it("gives quantile_cont's quantiles and the rule's bins for any column of numbers", async () => {
    const files = createTempFiles();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(number, { minLength: 1, maxLength: 300 }),
        fc.constantFrom("csv", "jsonl") as fc.Arbitrary<"csv" | "jsonl">,
        fc.constantFrom(0, 1e-12, 0.01),
        fc.constantFrom(0, 1e-9, 0.05),
        async (values, format, abs, rel) => {
          const text =
            format === "csv"
              ? `v,label\n${values.map((value) => `${value},x`).join("\n")}\n`
              : `${values.map((value) => JSON.stringify({ v: value, label: "x" })).join("\n")}\n`;
          const file = files.write(`numbers-${run++}.${format}`, text);
          await withTableEngine({ memoryLimit: "256MB", threads: 2 }, async (engine) => {
            const table = await loadTable(engine, "old", file, format, false);
            const [profile, label] = await profileSide(engine, table, {
              deciles: true,
              binsOf: () => ({ tolerance: { abs, rel } }),
            });
            const expected = await engineQuantiles(engine, table.table, "c0");
            const numbers = profile.numbers;
            expect(numbers).toBeDefined();
            const { p1, p50, p99 } = numbers?.summary ?? {};
            expect([p1, p50, p99, ...(numbers?.deciles ?? [])]).toEqual(expected);
            const edges = distinctEdges(numbers?.deciles ?? []);
            expect(numbers?.bins?.edges).toEqual(edges);
            expect(numbers?.bins?.counts).toEqual(binsByRule(values.map(Number), edges, abs, rel));
            expect(label.numbers).toBeUndefined();
            expect(label.mask).toBe(4);
          });
        },
      ),
      { numRuns: 40 },
    );
    files.remove();
  });

  it("counts the new side's bins by the old side's edges", async () => {
    const files = createTempFiles();
    const file = files.write("new.csv", "v\n1\n2\n2\n3\n10\n\n2.0000000001\n");
    await withTableEngine({ memoryLimit: "256MB", threads: 1 }, async (engine) => {
      const table = await loadTable(engine, "new", file, "csv", false);
      const [profile] = await profileSide(engine, table, {
        deciles: false,
        binsOf: () => ({ edges: [2, 5], tolerance: { abs: 0, rel: 1e-9 } }),
      });
      expect(profile.numbers?.deciles).toBeUndefined();
      // 2.0000000001 is within 1e-9 of the edge 2, so it falls in that edge's bin.
      expect(profile.numbers?.bins).toEqual({ edges: [2, 5], counts: [4, 1, 1] });
      expect(profile.cells).toEqual({ present: 7, nullish: 1, valued: 6, finite: 6 });
    });
    files.remove();
  });
});

describe("quantileRanks and interpolate", () => {
  it("find the two values around rank (n − 1) · q and weigh them as quantile_cont does", () => {
    expect(quantileRanks(5, 0.5)).toEqual({ low: 2, high: 2, fraction: 0 });
    expect(quantileRanks(1_000_000, 0.9).low).toBe(899_999);
    // The engine weighs both ends: equal neighbours need not give back the same double.
    expect(interpolate(450.42, 450.42, quantileRanks(1_000_000, 0.9).fraction)).toBe(450.4200000000001);
    expect(binUpperBound(2, { abs: 0, rel: 0 })).toBe(2);
  });
});
