// The Python worker protocol's wire format, the dataframe style's batches, and how their tables
// are matched: by position, or by key columns (one or several) with the user's rules still applying.
import { describe, expect, it } from "vitest";
import { batchRecords } from "../../../../adapters/python/dataframe.ts";
import { decodeMessage, encodeCall } from "../../../../adapters/python/protocol.ts";
import { LineReader } from "../../../../adapters/shared/line-reader.ts";
import type { Outcome } from "../../../../adapters/types.ts";
import { DEFAULT_COMPARE_OPTIONS } from "../../../../src/compare/types.ts";
import { DataframeTables } from "../../../../src/table/dataframe-tables.ts";

describe("the worker protocol", () => {
  it("inlines the input text unchanged in a call line, folding raw line breaks", () => {
    expect(encodeCall(7, '{"id":1e400,"f":1.0}')).toBe(
      '{"id":7,"type":"call","input":{"id":1e400,"f":1.0}}\n',
    );
    expect(encodeCall(1, '{"a":\n1}')).toBe('{"id":1,"type":"call","input":{"a": 1}}\n');
  });

  it.each([
    ['{"id":3,"type":"result","output":{"x":1.0}}', { type: "result", id: 3, outputText: '{"x":1.0}' }],
    [
      '{"id":3,"type":"result","output":12345678901234567890}',
      { type: "result", id: 3, outputText: "12345678901234567890" },
    ],
    ['{"type":"ready","pid":42,"python":"3.11.2"}', { type: "ready", pid: 42, python: "3.11.2" }],
    [
      '{"id":2,"type":"error","errorType":"KeyError","message":"\'x\'","traceback":"T","stderr":"S"}',
      { type: "error", id: 2, errorType: "KeyError", message: "'x'", traceback: "T", stderr: "S" },
    ],
    ['{"id":"2","type":"error"}', { type: "garbage", line: '{"id":"2","type":"error"}' }],
    ["progress: 50%", { type: "garbage", line: "progress: 50%" }],
  ])("decodes %s", (line, message) => {
    expect(decodeMessage(line)).toEqual(message);
  });

  it("splits lines across chunks, including a line much longer than any chunk", () => {
    const lines: string[] = [];
    const splitter = new LineReader((line) => lines.push(line));
    const long = "x".repeat(100_000);
    splitter.push("ab");
    splitter.push("c\r\nde");
    for (let i = 0; i < long.length; i += 1000) splitter.push(long.slice(i, i + 1000));
    splitter.push("\n\nlast");
    expect(lines).toEqual(["abc", `de${long}`, ""]);
  });
});

describe("the dataframe style's batches", () => {
  const records = [0, 1, 2, 3, 4].map((i) => ({ index: i * 2, line: i + 1, text: `{"id":${i}}` }));

  it.each([
    [undefined, ['[{"id":0},{"id":1},{"id":2},{"id":3},{"id":4}]']],
    [2, ['[{"id":0},{"id":1}]', '[{"id":2},{"id":3}]', '[{"id":4}]']],
    [10, ['[{"id":0},{"id":1},{"id":2},{"id":3},{"id":4}]']],
  ])("with batchSize %s joins the records' exact texts into JSON arrays", (batchSize, texts) => {
    const batches = batchRecords(records, batchSize);
    expect(batches.map((batch) => batch.text)).toEqual(texts);
    expect(batches[0]).toMatchObject({ index: 0, line: 1 });
  });

  it("identifies a batch by its first record", () => {
    expect(batchRecords(records, 2).map((batch) => batch.index)).toEqual([0, 4, 8]);
  });
});

describe("the dataframe style's tables", () => {
  type Row = Record<string, unknown>;
  const oldRows: Row[] = [
    { id: 1, region: "north", month: 1, total: 10, score: 0.1 },
    { id: 2, region: "south", month: 1, total: 20, score: 0.2 },
    { id: 3, region: "north", month: 2, total: 30, score: 0.3 },
  ];
  // The same rows in reverse order, each with another score.
  const newRows = [...oldRows].reverse().map((row) => ({ ...row, score: (row.score as number) + 1 }));
  const tableOf = (rows: Row[]): Outcome => ({
    status: "ok",
    text: JSON.stringify({ columns: Object.keys(rows[0]), dtypes: {}, rows }),
    durationMs: 1,
  });

  it.each([
    [undefined, 2],
    [["id"], 0],
    [["region", "month"], 0],
  ])("with key %j finds %i changed rows, the user's ignore rule still applying", async (key, changed) => {
    const tables = new DataframeTables({
      compare: { ...DEFAULT_COMPARE_OPTIONS, rules: [{ path: "score", ignore: true }] },
      match: key === undefined ? { by: "position" } : { by: "key", key },
      columnOrder: false,
      maxExamples: 10,
      memoryLimit: "256MB",
    });
    const [oldOutcome, newOutcome] = [tableOf(oldRows), tableOf(newRows)];
    const comparison = tables.compareBatch(oldOutcome, newOutcome);
    tables.add({ index: 0, inputText: "[]", old: oldOutcome, new: newOutcome, comparison });
    const { aggregate, table } = await tables.finish();
    expect(aggregate.summary).toMatchObject({ trials: 3, changed });
    expect(table.rows).toMatchObject({ matched: 3, onlyOld: 0, onlyNew: 0 });
    expect(table.columns.find((stats) => stats.column === "score")).toMatchObject({
      ignored: true,
      changed: 0,
    });
  });
});
