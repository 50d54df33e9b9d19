import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { TwinrunError } from "../../../src/errors.ts";
import { assertSameSource, loadSample } from "../../../src/inputs/sample.ts";
import { createTempFiles, makeJsonl, makeRequest } from "./sample-request.ts";

const files = createTempFiles();
afterAll(() => files.remove());
const path = files.write("twenty.jsonl", makeJsonl(20));

describe("loadSample replay", () => {
  it("takes exactly the given indices, in ascending order, as strategy replay", async () => {
    const sample = await loadSample(
      makeRequest({ path, indices: [17, 2, 9, 2], size: 3, strategy: "first" }),
    );
    expect(sample.identity.indices).toEqual([2, 9, 17]);
    expect(sample.records.map((record) => record.text)).toEqual(['{"i":2}', '{"i":9}', '{"i":17}']);
    expect(sample.identity.strategy).toBe("replay");
    expect(sample.identity.size).toBe(3);
  });

  it("replays the records a random sample chose", async () => {
    const original = await loadSample(makeRequest({ path, size: 5, seed: 77 }));
    const replayed = await loadSample(makeRequest({ path, indices: original.identity.indices }));
    expect(replayed.records).toEqual(original.records);
  });

  it("names an index beyond the input source", async () => {
    await expect(loadSample(makeRequest({ path, indices: [3, 20] }))).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof TwinrunError &&
        error.code === "INPUT_INVALID" &&
        error.message.includes("index 20") &&
        error.message.includes("only 20") &&
        error.message.includes(path),
    );
  });
});

describe("assertSameSource", () => {
  it("accepts the sha256 the sample was taken from (as sha256sum prints it)", async () => {
    const sample = await loadSample(makeRequest({ path, size: 2 }));
    const expected = execFileSync("sha256sum", [path], { encoding: "utf8" }).split(" ")[0];
    expect(sample.identity.sha256).toBe(expected);
    expect(() => assertSameSource(sample.identity, expected)).not.toThrow();
  });

  it("explains that the input file changed since the report", async () => {
    const sample = await loadSample(makeRequest({ path, size: 2 }));
    const other = "0".repeat(64);
    expect(() => assertSameSource(sample.identity, other)).toThrow(TwinrunError);
    try {
      assertSameSource(sample.identity, other);
    } catch (error) {
      expect((error as TwinrunError).code).toBe("INPUT_INVALID");
      expect((error as TwinrunError).message).toMatch(/changed since the report/);
      expect((error as TwinrunError).message).toContain(path);
      expect((error as TwinrunError).message).toContain(other);
    }
  });
});
