import { afterAll, describe, expect, it } from "vitest";
import { loadSample } from "../../../src/inputs/sample.ts";
import { twinrunErrorOf } from "../../helpers/twinrun-error.ts";
import { createTempFiles, fixturePath, makeRequest } from "./sample-request.ts";

const files = createTempFiles();
afterAll(() => files.remove());

async function readAll(path: string, overrides: Partial<Parameters<typeof makeRequest>[0]> = {}) {
  return loadSample(makeRequest({ path, strategy: "all", ...overrides }));
}

describe("CSV input sources", () => {
  it("parses quotes, embedded commas and newlines, empty cells, and exact numbers", async () => {
    const sample = await readAll(fixturePath("quoted.csv"));
    expect(sample.records).toEqual([
      {
        index: 0,
        line: 2,
        text: '{"id":12345678901234567890,"name":"Smith, Jane","amount":1.50,"note":"line one\\nline two","flag":"true"}',
      },
      { index: 1, line: 4, text: '{"id":2,"name":"plain","amount":0.5,"note":null,"flag":"false"}' },
      { index: 2, line: 5, text: '{"id":"003","name":"say \\"hi\\"","amount":-7,"note":"NaN","flag":"inf"}' },
    ]);
    for (const record of sample.records) expect(() => JSON.parse(record.text)).not.toThrow();
    expect(sample.identity.format).toBe("csv");
  });

  it("keeps every cell as text with csvStrings", async () => {
    const sample = await readAll(fixturePath("quoted.csv"), { csvStrings: true });
    expect(sample.records[1].text).toBe('{"id":"2","name":"plain","amount":".5","note":"","flag":"false"}');
  });

  it("handles \\r\\n endings, blank lines and quoted \\r\\n with correct start lines", async () => {
    const sample = await readAll(fixturePath("crlf.csv"));
    expect(sample.records.map(({ line, text }) => [line, text])).toEqual([
      [2, '{"id":1,"v":"a"}'],
      [4, '{"id":2,"v":"b\\r\\nc"}'],
      [6, '{"id":3,"v":"d"}'],
    ]);
  });

  it("fails on a row with the wrong number of fields, naming file and line", async () => {
    const path = fixturePath("bad-columns.csv");
    const error = await twinrunErrorOf(readAll(path));
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.message).toContain(`${path}:3: expected 2 fields (as in the header), found 1`);
    expect(error.message).toContain("--on-bad-input skip");
  });

  it("skips rows with the wrong number of fields when asked", async () => {
    const sample = await readAll(fixturePath("bad-columns.csv"), { onBadInput: "skip" });
    expect(sample.identity.skipped).toBe(2);
    expect(sample.records.map(({ index, line, text }) => [index, line, text])).toEqual([
      [0, 2, '{"a":1,"b":2}'],
      [1, 4, '{"a":4,"b":5}'],
    ]);
  });

  it("fails on broken quoting even in skip mode, since later rows cannot be located", async () => {
    const path = files.write("unclosed.csv", 'a,b\n1,2\n3,"open\n4,5\n');
    const error = await twinrunErrorOf(readAll(path, { onBadInput: "skip" }));
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.message).toContain(`${path}:3: a quoted field opened in this record is never closed`);
  });

  it("fails on a stray quote inside a quoted field, naming its line", async () => {
    const path = files.write("stray.csv", 'a,b\n1,2\n"x"y,3\n');
    const error = await twinrunErrorOf(readAll(path));
    expect(error.message).toContain(`${path}:3: broken CSV quoting`);
  });

  it("rejects a header that names a field twice", async () => {
    const path = files.write("dup.csv", "a,b,a\n1,2,3\n");
    const error = await twinrunErrorOf(readAll(path));
    expect(error.message).toContain(`${path}:1: the CSV header names the field "a" twice`);
  });

  it("treats a header-only file as holding no records", async () => {
    const path = files.write("header-only.csv", "a,b\n");
    const error = await twinrunErrorOf(readAll(path));
    expect(error.message).toContain("holds no records");
  });

  it("drops a byte order mark from the first header name", async () => {
    const path = files.write("bom.csv", "\uFEFFa,b\n1,2\n");
    expect((await readAll(path)).records[0].text).toBe('{"a":1,"b":2}');
  });

  it("keeps multi-byte text whole across tiny chunks and hashes the file", async () => {
    const text = 'name,n\nüñï✓,1\n"😀,x",2\n';
    const path = files.write("utf8.csv", text);
    const whole = await readAll(path);
    const chunked = await loadSample(makeRequest({ path, strategy: "all" }), { chunkBytes: 1 });
    expect(chunked.records).toEqual(whole.records);
    expect(chunked.records[1].text).toBe('{"name":"😀,x","n":2}');
    expect(chunked.identity.sha256).toBe(whole.identity.sha256);
  });

  it("samples CSV rows like any other source", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `${i},${i % 3}`);
    const path = files.write("many.csv", `i,g\n${rows.join("\n")}\n`);
    const sample = await loadSample(makeRequest({ path, size: 10, seed: 4 }));
    expect(sample.records).toHaveLength(10);
    for (const record of sample.records) {
      expect(record.text).toBe(`{"i":${record.index},"g":${record.index % 3}}`);
      expect(record.line).toBe(record.index + 2);
    }
  });
});
