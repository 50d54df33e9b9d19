import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { IntegralFloat } from "../../../src/json/values.ts";
import { twinrunErrorOf } from "../../helpers/twinrun-error.ts";
import { createTempFiles, readAllRows } from "./table-files.ts";

const files = createTempFiles();
afterAll(() => files.remove());

describe("JSONL table reader", () => {
  it("reads rows losslessly: 1.0, big ints, NaN and Infinity tokens, nested values", async () => {
    const path = files.write(
      "rows.jsonl",
      '{"id":1,"x":1.0,"big":12345678901234567890}\n' +
        "\n" +
        '{"id":2,"x":NaN,"y":-Infinity,"tags":["a",{"b":2.0}]}\r\n' +
        '  {"id":3,"x":null}\n',
    );
    const { summary, rows } = await readAllRows(path, "jsonl");
    expect(rows).toEqual([
      [1, { id: 1, x: new IntegralFloat(1), big: 12345678901234567890n }],
      [3, { id: 2, x: Number.NaN, y: Number.NEGATIVE_INFINITY, tags: ["a", { b: new IntegralFloat(2) }] }],
      [4, { id: 3, x: null }],
    ]);
    expect(summary.columns).toEqual(["id", "x", "big", "y", "tags"]);
    expect(summary.rows).toBe(3);
  });

  it("hashes the file as sha256sum does", async () => {
    const path = files.write("hash.jsonl", '{"a":1}\n{"a":2}\n');
    const expected = execFileSync("sha256sum", [path], { encoding: "utf8" }).split(" ")[0];
    expect((await readAllRows(path, "jsonl", {})).summary.sha256).toBe(expected);
  });

  it("fails on a line that is not a JSON object, naming file and line", async () => {
    const array = files.write("array.jsonl", '{"a":1}\n[1,2]\n');
    const error = await twinrunErrorOf(readAllRows(array, "jsonl"));
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.message).toContain(`${array}:2: expected a JSON object`);
    expect(error.message).toContain("found an array");
  });

  it("fails on invalid JSON, naming file and line", async () => {
    const path = files.write("broken.jsonl", '{"a":1}\n\n{"a":\n');
    const error = await twinrunErrorOf(readAllRows(path, "jsonl"));
    expect(error.message).toContain(`${path}:3: expected one JSON object per line, found invalid JSON`);
  });
});

describe("JSON-array table reader", () => {
  it("reads each element as a row, with the line it starts on and the union of keys", async () => {
    const path = files.write(
      "rows.json",
      '\uFEFF[\n  {"id": 1, "v": 1.0},\n  {"id": 2,\n   "w": 12345678901234567890},\n  {"v": NaN}\n]\n',
    );
    const { summary, rows } = await readAllRows(path, "json");
    expect(rows).toEqual([
      [2, { id: 1, v: new IntegralFloat(1) }],
      [3, { id: 2, w: 12345678901234567890n }],
      [5, { v: Number.NaN }],
    ]);
    expect(summary.columns).toEqual(["id", "v", "w"]);
    expect(summary.sha256).toBe(execFileSync("sha256sum", [path], { encoding: "utf8" }).split(" ")[0]);
  });

  it("fails on an element that is not an object, naming file and line", async () => {
    const path = files.write("scalar.json", '[{"a":1},\n 5]');
    const error = await twinrunErrorOf(readAllRows(path, "json"));
    expect(error.message).toContain(`${path}:2: expected a JSON object`);
    expect(error.message).toContain("found a number");
  });

  it("fails on an unclosed array and on a document that is not an array", async () => {
    const open = files.write("open.json", '[{"a":1},\n{"a":2}');
    expect((await twinrunErrorOf(readAllRows(open, "json"))).message).toContain(
      `${open}: expected a JSON array of objects, found invalid JSON`,
    );
    const object = files.write("object.json", '{"a":1}');
    expect((await twinrunErrorOf(readAllRows(object, "json"))).message).toContain(
      `${object}: expected the file to hold one JSON array`,
    );
  });
});
