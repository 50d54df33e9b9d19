import { describe, expect, it } from "vitest";
import { ArrayStructureError, scanJsonArray } from "../../../src/inputs/json-array-scan.ts";

function elements(text: string): { text: string; line: number }[] {
  const found: { text: string; line: number }[] = [];
  scanJsonArray(text, ({ start, end, line }) => found.push({ text: text.slice(start, end), line }));
  return found;
}

function structureError(text: string): ArrayStructureError {
  try {
    scanJsonArray(text, () => {});
  } catch (error) {
    if (error instanceof ArrayStructureError) return error;
    throw error;
  }
  throw new Error("expected an ArrayStructureError");
}

describe("scanJsonArray", () => {
  it("finds each top-level element with the line it starts on", () => {
    const text = '[\n  {"a": [1, 2]},\n  {\n    "b": "x, ] }"\n  },\n  3\n]\n';
    expect(elements(text)).toEqual([
      { text: '{"a": [1, 2]}', line: 2 },
      { text: '{\n    "b": "x, ] }"\n  }', line: 3 },
      { text: "3", line: 6 },
    ]);
  });

  it("finds nothing in an empty array", () => {
    expect(elements("  [ \n ]  \n")).toEqual([]);
  });

  it("skips escaped quotes inside strings", () => {
    expect(elements('["a\\"],", 2]')).toEqual([
      { text: '"a\\"],"', line: 1 },
      { text: "2", line: 1 },
    ]);
  });

  it("reports an empty element for doubled or trailing commas", () => {
    expect(elements("[1,,2,]").map((element) => element.text)).toEqual(["1", "", "2", ""]);
  });

  it("passes invalid element syntax through for the caller to judge", () => {
    expect(elements("[{a: 1}, 2]").map((element) => element.text)).toEqual(["{a: 1}", "2"]);
  });

  it.each([
    ["a document that is not an array", '{"a": 1}', 1, /expected the file to hold one JSON array/],
    ["an empty file", "   ", 1, /found an empty file/],
    ["an array that is never closed", "[\n1,\n2\n", 1, /never closed \(missing "\]"\)/],
    ["a string that is never closed", '[1,\n"abc]\n', 2, /string starting on this line is never closed/],
    ["mismatched brackets", "[1,\n{]}", 2, /mismatched bracket/],
    ["text after the array", "[1]\n[2]", 2, /unexpected text after the end/],
  ])("rejects %s with its line", (_name, text, line, message) => {
    const error = structureError(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });
});
