import { afterAll, describe, expect, it } from "vitest";
import { loadSample } from "../../../src/inputs/sample.ts";
import { twinrunErrorOf } from "../../helpers/twinrun-error.ts";
import { createTempFiles, fixturePath, makeRequest } from "./sample-request.ts";

const files = createTempFiles();
afterAll(() => files.remove());

describe("JSONL input sources", () => {
  it("passes each line on byte for byte (big ints, 1.0, spaces, NaN tokens)", async () => {
    const sample = await loadSample(makeRequest({ path: fixturePath("exact.jsonl"), strategy: "all" }));
    expect(sample.records).toEqual([
      { index: 0, line: 1, text: '{"id": 12345678901234567890, "x": 1.0,   "y" : 3.0 }' },
      { index: 1, line: 3, text: '{"score": NaN, "lo": -Infinity, "hi": Infinity}' },
      { index: 2, line: 5, text: '[1, 2.50, "tab\\there", "héllo ✓"]' },
      { index: 3, line: 6, text: '"just a string"' },
    ]);
    expect(sample.identity.totalRecords).toBe(4);
  });

  it("strips \\r\\n endings and skips blank lines", async () => {
    const sample = await loadSample(makeRequest({ path: fixturePath("crlf.jsonl"), strategy: "all" }));
    expect(sample.records.map(({ line, text }) => [line, text])).toEqual([
      [1, '{"a":1}'],
      [2, '{"a":2.0}'],
      [4, '{"a":"three"}'],
    ]);
  });

  it("reads .ndjson as JSONL", async () => {
    const path = files.write("events.ndjson", '{"e":1}\n{"e":2}\n');
    const sample = await loadSample(makeRequest({ path, strategy: "all" }));
    expect(sample.identity.format).toBe("jsonl");
    expect(sample.identity.totalRecords).toBe(2);
  });

  it("fails on the first malformed line, naming file and line and the skip option", async () => {
    const path = fixturePath("malformed.jsonl");
    const error = await twinrunErrorOf(loadSample(makeRequest({ path, strategy: "all" })));
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:3: `));
    expect(error.message).toContain('{\\"a\\": oops}');
    expect(error.message).toContain("--on-bad-input skip");
  });

  it("skips malformed lines when asked, counting them and indexing only valid records", async () => {
    const path = fixturePath("malformed.jsonl");
    const sample = await loadSample(makeRequest({ path, strategy: "all", onBadInput: "skip" }));
    expect(sample.identity.skipped).toBe(2);
    expect(sample.identity.totalRecords).toBe(4);
    expect(sample.records.map(({ index, line, text }) => [index, line, text])).toEqual([
      [0, 1, '{"a":1}'],
      [1, 2, '{"a":2}'],
      [2, 4, '{"a":4}'],
      [3, 6, '{"a":6}'],
    ]);
  });

  it.each([
    ["two values on one line", '{"a":1} {"b":2}'],
    ["a trailing comma", '{"a":1,}'],
    ["a single-quoted string", "{'a':1}"],
    ["a bare word", "hello"],
  ])("treats %s as malformed", async (_name, line) => {
    const path = files.write("one-bad.jsonl", `{"ok":1}\n${line}\n`);
    const error = await twinrunErrorOf(loadSample(makeRequest({ path, strategy: "all" })));
    expect(error.message).toContain(`${path}:2:`);
  });

  it("rejects a line that is not UTF-8", async () => {
    const path = files.write("latin1.jsonl", Buffer.from([0x22, 0x63, 0x61, 0x66, 0xe9, 0x22, 0x0a]));
    const error = await twinrunErrorOf(loadSample(makeRequest({ path, strategy: "all" })));
    expect(error.message).toContain(`${path}:1: the line is not valid UTF-8`);
  });

  it("is an error when no valid record remains", async () => {
    const path = files.write("blank.jsonl", "\n\n  \n");
    const error = await twinrunErrorOf(loadSample(makeRequest({ path })));
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.message).toContain("holds no records");
  });

  it("names a missing file with INPUT_NOT_FOUND", async () => {
    const path = fixturePath("does-not-exist.jsonl");
    const error = await twinrunErrorOf(loadSample(makeRequest({ path })));
    expect(error.code).toBe("INPUT_NOT_FOUND");
    expect(error.message).toContain(path);
  });

  it("rejects an unknown extension before touching the file", async () => {
    const error = await twinrunErrorOf(loadSample(makeRequest({ path: "nowhere/data.xlsx" })));
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.message).toContain("nowhere/data.xlsx");
  });

  it("reads a file with another extension when the format is given", async () => {
    const path = files.write("dump.txt", '{"a":1}\n');
    const sample = await loadSample(makeRequest({ path, format: "jsonl", strategy: "all" }));
    expect(sample.records[0].text).toBe('{"a":1}');
  });

  it("keeps sampled records exact across tiny read chunks", async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `{"n": ${i}.0, "s": "ü✓${i}"}`);
    const path = files.write("chunks.jsonl", `${lines.join("\r\n")}\r\n`);
    const sample = await loadSample(makeRequest({ path, strategy: "all" }), { chunkBytes: 3 });
    expect(sample.records.map((record) => record.text)).toEqual(lines);
  });
});
