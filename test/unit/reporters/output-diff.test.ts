import { afterEach, describe, expect, it } from "vitest";
import { IntegralFloat } from "../../../src/json/values.ts";
import { MAX_DIFF_LINES, renderOutputDiff } from "../../../src/reporters/output-diff.ts";

describe("renderOutputDiff", () => {
  const savedForceColor = process.env.FORCE_COLOR;
  afterEach(() => {
    if (savedForceColor === undefined) delete process.env.FORCE_COLOR;
    else process.env.FORCE_COLOR = savedForceColor;
  });

  it("prints only the changed keys of a wide object", () => {
    const features = Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`f${index}`, index]));
    const lines = renderOutputDiff(features, { ...features, f50: 7 }, false);
    expect(lines?.map((line) => line.trim())).toEqual(["{", "f50: 50 => 7", "}"]);
  });

  it("returns undefined when the outputs differ only in the lossless world", () => {
    expect(renderOutputDiff({ n: 1 }, { n: new IntegralFloat(1) }, false)).toBeUndefined();
  });

  it("renders big integers and NaN instead of throwing on them", () => {
    const lines = renderOutputDiff(
      { id: 9007199254740993n, s: Number.NaN },
      { id: 9007199254740992n, s: 1 },
      false,
    );
    expect(lines?.join("\n")).toContain('id: "9007199254740993" => "9007199254740992"');
    expect(lines?.join("\n")).toContain('s: "NaN" => 1');
  });

  it("cuts a long diff and says how many lines it left out", () => {
    const oldOutput = Array.from({ length: 60 }, (_, index) => ({ v: index }));
    const newOutput = oldOutput.map((item) => ({ v: item.v + 1000 }));
    const lines = renderOutputDiff(oldOutput, newOutput, false) ?? [];
    expect(lines).toHaveLength(MAX_DIFF_LINES + 1);
    expect(lines.at(-1)).toMatch(/^… and \d+ more diff lines$/);
  });

  it("keeps or strips jsondiffpatch's colours as asked", () => {
    process.env.FORCE_COLOR = "1";
    expect(renderOutputDiff({ a: 1 }, { a: 2 }, true)?.join("\n")).toMatch(/\x1b\[/);
    expect(renderOutputDiff({ a: 1 }, { a: 2 }, false)?.join("\n")).not.toMatch(/\x1b\[/);
  });
});
