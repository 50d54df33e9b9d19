import { afterAll, describe, expect, it } from "vitest";
import { loadSample } from "../../../src/inputs/sample.ts";
import { twinrunErrorOf } from "../../helpers/twinrun-error.ts";
import { createTempFiles, fixturePath, makeRequest } from "./sample-request.ts";

const files = createTempFiles();
afterAll(() => files.remove());

describe("JSON array input sources", () => {
  it("passes each element's own text, trimmed, never re-serialised", async () => {
    const sample = await loadSample(makeRequest({ path: fixturePath("records.json"), strategy: "all" }));
    expect(sample.records).toEqual([
      { index: 0, line: 2, text: '{"id": 12345678901234567890, "x": 1.0, "nested": {"z": [1, 2.50]}}' },
      { index: 1, line: 3, text: '{\n    "id": 2,\n    "x": 3\n  }' },
      { index: 2, line: 7, text: '"a string with ] and , inside"' },
      { index: 3, line: 7, text: "17" },
    ]);
    expect(sample.identity.format).toBe("json");
  });

  it.each([
    ["numbers beyond the double range", "1e400", "[1e400, -2E+400]"],
    ["more digits than a double keeps", "0.1000000000000000000000001", "[0.1000000000000000000000001]"],
    ["a 30-digit integer", "123456789012345678901234567890", "[123456789012345678901234567890]"],
    ["Infinity and NaN tokens", '{"v": Infinity, "w": NaN}', '[{"v": Infinity, "w": NaN}]'],
    ["keys in their order", '{"z": 1, "a": 2}', '[ {"z": 1, "a": 2} ]'],
  ])("keeps %s as written", async (_name, first, content) => {
    const path = files.write("exact.json", content);
    const sample = await loadSample(makeRequest({ path, strategy: "all" }));
    expect(sample.records[0].text).toBe(first);
  });

  it("fails on a malformed element naming its line, or skips it when asked", async () => {
    const path = files.write("bad-element.json", '[\n{"a": 1},\n{a: 2},\n{"a": 3}\n]\n');
    const error = await twinrunErrorOf(loadSample(makeRequest({ path, strategy: "all" })));
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.message).toContain(`${path}:3: the array element is not one JSON value`);
    const sample = await loadSample(makeRequest({ path, strategy: "all", onBadInput: "skip" }));
    expect(sample.identity.skipped).toBe(1);
    expect(sample.records.map(({ index, line }) => [index, line])).toEqual([
      [0, 2],
      [1, 4],
    ]);
  });

  it.each([
    ["a document that is not an array", '{"a": 1}', 1, "expected the file to hold one JSON array"],
    ["an array that is never closed", '[\n{"a": 1},\n', 1, "the JSON array opened here is never closed"],
  ])("fails on %s even in skip mode", async (_name, content, line, message) => {
    const path = files.write("broken.json", content);
    const error = await twinrunErrorOf(
      loadSample(makeRequest({ path, strategy: "all", onBadInput: "skip" })),
    );
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.message).toContain(`${path}:${line}: ${message}`);
  });

  it("accepts NaN and Infinity tokens in elements", async () => {
    const path = files.write("nan.json", '[{"v": NaN}, {"v": -Infinity}]');
    const sample = await loadSample(makeRequest({ path, strategy: "all" }));
    expect(sample.records.map((record) => record.text)).toEqual(['{"v": NaN}', '{"v": -Infinity}']);
  });
});
