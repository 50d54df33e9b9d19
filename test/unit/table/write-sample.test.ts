import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSample } from "../../../src/inputs/sample.ts";
import type { InputFormat, InputRecord } from "../../../src/inputs/types.ts";
import { writeSampleFile } from "../../../src/table/write-sample.ts";
import { twinrunErrorOf } from "../../helpers/twinrun-error.ts";
import { makeRequest } from "../inputs/sample-request.ts";
import { createTempFiles, readAllRows } from "./table-files.ts";

const files = createTempFiles();
afterAll(() => files.remove());

const CSV_ROWS = [
  "id,name,amount,zip\r\n",
  '1,"Smith, Jane",1.50,007\r\n',
  '2,"two\r\nlines",2,10115\r\n',
  '3,"say ""hi""",-0.0,\r\n',
  "\r\n",
  "4,plain,1e3,0\r\n",
  '5,"ü😀",.5,"007"',
];
const CSV_TEXT = `\uFEFF${CSV_ROWS.join("")}`;

async function sampleOf(path: string, indices?: number[]): Promise<InputRecord[]> {
  const request = makeRequest({ path, strategy: "all", ...(indices !== undefined && { indices }) });
  return (await loadSample(request)).records;
}

async function writeAndRead(
  sourcePath: string,
  sourceFormat: InputFormat,
  records: InputRecord[],
  targetFormat: InputFormat,
  extra: { chunkBytes?: number; sourceSha256?: string } = {},
): Promise<string> {
  const targetPath = `${sourcePath}.sample-${Math.random().toString(36).slice(2)}.${targetFormat}`;
  await writeSampleFile({ sourcePath, sourceFormat, records, targetPath, targetFormat, ...extra });
  return readFileSync(targetPath, "utf8");
}

describe("writeSampleFile, CSV to CSV", () => {
  const source = files.write("source.csv", CSV_TEXT);

  it("copies the header and the chosen rows byte for byte (quotes, 1.50, 007, \\r\\n, BOM)", async () => {
    const records = await sampleOf(source, [0, 1, 4]);
    const written = await writeAndRead(source, "csv", records, "csv");
    expect(written).toBe(`\uFEFF${CSV_ROWS[0]}${CSV_ROWS[1]}${CSV_ROWS[2]}${CSV_ROWS[6]}`);
  });

  it("copies every record for --sample all, leaving out blank lines only", async () => {
    const records = await sampleOf(source);
    const written = await writeAndRead(source, "csv", records, "csv");
    expect(written).toBe(`\uFEFF${CSV_ROWS.filter((row) => row !== "\r\n").join("")}`);
  });

  it("cuts the same bytes whatever the read chunk size", async () => {
    const records = await sampleOf(source, [1, 2, 3]);
    const expected = `\uFEFF${CSV_ROWS[0]}${CSV_ROWS[2]}${CSV_ROWS[3]}${CSV_ROWS[5]}`;
    for (const chunkBytes of [1, 2, 3, 5, 7, 64]) {
      expect(await writeAndRead(source, "csv", records, "csv", { chunkBytes })).toBe(expected);
    }
  });

  it("reads back as the same typed rows as the source's chosen rows", async () => {
    const records = await sampleOf(source, [0, 2, 4]);
    const targetPath = join(`${source}.roundtrip.csv`);
    await writeSampleFile({
      sourcePath: source,
      sourceFormat: "csv",
      records,
      targetPath,
      targetFormat: "csv",
    });
    const all = (await readAllRows(source, "csv")).rows.map(([, row]) => row);
    const sampled = (await readAllRows(targetPath, "csv")).rows.map(([, row]) => row);
    expect(sampled).toEqual([all[0], all[2], all[4]]);
  });

  it("fails when the source no longer matches the sample, naming the source", async () => {
    const records = await sampleOf(source, [1]);
    const moved = [{ ...records[0], line: records[0].line + 1 }];
    const error = await twinrunErrorOf(writeAndRead(source, "csv", moved, "csv"));
    expect(error.message).toContain(
      `${source}: expected the input file to be unchanged since it was sampled`,
    );
    const beyond = [{ index: 99, line: 120, text: "{}" }];
    expect((await twinrunErrorOf(writeAndRead(source, "csv", beyond, "csv"))).message).toContain(
      "fewer than the sample needs",
    );
    const sha = await twinrunErrorOf(
      writeAndRead(source, "csv", records, "csv", { sourceSha256: "0".repeat(64) }),
    );
    expect(sha.message).toContain("sha256 differs");
  });
});

