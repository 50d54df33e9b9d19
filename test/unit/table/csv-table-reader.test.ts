import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { toCsvCellJson } from "../../../src/inputs/csv-cells.ts";
import { parseLossless } from "../../../src/json/parse.ts";
import { IntegralFloat } from "../../../src/json/values.ts";
import { toCsvCellValue } from "../../../src/table/csv-cell-value.ts";
import { twinrunErrorOf } from "../../helpers/twinrun-error.ts";
import { createTempFiles, readAllRows } from "./table-files.ts";

const files = createTempFiles();
afterAll(() => files.remove());

describe("CSV table reader", () => {
  it("types cells as CSV input records do: leading zeros, 1.0, big ints, empty cells", async () => {
    const path = files.write(
      "typed.csv",
      'id,zip,score,big,note,amount\n1,007,1.0,12345678901234567890,,1.50\n2,10115,2.5,-3,"a, b",.5\n',
    );
    const { summary, rows } = await readAllRows(path, "csv");
    expect(summary.columns).toEqual(["id", "zip", "score", "big", "note", "amount"]);
    expect(summary.rows).toBe(2);
    expect(rows).toEqual([
      [
        2,
        {
          id: 1,
          zip: "007",
          score: new IntegralFloat(1),
          big: 12345678901234567890n,
          note: null,
          amount: 1.5,
        },
      ],
      [3, { id: 2, zip: 10115, score: 2.5, big: -3, note: "a, b", amount: 0.5 }],
    ]);
    expect(rows[0][1].score).toBeInstanceOf(IntegralFloat);
  });

  it("keeps every cell as text with csvStrings, empty cells as empty strings", async () => {
    const path = files.write("strings.csv", "a,b,c\n007,1.0,\n");
    const { rows } = await readAllRows(path, "csv", { csvStrings: true });
    expect(rows).toEqual([[2, { a: "007", b: "1.0", c: "" }]]);
  });

  it("gives each row the line it starts on, across quoted newlines, blank lines and \\r\\n", async () => {
    const path = files.write("lines.csv", 'k,v\r\n1,"two\r\nlines"\r\n\r\n2,x\r\n3,y');
    const { rows } = await readAllRows(path, "csv");
    expect(rows.map(([line, row]) => [line, row.k])).toEqual([
      [2, 1],
      [5, 2],
      [6, 3],
    ]);
    expect(rows[0][1].v).toBe("two\r\nlines");
  });

  it("drops a byte order mark and keeps multi-byte text whole across 1-byte chunks", async () => {
    const path = files.write("bom.csv", '\uFEFFname,n\nüñï✓,1\n"😀,x",2\n');
    const whole = await readAllRows(path, "csv");
    const chunked = await readAllRows(path, "csv", {});
    expect(whole.summary.columns).toEqual(["name", "n"]);
    expect(chunked.rows).toEqual(whole.rows);
    expect(chunked.rows[1][1]).toEqual({ name: "😀,x", n: 2 });
  });

  it("keeps a column named __proto__ as an own column", async () => {
    const path = files.write("proto.csv", "__proto__,a\n1,2\n");
    const { rows } = await readAllRows(path, "csv");
    expect(Object.keys(rows[0][1])).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(rows[0][1])).toBe(Object.prototype);
  });

  it("reads a header-only file as columns without rows, and an empty file as nothing", async () => {
    expect((await readAllRows(files.write("header.csv", "a,b\n"), "csv")).summary).toMatchObject({
      columns: ["a", "b"],
      rows: 0,
    });
    expect((await readAllRows(files.write("empty.csv", ""), "csv")).summary).toMatchObject({
      columns: [],
      rows: 0,
    });
  });

  it("hashes the file as sha256sum does", async () => {
    const path = files.write("hash.csv", "a\n1\n2\n");
    const expected = execFileSync("sha256sum", [path], { encoding: "utf8" }).split(" ")[0];
    expect((await readAllRows(path, "csv", {})).summary.sha256).toBe(expected);
  });

  it("fails on a row whose field count differs from the header, naming file and line", async () => {
    const path = files.write("width.csv", "a,b\n1,2\n3\n");
    const error = await twinrunErrorOf(readAllRows(path, "csv"));
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.message).toContain(`${path}:3: expected 2 fields (as in the header), found 1`);
  });

  it("fails on broken quoting and on a column named twice", async () => {
    const unclosed = files.write("unclosed.csv", 'a,b\n1,2\n3,"open\n4,5\n');
    expect((await twinrunErrorOf(readAllRows(unclosed, "csv"))).message).toContain(
      `${unclosed}:3: a quoted field opened in this record is never closed`,
    );
    const twice = files.write("twice.csv", "a,b,a\n1,2,3\n");
    expect((await twinrunErrorOf(readAllRows(twice, "csv"))).message).toContain(
      `${twice}:1: the CSV header names the column "a" twice`,
    );
  });
});

describe("toCsvCellValue", () => {
  it("gives the value of the JSON text the input records use, for any cell", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[-+.eE0-9 ]{0,12}$/),
      fc.double().map(String),
      fc.bigInt().map(String),
      // More digits than a double keeps, or beyond its range: the parser keeps them exact.
      fc
        .tuple(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: -400, max: 400 }))
        .map(([digits, exponent]) => `${digits}.${digits}e${exponent}`),
      fc.constantFrom("9007199254740992.000000000000001", "1e-400", "-1e400", ".10000000000000000000001"),
    );
    fc.assert(
      fc.property(cell, (text) => {
        expect(toCsvCellValue(text)).toEqual(parseLossless(toCsvCellJson(text, false)));
      }),
      { numRuns: 2000 },
    );
  });
});
