import { describe, expect, it } from "vitest";
import { createCsvRecordBuilder, toCsvCellJson } from "../../../src/inputs/csv-cells.ts";

describe("toCsvCellJson", () => {
  it.each([
    ["an integer stays as written", "42", "42"],
    ["a negative integer stays as written", "-7", "-7"],
    ["an integer beyond 2^53 stays exact", "12345678901234567890", "12345678901234567890"],
    ["a decimal keeps its trailing zero", "1.50", "1.50"],
    ["an exponent stays as written", "1E+05", "1E+05"],
    ["a leading point gets a zero", ".5", "0.5"],
    ["a negative leading point gets a zero", "-.25", "-0.25"],
    ["a trailing point gets a zero", "5.", "5.0"],
    ["leading zeros stay a string (zip codes, ids)", "007", '"007"'],
    ["a leading plus stays a string (phone numbers)", "+4412345", '"+4412345"'],
    ["spaces around digits stay a string", " 12", '" 12"'],
    ["NaN stays a string", "NaN", '"NaN"'],
    ["inf stays a string", "inf", '"inf"'],
    ["true stays a string", "true", '"true"'],
    ["a lone point stays a string", ".", '"."'],
    ["hex stays a string", "0x1F", '"0x1F"'],
    ["an empty cell is null", "", "null"],
    ["quotes and backslashes are escaped", 'say "hi" \\ ok', '"say \\"hi\\" \\\\ ok"'],
    ["an embedded newline is escaped", "a\nb", '"a\\nb"'],
  ])("%s", (_name, cell, expected) => {
    expect(toCsvCellJson(cell, false)).toBe(expected);
    expect(() => JSON.parse(expected)).not.toThrow();
  });

  it.each([
    ["42", '"42"'],
    ["", '""'],
    ["1.50", '"1.50"'],
  ])("keeps %j as text with csvStrings", (cell, expected) => {
    expect(toCsvCellJson(cell, true)).toBe(expected);
  });
});

describe("createCsvRecordBuilder", () => {
  it("builds compact JSON in header order", () => {
    const build = createCsvRecordBuilder(["b", "a", "with space"], false);
    expect(build(["1", "x", ""])).toBe('{"b":1,"a":"x","with space":null}');
  });
});
