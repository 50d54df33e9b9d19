import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { parquetWriteFile } from "hyparquet-writer";
import { afterAll, describe, expect, it } from "vitest";
import { IntegralFloat } from "../../../src/json/values.ts";
import { twinrunErrorOf } from "../../helpers/twinrun-error.ts";
import { createTempFiles, readAllRows } from "./table-files.ts";

const files = createTempFiles();
afterAll(() => files.remove());

function writeParquet(
  name: string,
  options: Omit<Parameters<typeof parquetWriteFile>[0], "filename">,
): string {
  const path = files.write(name, "");
  parquetWriteFile({ filename: path, ...options });
  return path;
}

describe("Parquet table reader", () => {
  it("maps values losslessly: ints, integral doubles, big INT64, strings, booleans, nulls", async () => {
    const path = writeParquet("basic.parquet", {
      columnData: [
        { name: "id", data: [1, 2, 3], type: "INT32" },
        { name: "score", data: [1.0, 2.5, null], type: "DOUBLE" },
        { name: "ratio", data: [3, 0.25, -0], type: "FLOAT" },
        { name: "name", data: ["a", null, "ü"], type: "STRING" },
        { name: "big", data: [9007199254740993n, 5n, null], type: "INT64" },
        { name: "flag", data: [true, false, null], type: "BOOLEAN" },
      ],
    });
    const { summary, rows } = await readAllRows(path, "parquet");
    expect(summary.columns).toEqual(["id", "score", "ratio", "name", "big", "flag"]);
    expect(summary.rows).toBe(3);
    expect(rows).toEqual([
      [
        1,
        {
          id: 1,
          score: new IntegralFloat(1),
          ratio: new IntegralFloat(3),
          name: "a",
          big: 9007199254740993n,
          flag: true,
        },
      ],
      [2, { id: 2, score: 2.5, ratio: 0.25, name: null, big: 5, flag: false }],
      [3, { id: 3, score: null, ratio: new IntegralFloat(-0), name: "ü", big: null, flag: null }],
    ]);
    expect(rows[0][1].score).toBeInstanceOf(IntegralFloat);
    expect(typeof rows[1][1].big).toBe("number");
  });

  it("reads every row group, numbering rows from 1 across them", async () => {
    const ids = Array.from({ length: 25 }, (_, i) => i);
    const path = writeParquet("groups.parquet", {
      columnData: [{ name: "i", data: ids, type: "INT32" }],
      rowGroupSize: 10,
    });
    const { summary, rows } = await readAllRows(path, "parquet");
    expect(summary.rows).toBe(25);
    expect(rows.map(([line, row]) => [line, row.i])).toEqual(ids.map((i) => [i + 1, i]));
  });

  it("writes timestamps and dates as ISO text, keeping microseconds", async () => {
    const path = writeParquet("time.parquet", {
      columnData: [
        { name: "ms", data: [new Date(1700000000123), null] },
        { name: "us", data: [1700000000123456n, -1n] },
        { name: "day", data: [19000, -1] },
      ],
      schema: [
        { name: "root", num_children: 3 },
        { name: "ms", type: "INT64", converted_type: "TIMESTAMP_MILLIS", repetition_type: "OPTIONAL" },
        { name: "us", type: "INT64", converted_type: "TIMESTAMP_MICROS", repetition_type: "REQUIRED" },
        { name: "day", type: "INT32", converted_type: "DATE", repetition_type: "REQUIRED" },
      ],
    });
    const { rows } = await readAllRows(path, "parquet");
    expect(rows.map(([, row]) => row)).toEqual([
      { ms: "2023-11-14T22:13:20.123000Z", us: "2023-11-14T22:13:20.123456Z", day: "2022-01-08" },
      { ms: null, us: "1969-12-31T23:59:59.999999Z", day: "1969-12-31" },
    ]);
  });

  it("turns lists and structs into arrays and objects, typing their numbers by schema", async () => {
    const path = writeParquet("nested.parquet", {
      columnData: [
        { name: "tags", data: [[1.0, 2.5], [], null] },
        { name: "point", data: [{ x: 1n, y: 2.0 }, null, { x: 3n, y: 0.5 }] },
      ],
      schema: [
        { name: "root", num_children: 2 },
        { name: "tags", repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 },
        { name: "list", repetition_type: "REPEATED", num_children: 1 },
        { name: "element", type: "DOUBLE", repetition_type: "OPTIONAL" },
        { name: "point", repetition_type: "OPTIONAL", num_children: 2 },
        { name: "x", type: "INT64", repetition_type: "OPTIONAL" },
        { name: "y", type: "DOUBLE", repetition_type: "OPTIONAL" },
      ],
    });
    const { rows } = await readAllRows(path, "parquet");
    expect(rows.map(([, row]) => row)).toEqual([
      { tags: [new IntegralFloat(1), 2.5], point: { x: 1, y: new IntegralFloat(2) } },
      { tags: [], point: null },
      { tags: null, point: { x: 3, y: 0.5 } },
    ]);
  });

  it("reads files compressed with codecs other than Snappy (gzip here; zstd, brotli, lz4 alike)", async () => {
    const path = writeParquet("gzip.parquet", {
      columnData: [
        { name: "id", data: [1, 2, 3], type: "INT32" },
        { name: "score", data: [0.5, 1.5, 2.5], type: "DOUBLE" },
      ],
      codec: "GZIP",
      compressors: { GZIP: (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes)) },
    });
    const { rows } = await readAllRows(path, "parquet");
    expect(rows.map(([, values]) => values)).toEqual([
      { id: 1, score: 0.5 },
      { id: 2, score: 1.5 },
      { id: 3, score: 2.5 },
    ]);
  });

  it("hashes the file as sha256sum does", async () => {
    const path = writeParquet("hash.parquet", { columnData: [{ name: "a", data: [1, 2], type: "INT32" }] });
    const expected = execFileSync("sha256sum", [path], { encoding: "utf8" }).split(" ")[0];
    expect((await readAllRows(path, "parquet")).summary.sha256).toBe(expected);
  });

  it("fails on a file that is not Parquet, naming it", async () => {
    const path = files.write("not.parquet", "a,b\n1,2\n");
    const error = await twinrunErrorOf(readAllRows(path, "parquet"));
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.message).toContain(`${path}: expected a Parquet file`);
  });

  it("fails on a truncated Parquet file, naming it", async () => {
    const whole = writeParquet("whole.parquet", {
      columnData: [{ name: "a", data: [1, 2, 3], type: "INT32" }],
    });
    const bytes = readFileSync(whole);
    const path = files.write("cut.parquet", "");
    writeFileSync(path, bytes.subarray(0, bytes.length - 20) as unknown as Uint8Array);
    const error = await twinrunErrorOf(readAllRows(path, "parquet"));
    expect(error.message).toContain(path);
  });
});
