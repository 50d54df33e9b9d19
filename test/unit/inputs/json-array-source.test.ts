import { afterAll, describe, expect, it } from "vitest";
import { loadSample } from "../../../src/inputs/sample.ts";
import { twinrunErrorOf } from "../../helpers/twinrun-error.ts";
import { createTempFiles, fixturePath, makeRequest } from "./sample-request.ts";

const files = createTempFiles();
afterAll(() => files.remove());

describe("JSON array input sources", () => {
  it("serialises each element once, compactly, keeping big ints and 1.0 exact (2.50 is the number 2.5)", async () => {
    const sample = await loadSample(makeRequest({ path: fixturePath("records.json"), strategy: "all" }));
    expect(sample.records).toEqual([
      { index: 0, line: 2, text: '{"id":12345678901234567890,"x":1.0,"nested":{"z":[1,2.5]}}' },
      { index: 1, line: 3, text: '{"id":2,"x":3}' },
      { index: 2, line: 7, text: '"a string with ] and , inside"' },
      { index: 3, line: 7, text: "17" },
    ]);
    expect(sample.identity.format).toBe("json");
  });

  it("keeps key order as written", async () => {
    const path = files.write("order.json", '[{"z": 1, "a": 2, "m": {"y": 0, "b": 1}}]');
    const sample = await loadSample(makeRequest({ path, strategy: "all" }));
    expect(sample.records[0].text).toBe('{"z":1,"a":2,"m":{"y":0,"b":1}}');
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
    expect(sample.records.map((record) => record.text)).toEqual(['{"v":NaN}', '{"v":-Infinity}']);
  });
});
