import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { TwinrunError } from "../../../src/errors.ts";
import { readLines } from "../../../src/inputs/read-lines.ts";
import { createTempFiles } from "./sample-request.ts";

const files = createTempFiles();
afterAll(() => files.remove());

async function collect(path: string, chunkBytes?: number) {
  const lines: { text: string; line: number; validUtf8: boolean }[] = [];
  const sha256 = await readLines(path, (text, line, validUtf8) => lines.push({ text, line, validUtf8 }), {
    chunkBytes,
  });
  return { lines, sha256 };
}

describe("readLines", () => {
  it("strips \\n and \\r\\n terminators and numbers lines from 1", async () => {
    const path = files.write("mixed.jsonl", 'a\r\n\nb \t\n"c"');
    const { lines } = await collect(path);
    expect(lines.map(({ text, line }) => [line, text])).toEqual([
      [1, "a"],
      [2, ""],
      [3, "b \t"],
      [4, '"c"'],
    ]);
  });

  it("does not report an empty line after the final newline", async () => {
    const { lines } = await collect(files.write("final.jsonl", "1\n2\n"));
    expect(lines.map((entry) => entry.text)).toEqual(["1", "2"]);
  });

  it("keeps multi-byte characters whole when chunks split them", async () => {
    const text = '"héllo ✓ 😀"\r\n"ünïcode"\n';
    const path = files.write("utf8.jsonl", text);
    for (const chunkBytes of [1, 2, 3, 5, 7]) {
      const { lines } = await collect(path, chunkBytes);
      expect(lines.map((entry) => entry.text)).toEqual(['"héllo ✓ 😀"', '"ünïcode"']);
      expect(lines.every((entry) => entry.validUtf8)).toBe(true);
    }
  });

  it("drops a UTF-8 byte order mark from the first line", async () => {
    const { lines } = await collect(files.write("bom.jsonl", "\uFEFF{}\n[]\n"), 2);
    expect(lines.map((entry) => entry.text)).toEqual(["{}", "[]"]);
  });

  it("flags bytes that are not UTF-8 but keeps a real U+FFFD valid", async () => {
    const path = files.write(
      "bad-utf8.jsonl",
      Buffer.from([0x22, 0xff, 0x22, 0x0a, ...Buffer.from('"\uFFFD"\n')]),
    );
    const { lines } = await collect(path);
    expect(lines.map((entry) => entry.validUtf8)).toEqual([false, true]);
  });

  it("returns the same sha256 as sha256sum", async () => {
    const path = files.write("hash.jsonl", '{"a": 1}\r\n{"b": "ü"}\n\nno newline at end');
    const expected = execFileSync("sha256sum", [path], { encoding: "utf8" }).split(" ")[0];
    expect((await collect(path, 4)).sha256).toBe(expected);
    expect((await collect(path)).sha256).toBe(expected);
  });

  it("turns a missing file into INPUT_NOT_FOUND naming the path", async () => {
    const missing = files.write("x", "").replace(/x$/, "missing.jsonl");
    await expect(collect(missing)).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof TwinrunError && error.code === "INPUT_NOT_FOUND" && error.message.includes(missing),
    );
  });

  it("stops reading when the handler throws", async () => {
    const path = files.write("stop.jsonl", "1\n2\n3\n");
    const seen: number[] = [];
    await expect(
      readLines(path, (_text, line) => {
        seen.push(line);
        if (line === 2) throw new Error("stop here");
      }),
    ).rejects.toThrow("stop here");
    expect(seen).toEqual([1, 2]);
  });
});
