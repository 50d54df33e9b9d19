// Path rules on table columns inside the engine: key columns under a timestamps rule pair by
// instant, and under ignoreColumnCase a rule names its column whatever the case.
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { resolveCompareOptions } from "../../../../src/compare/options.ts";
import type { CompareRule } from "../../../../src/compare/types.ts";
import { compareTableFiles, type TableSide } from "../../../../src/table/compare-table-files.ts";
import { sqlString } from "../../../../src/table/engine/table-engine.ts";
import { createTempFiles } from "../table-files.ts";

const files = createTempFiles();
afterAll(() => files.remove());

async function writeParquet(name: string, select: string): Promise<string> {
  const path = files.write(name, "");
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${select}) TO ${sqlString(path)} (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return path;
}

function compare(
  oldSide: TableSide,
  newSide: TableSide,
  key: string[],
  rules: CompareRule[],
  ignoreColumnCase = false,
) {
  return compareTableFiles({
    old: oldSide,
    new: newSide,
    csvStrings: false,
    comparison: {
      compare: resolveCompareOptions({ rules }),
      match: { by: "key", key },
      columnOrder: false,
      maxExamples: 10,
      memoryLimit: "256MB",
      ...(ignoreColumnCase && { ignoreColumnCase: true }),
    },
  });
}

describe("key columns under a timestamps rule", () => {
  const csv = () => ({
    path: files.write("at.csv", "at,v\n2017-01-01,1\n2017-01-02 06:30:00,2\n2017-01-03T01:00:00+01:00,3\n"),
    format: "csv" as const,
  });

  it("pair CSV dates and date-times with a Parquet timestamp at the same instant", async () => {
    const parquet = await writeParquet(
      "at.parquet",
      "SELECT * FROM (VALUES (TIMESTAMP '2017-01-01 00:00:00', 1), (TIMESTAMP '2017-01-02 06:30:00', 2), " +
        "(TIMESTAMP '2017-01-03 00:00:00', 4)) t(\"at\", v)",
    );
    const { table, aggregate } = await compare(
      csv(),
      { path: parquet, format: "parquet" },
      ["at"],
      [{ path: "at", timestamps: true }],
    );
    expect(table.rows).toMatchObject({ matched: 3, onlyOld: 0, onlyNew: 0 });
    // The spellings differ on every row, but only v changed, on the third.
    expect(aggregate.paths.map((stats) => [stats.path, stats.changed])).toEqual([["v", 1]]);
  });

  it("pair a JSON date-time with its offset against the same instant in UTC, nanoseconds included", async () => {
    const oldPath = files.write(
      "old-at.jsonl",
      '{"at":"2017-01-01T00:00:00.000000001Z","v":1}\n{"at":"2017-01-01 12:00","v":2}\n',
    );
    const newPath = files.write(
      "new-at.jsonl",
      '{"at":"2017-01-01 13:00:00+01:00","v":2}\n{"at":"2017-01-01T00:00:00Z","v":1}\n',
    );
    const { table } = await compare(
      { path: oldPath, format: "jsonl" },
      { path: newPath, format: "jsonl" },
      ["at"],
      [{ path: "at", timestamps: true }],
    );
    // One nanosecond apart is another instant: that row is only in old and only in new.
    expect(table.rows).toMatchObject({ matched: 1, onlyOld: 1, onlyNew: 1 });
    expect(table.rows.onlyOldExamples).toEqual([{ line: 1, key: { at: "2017-01-01T00:00:00.000000001Z" } }]);
  });

  it("pair by text without the rule, and keep texts that name no instant as text", async () => {
    const oldPath = files.write("old-text.csv", "at,v\n2017-01-01,1\nsoon,2\n2017-02-30,3\n");
    const newPath = files.write("new-text.csv", "at,v\n2017-01-01 00:00:00,1\nsoon,2\n2017-02-30,3\n");
    const sides = [
      { path: oldPath, format: "csv" as const },
      { path: newPath, format: "csv" as const },
    ] as const;
    const byText = await compare(sides[0], sides[1], ["at"], []);
    expect(byText.table.rows).toMatchObject({ matched: 2, onlyOld: 1, onlyNew: 1 });
    const byInstant = await compare(sides[0], sides[1], ["at"], [{ path: "at", timestamps: true }]);
    expect(byInstant.table.rows).toMatchObject({ matched: 3, onlyOld: 0, onlyNew: 0 });
    expect(byInstant.aggregate.summary.changed).toBe(0);
  });
});

