import { afterAll, describe, expect, it } from "vitest";
import { TwinrunError } from "../../../src/errors.ts";
import { loadSample } from "../../../src/inputs/sample.ts";
import { createTempFiles, makeJsonl, makeRequest } from "./sample-request.ts";

const files = createTempFiles();
afterAll(() => files.remove());
const hundred = files.write("hundred.jsonl", makeJsonl(100));

async function indicesOf(overrides: Parameters<typeof makeRequest>[0]): Promise<number[]> {
  return (await loadSample(makeRequest(overrides))).identity.indices;
}

describe("loadSample strategies", () => {
  it("takes the first n records with strategy first", async () => {
    const sample = await loadSample(makeRequest({ path: hundred, strategy: "first", size: 3 }));
    expect(sample.identity.indices).toEqual([0, 1, 2]);
    expect(sample.records.map((record) => record.text)).toEqual(['{"i":0}', '{"i":1}', '{"i":2}']);
    expect(sample.records.map((record) => record.line)).toEqual([1, 2, 3]);
    expect(sample.identity.totalRecords).toBe(100);
  });

  it("takes every record with strategy all or size all", async () => {
    const all = Array.from({ length: 100 }, (_, i) => i);
    expect(await indicesOf({ path: hundred, strategy: "all" })).toEqual(all);
    const sample = await loadSample(makeRequest({ path: hundred, strategy: "random", size: "all" }));
    expect(sample.identity.indices).toEqual(all);
    expect(sample.identity.strategy).toBe("all");
  });

  it.each(["first", "random", "stratified"] as const)(
    "takes all records when n exceeds the record count (strategy %s)",
    async (strategy) => {
      const sample = await loadSample(makeRequest({ path: hundred, strategy, size: 500, stratifyBy: "i" }));
      expect(sample.identity.indices).toHaveLength(100);
      expect(sample.identity.size).toBe(100);
      expect(sample.identity.strategy).toBe(strategy);
    },
  );

  it("samples randomly, reproducibly, in ascending index order", async () => {
    const first = await indicesOf({ path: hundred, size: 10, seed: 1 });
    expect(first).toHaveLength(10);
    expect(new Set(first).size).toBe(10);
    expect(first).toEqual([...first].sort((a, b) => a - b));
    expect(await indicesOf({ path: hundred, size: 10, seed: 1 })).toEqual(first);
    expect(await indicesOf({ path: hundred, size: 10, seed: 2 })).not.toEqual(first);
  });

  it("returns records whose index, line and text agree", async () => {
    const sample = await loadSample(makeRequest({ path: hundred, size: 5, seed: 3 }));
    for (const record of sample.records) {
      expect(record.text).toBe(`{"i":${record.index}}`);
      expect(record.line).toBe(record.index + 1);
    }
  });

  it("fills the sample identity", async () => {
    const sample = await loadSample(makeRequest({ path: hundred, size: 4, seed: 9 }));
    expect(sample.identity).toMatchObject({
      source: hundred,
      format: "jsonl",
      strategy: "random",
      size: 4,
      seed: 9,
      totalRecords: 100,
      skipped: 0,
    });
    expect(sample.identity.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sample.identity).not.toHaveProperty("stratifyBy");
  });
});

describe("loadSample stratified", () => {
  // 80 "de", 15 "fr", 4 "it", 1 record without a country (the null stratum), interleaved.
  const countryOf = (i: number): string | undefined =>
    i % 20 === 7
      ? "fr"
      : i % 25 === 3
        ? "it"
        : i === 99
          ? undefined
          : i % 20 === 11 || i % 20 === 13
            ? "fr"
            : "de";
  const path = files.write(
    "countries.jsonl",
    makeJsonl(100, (i) => (countryOf(i) === undefined ? { i } : { i, country: countryOf(i) })),
  );

  function countsByCountry(indices: number[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const index of indices) {
      const key = countryOf(index) ?? "null";
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  it("allocates the sample proportionally, keeping every stratum", async () => {
    const totals = countsByCountry(Array.from({ length: 100 }, (_, i) => i));
    const sample = await loadSample(
      makeRequest({ path, strategy: "stratified", stratifyBy: "country", size: 20 }),
    );
    const counts = countsByCountry(sample.identity.indices);
    expect(sample.identity.size).toBe(20);
    for (const [country, total] of Object.entries(totals)) {
      expect(counts[country]).toBeGreaterThanOrEqual(1);
      expect(Math.abs(counts[country] - (20 * total) / 100)).toBeLessThanOrEqual(1);
    }
    expect(sample.identity).toMatchObject({ strategy: "stratified", stratifyBy: "country" });
  });

  it("is reproducible for a seed and varies with it", async () => {
    const request = { path, strategy: "stratified", stratifyBy: "country", size: 20 } as const;
    const first = await indicesOf({ ...request, seed: 5 });
    expect(await indicesOf({ ...request, seed: 5 })).toEqual(first);
    expect(await indicesOf({ ...request, seed: 6 })).not.toEqual(first);
    expect(first).toEqual([...first].sort((a, b) => a - b));
  });

  it('tells the string "1" and the number 1 apart but not 1 and 1.0', async () => {
    const mixed = files.write("mixed-types.jsonl", '{"k":1}\n{"k":"1"}\n{"k":1.0}\n{"k":1}\n');
    const sample = await loadSample(
      makeRequest({ path: mixed, strategy: "stratified", stratifyBy: "k", size: 2 }),
    );
    const texts = sample.records.map((record) => record.text);
    expect(texts).toContain('{"k":"1"}');
  });

  it("is a usage error without stratifyBy", async () => {
    await expect(loadSample(makeRequest({ path, strategy: "stratified", size: 5 }))).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof TwinrunError && error.code === "USAGE" && /stratify/.test(error.message),
    );
  });
});

describe("loadSample request checks", () => {
  it.each([
    ["a size of 0", { size: 0 }, /sample size/],
    ["a fractional size", { size: 2.5 }, /sample size/],
    ["a fractional seed", { seed: 0.5 }, /seed/],
    ["an unknown strategy", { strategy: "best" as never }, /strategy/],
    ["negative replay indices", { indices: [-1] }, /replay/],
    ["empty replay indices", { indices: [] }, /replay/],
  ])("rejects %s as a usage error", async (_name, overrides, message) => {
    await expect(loadSample(makeRequest({ path: hundred, ...overrides }))).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof TwinrunError && error.code === "USAGE" && message.test(error.message),
    );
  });
});
