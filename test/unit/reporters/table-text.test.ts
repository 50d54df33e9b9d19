import { describe, expect, it } from "vitest";
import { IntegralFloat } from "../../../src/json/values.ts";
import { formatDistinct } from "../../../src/reporters/table-distribution.ts";
import { formatRowKey, readPsi } from "../../../src/reporters/table-text.ts";

describe("formatRowKey", () => {
  it.each([
    [{ id: 7 }, "id=7"],
    [{ id: 7, day: "2024-01-01" }, "id=7 day=2024-01-01"],
    [{ id: "7" }, 'id="7"'],
    [{ id: "null" }, 'id="null"'],
    [{ id: "a b" }, 'id="a b"'],
    [{ id: "" }, 'id=""'],
    [{ id: null }, "id=null"],
    [{ id: 9007199254740993n }, "id=9007199254740993"],
    [{ id: new IntegralFloat(7) }, "id=7.0"],
    [{ name: "Zoë_1" }, "name=Zoë_1"],
  ])("writes %o as %s", (key, expected) => {
    expect(formatRowKey(key)).toBe(expected);
  });
});

describe("readPsi", () => {
  it.each([
    [null, undefined, "none"],
    [0.0999, undefined, "stable"],
    [0.1, undefined, "moderate"],
    [0.25, undefined, "moderate"],
    [0.2501, undefined, "major"],
    [0.2, 0.2, "within"],
    [0.21, 0.2, "over"],
  ] as const)("reads PSI %s with psiMax %s as %s", (psi, psiMax, expected) => {
    expect(readPsi(psi, psiMax)).toBe(expected);
  });
});

describe("formatDistinct", () => {
  it.each([
    [0.5, 0.5, ["0.5", "0.5"]],
    [0.5, 0.50004, ["0.5", "0.50004"]],
    [120.5, 131.25, ["120.5", "131.3"]],
    [123456.789, 123456.7891, ["123456.789", "123456.7891"]],
    [1250, 1480, ["1250", "1480"]],
    [1.5e-7, 1.5e-7, ["1.5e-7", "1.5e-7"]],
    [Number.NaN, 1, ["NaN", "1"]],
  ])("prints %s and %s as %o", (oldValue, newValue, expected) => {
    expect(formatDistinct(oldValue, newValue)).toEqual(expected);
  });
});
