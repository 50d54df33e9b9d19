import { describe, expect, it } from "vitest";
import { parseInstant } from "../../../src/compare/instants.ts";
import { type CompareCase, expectCase } from "./compare-case.ts";

const stamps = [{ path: "$", timestamps: true }];

describe("parseInstant", () => {
  it.each([
    ["1970-01-01", 0n],
    ["1970-01-01T00:00:01Z", 1_000_000_000n],
    ["1970-01-01 00:00:00.000000001", 1n],
    ["1970-01-01T01:00:00+01:00", 0n],
    ["1969-12-31T19:00:00-0500", 0n],
    ["2000-02-29T12:00", 951_825_600_000_000_000n],
    ["1600-03-01", -11_670_912_000_000_000_000n],
  ])("reads %s", (text, nanos) => {
    expect(parseInstant(text)).toBe(nanos);
  });

  it.each([
    "2017-13-01",
    "2017-02-29",
    "2017-01-01T24:00:00",
    "yesterday",
    "2017-01-01T10:00:00+25:00",
    "20170101",
  ])("names no instant in %s", (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});

describe("the timestamps rule", () => {
  const cases: CompareCase[] = [
    {
      name: "a date equals its midnight",
      oldValue: "2017-01-01",
      newValue: "2017-01-01 00:00:00",
      rules: stamps,
      expected: [],
    },
    {
      name: "a Parquet timestamp's text equals the same instant spelled another way",
      oldValue: "2017-01-01T00:00:00.000000Z",
      newValue: "2017-01-01T01:00:00+01:00",
      rules: stamps,
      expected: [],
    },
    {
      name: "one nanosecond apart is a change",
      oldValue: "2017-01-01T00:00:00.000000001Z",
      newValue: "2017-01-01T00:00:00Z",
      rules: stamps,
      expected: ["value $"],
    },
    {
      name: "without the rule, spellings differ",
      oldValue: "2017-01-01",
      newValue: "2017-01-01 00:00:00",
      expected: ["value $"],
    },
    {
      name: "a string that names no instant compares as text",
      oldValue: "2017-01-01",
      newValue: "soon",
      rules: stamps,
      expected: ["value $"],
    },
  ];
  it.each(cases)("$name", expectCase);
});
