import { describe, expect, it } from "vitest";
import {
  formatCompactNumber,
  formatDurationMs,
  formatKinds,
  formatPercent,
  formatRatio,
  toOneLine,
  truncateText,
} from "../../../src/reporters/format.ts";

describe("formatCompactNumber", () => {
  it.each([
    [0, "0"],
    [42, "42"],
    [-7, "-7"],
    [0.125, "0.125"],
    [0.00032, "3.2e-4"],
    [1e-12, "1e-12"],
    [1234.56, "1234.6"],
    [12345678, "1.2e+7"],
    [0.1 + 0.2, "0.3"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
  ])("renders %s as %s", (value, expected) => {
    expect(formatCompactNumber(value)).toBe(expected);
  });
});

describe("formatPercent and formatRatio", () => {
  it.each([
    [0, "0%"],
    [100, "100%"],
    [12.5, "12.5%"],
    [3, "3%"],
    [0.01, "0.01%"],
    [0.0123, "0.012%"],
  ])("renders %s percent as %s", (percent, expected) => {
    expect(formatPercent(percent)).toBe(expected);
  });

  it("never rounds a rare change down to 0%", () => {
    expect(formatRatio(1, 1_000_000)).toBe("1/1000000 (0.0001%)");
  });

  it("leaves a ratio over nothing without a percentage", () => {
    expect(formatRatio(0, 0)).toBe("0/0");
  });
});

describe("formatKinds", () => {
  it("lists kinds by count, most frequent first", () => {
    expect(formatKinds({ type: 1, value: 12, added: 0 })).toBe("value×12, type×1");
  });
});

describe("text helpers", () => {
  it("cuts long text with an ellipsis and leaves short text alone", () => {
    expect(truncateText("abcdef", 4)).toBe("abc…");
    expect(truncateText("abc", 4)).toBe("abc");
  });

  it("folds multi-line text into one line", () => {
    expect(toOneLine('{\n  "a": 1,\r\n  "b": 2\n}')).toBe('{ "a": 1, "b": 2 }');
  });

  it.each([
    [850, "850ms"],
    [3200, "3.2s"],
    [245_000, "4m 05s"],
  ])("renders %s ms as %s", (durationMs, expected) => {
    expect(formatDurationMs(durationMs)).toBe(expected);
  });
});
