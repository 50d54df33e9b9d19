import { describe, expect, it } from "vitest";
import { TwinrunError } from "../../../src/errors.ts";
import { detectFormat } from "../../../src/inputs/detect-format.ts";

describe("detectFormat", () => {
  it.each([
    ["data/in.jsonl", "jsonl"],
    ["in.NDJSON", "jsonl"],
    ["in.json", "json"],
    ["in.csv", "csv"],
  ])("reads %s as %s", (path, format) => {
    expect(detectFormat(path)).toBe(format);
  });

  it("lets an explicit format win over the extension", () => {
    expect(detectFormat("dump.txt", "jsonl")).toBe("jsonl");
  });

  it.each([
    ["data.parquet", '".parquet"'],
    ["README", "no extension"],
  ])("rejects %s naming the file and the accepted extensions", (path, got) => {
    const error = (() => {
      try {
        detectFormat(path);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(TwinrunError);
    expect((error as TwinrunError).code).toBe("INPUT_INVALID");
    expect((error as TwinrunError).message).toContain(path);
    expect((error as TwinrunError).message).toContain(got);
    expect((error as TwinrunError).message).toContain(".jsonl, .ndjson, .json, .csv");
  });
});