describe("column rules under ignoreColumnCase", () => {
  const oldPath = () =>
    files.write(
      "old-case.jsonl",
      '{"ID":1,"Score":0.5,"Tags":["a","b"],"Note":"x","At":"2017-01-01","Price":1.2345678}\n' +
        '{"ID":2,"Score":1.5,"Tags":["c"],"Note":"y","At":"2017-01-02","Price":2.5}\n',
    );
  // New spells every column in lower case, moves score by 0.25, reorders tags, changes note,
  // spells the dates as date-times, and rounds price to 6 significant digits.
  const newPath = () =>
    files.write(
      "new-case.jsonl",
      '{"id":2,"score":1.75,"tags":["c"],"note":"z","at":"2017-01-02 00:00:00","price":2.5}\n' +
        '{"id":1,"score":0.5,"tags":["b","a"],"note":"x","at":"2017-01-01T00:00:00Z","price":1.23457}\n',
    );
  const sides = () => [
    { path: oldPath(), format: "jsonl" as const },
    { path: newPath(), format: "jsonl" as const },
  ];
  const changedColumns = async (rules: CompareRule[], ignoreColumnCase: boolean) => {
    const [oldSide, newSide] = sides();
    const { aggregate } = await compare(oldSide, newSide, ["id"], rules, ignoreColumnCase);
    return aggregate.paths
      .filter((stats) => stats.changed > 0)
      .map((stats) => stats.path)
      .sort();
  };
  const rules: CompareRule[] = [
    { path: "score", tolerance: { abs: 0.5 } },
    { path: "TAGS", unordered: true },
    { path: "note", ignore: true },
    { path: "at", timestamps: true },
    { path: "PRICE", tolerance: { sig: 6 } },
  ];

  it("apply to the column whatever the case of the name they give", async () => {
    expect(await changedColumns([], true)).toEqual(["At", "Note", "Price", "Score", "Tags[*]"]);
    expect(await changedColumns(rules, true)).toEqual([]);
  });

  it("apply to a nested path under the column too", async () => {
    const oldNested = files.write("old-nested.jsonl", '{"id":1,"Features":{"x":1.0,"y":2.0}}\n');
    const newNested = files.write("new-nested.jsonl", '{"id":1,"features":{"x":1.1,"y":2.0}}\n');
    const { aggregate } = await compare(
      { path: oldNested, format: "jsonl" },
      { path: newNested, format: "jsonl" },
      ["id"],
      [{ path: "features.x", tolerance: { abs: 0.2 } }],
      true,
    );
    expect(aggregate.summary.changed).toBe(0);
  });

  it("stay case-sensitive without ignoreColumnCase", async () => {
    const oldStrict = files.write("old-strict.csv", "id,Score\n1,0.5\n");
    const newStrict = files.write("new-strict.csv", "id,Score\n1,0.75\n");
    const { aggregate } = await compare(
      { path: oldStrict, format: "csv" },
      { path: newStrict, format: "csv" },
      ["id"],
      [{ path: "score", tolerance: { abs: 0.5 } }],
    );
    expect(aggregate.paths.map((stats) => [stats.path, stats.changed])).toEqual([["Score", 1]]);
  });
});

describe("Parquet nanosecond timestamps", () => {
  it("keep their nanoseconds, before 1970 too, and compare as instants under the rule", async () => {
    const parquet = await writeParquet(
      "ns.parquet",
      "SELECT * FROM (VALUES (1, make_timestamp_ns(1483228800000000001::BIGINT)), " +
        '(2, make_timestamp_ns(-1::BIGINT)), (3, make_timestamp_ns(1483228800000000000::BIGINT))) t(id, "at")',
    );
    const jsonl = files.write(
      "ns.jsonl",
      '{"id":1,"at":"2017-01-01T00:00:00.000000001Z"}\n{"id":2,"at":"1969-12-31 23:59:59.999999999"}\n' +
        '{"id":3,"at":"2017-01-01"}\n',
    );
    const { aggregate } = await compare(
      { path: parquet, format: "parquet" },
      { path: jsonl, format: "jsonl" },
      ["id"],
      [{ path: "at", timestamps: true }],
    );
    expect(aggregate.summary.changed).toBe(0);
    const exact = await compare(
      { path: parquet, format: "parquet" },
      { path: parquet, format: "parquet" },
      ["id"],
      [],
    );
    expect(exact.aggregate.summary.changed).toBe(0);
  });
});
