import { afterAll, describe, expect, it } from "vitest";
import { detectTableFormat } from "../../../src/table/detect-table-format.ts";
import { twinrunErrorOf } from "../../helpers/twinrun-error.ts";
import { createTempFiles, readAllRows } from "./table-files.ts";

const files = createTempFiles();
afterAll(() => files.remove());

describe("detectTableFormat", () => {
  it.each([
    ["a.csv", "csv"],
    ["a.jsonl", "jsonl"],
    ["a.NDJSON", "jsonl"],
    ["a.json", "json"],
    ["dir/a.parquet", "parquet"],
  ])("reads %s as %s", (path, format) => {
    expect(detectTableFormat(path)).toBe(format);
  });

  it("lets an explicit format win over the extension", () => {
    expect(detectTableFormat("out.txt", "csv")).toBe("csv");
  });

  it("names the file, the accepted extensions and --format for an unknown extension", () => {
    for (const path of ["out.txt", "out", "out.constructor"]) {
      let message = "";
      try {
        detectTableFormat(path);
      } catch (error) {
        message = (error as Error).message;
        expect((error as { code?: string }).code).toBe("INPUT_INVALID");
      }
      expect(message).toContain(`${path}: cannot tell the table format`);
      expect(message).toContain(".csv, .jsonl, .ndjson, .json, .parquet");
      expect(message).toContain("--format");
    }
  });
});

describe("readTable", () => {
  it("reports a missing file as not found, naming it", async () => {
    const error = await twinrunErrorOf(readAllRows("/nonexistent/table.csv", "csv"));
    expect(error.code).toBe("INPUT_NOT_FOUND");
    expect(error.message).toContain("/nonexistent/table.csv");
  });

  it("reports a directory as an invalid input", async () => {
    const dir = files.write("x.csv", "a\n").replace(/x\.csv$/, "");
    const error = await twinrunErrorOf(readAllRows(dir, "parquet"));
    expect(error.code).toBe("INPUT_INVALID");
  });
});