describe("writeSampleFile, JSONL and JSON", () => {
  const jsonl = files.write(
    "source.jsonl",
    '{"a": 1.50, "b":"x"}\n\n{"a":12345678901234567890,"c":[1.0]}\r\n{"a":NaN}\n',
  );

  it("writes JSONL records as the source's lines", async () => {
    const records = await sampleOf(jsonl, [0, 2]);
    expect(await writeAndRead(jsonl, "jsonl", records, "jsonl")).toBe('{"a": 1.50, "b":"x"}\n{"a":NaN}\n');
  });

  it("writes a JSON array of the records, one per line", async () => {
    const records = await sampleOf(jsonl);
    expect(await writeAndRead(jsonl, "jsonl", records, "json")).toBe(
      '[{"a": 1.50, "b":"x"},\n{"a":12345678901234567890,"c":[1.0]},\n{"a":NaN}]\n',
    );
    const source = files.write("source.json", '[ {"k": 1.0},\n  {"k": "v"} ]');
    const elements = await sampleOf(source, [1]);
    expect(await writeAndRead(source, "json", elements, "json")).toBe('[{"k": "v"}]\n');
    expect(await writeAndRead(source, "json", [], "json")).toBe("[]\n");
  });

  it("writes CSV records converted to JSONL as their typed JSON text", async () => {
    const source = files.write("typed.csv", "id,zip,x\n1,007,1.50\n2,,3\n");
    const records = await sampleOf(source);
    expect(await writeAndRead(source, "csv", records, "jsonl")).toBe(
      '{"id":1,"zip":"007","x":1.50}\n{"id":2,"zip":null,"x":3}\n',
    );
  });
});

describe("writeSampleFile, converting to CSV", () => {
  it("unions the keys, keeps number tokens exact, leaves null and missing keys empty", async () => {
    const jsonl = files.write(
      "convert.jsonl",
      '{"id": 1, "x": 1.50, "s": "a, \\"b\\"", "n": null}\n' +
        '{"id":12345678901234567890,"x":1.0,"obj":{"k": [1, 2.0]},"s":"line\\nbreak"}\n' +
        '{"x":NaN,"flag":true,"id":-Infinity}\n',
    );
    const records = await sampleOf(jsonl);
    expect(await writeAndRead(jsonl, "jsonl", records, "csv")).toBe(
      "id,x,s,n,obj,flag\n" +
        '1,1.50,"a, ""b""",,,\n' +
        '12345678901234567890,1.0,"line\nbreak",,"{""k"":[1,2.0]}",\n' +
        "-Infinity,NaN,,,,true\n",
    );
  });

  it("writes an empty file for an empty sample, and refuses records without any key", async () => {
    const source = files.write("empty.json", "[{}]");
    expect(await writeAndRead(source, "json", [], "csv")).toBe("");
    const records = await sampleOf(source);
    const error = await twinrunErrorOf(writeAndRead(source, "json", records, "csv"));
    expect(error.message).toContain(`${source}: expected records with at least one key`);
  });

  it("fails on a record that is not an object, naming the source file and line", async () => {
    const jsonl = files.write("array.jsonl", '{"a":1}\n[1,2]\n');
    const records = await sampleOf(jsonl);
    const error = await twinrunErrorOf(writeAndRead(jsonl, "jsonl", records, "csv"));
    expect(error.message).toContain(`${jsonl}:2: expected a JSON object to write as a CSV row`);
  });
});

describe("writeSampleFile, errors", () => {
  it("refuses Parquet as a sample format", async () => {
    const jsonl = files.write("p.jsonl", '{"a":1}\n');
    const records = await sampleOf(jsonl);
    const error = await twinrunErrorOf(writeAndRead(jsonl, "jsonl", records, "parquet" as InputFormat));
    expect(error.message).toContain("--dataset-format csv, jsonl or json");
  });

  it("names the target when it cannot be written", async () => {
    const jsonl = files.write("w.jsonl", '{"a":1}\n');
    const records = await sampleOf(jsonl);
    const targetPath = "/nonexistent-folder/sample.jsonl";
    const error = await twinrunErrorOf(
      writeSampleFile({
        sourcePath: jsonl,
        sourceFormat: "jsonl",
        records,
        targetPath,
        targetFormat: "jsonl",
      }),
    );
    expect(error.message).toContain(`${targetPath}: cannot write the sample file`);
  });

  it("names the source when it is gone before the CSV copy", async () => {
    const error = await twinrunErrorOf(
      writeSampleFile({
        sourcePath: "/nonexistent/source.csv",
        sourceFormat: "csv",
        records: [],
        targetPath: join(files.write("t.txt", ""), "..", "gone.csv"),
        targetFormat: "csv",
      }),
    );
    expect(error.code).toBe("INPUT_NOT_FOUND");
    expect(error.message).toContain("/nonexistent/source.csv");
  });
});
