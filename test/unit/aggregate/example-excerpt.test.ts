// Examples keep each value up to a size: a huge output becomes a marked excerpt in the report,
// while the comparison (and so the counts) used the whole value.
import { describe, expect, it } from "vitest";
import type { Outcome } from "../../../adapters/types.ts";
import { toExample } from "../../../src/aggregate/aggregator.ts";
import { EXAMPLE_VALUE_CHARS, keepValue } from "../../../src/aggregate/example-excerpt.ts";
import { renderJsonReport } from "../../../src/reporters/json.ts";
import type { TrialResult } from "../../../src/runner/types.ts";
import { makeReport } from "../reporters/report-factory.ts";

const ok = (text: string): Outcome => ({ status: "ok", text, durationMs: 1 });
const big = (letter: string, chars: number) => letter.repeat(chars);

function bigTrial(chars: number): TrialResult {
  const oldValue = big("a", chars);
  const newValue = big("b", chars);
  return {
    index: 4,
    inputText: JSON.stringify({ blob: big("i", chars) }),
    old: ok(JSON.stringify({ s: oldValue })),
    new: ok(JSON.stringify({ s: newValue })),
    comparison: {
      differences: [{ path: "s", kind: "value", old: oldValue, new: newValue }],
      truncated: false,
    },
  };
}

describe("example excerpts", () => {
  it("keeps every value of an example of two 2 MB outputs to a marked excerpt, naming the fields cut", () => {
    const example = toExample(bigTrial(2 * 1024 * 1024));
    expect(example.excerpts).toEqual([
      "inputText",
      "differences[0].old",
      "differences[0].new",
      "old.output",
      "new.output",
    ]);
    for (const value of [
      example.inputText,
      example.input,
      example.differences[0].old,
      example.differences[0].new,
      example.old.output,
      example.new.output,
    ]) {
      expect(typeof value).toBe("string");
      expect((value as string).length).toBeLessThan(EXAMPLE_VALUE_CHARS + 200);
      expect(value).toMatch(
        /…\[cut by twinrun after 65,536 (of [\d,]+ )?characters; the comparison used the whole value\]$/,
      );
    }
    expect(example.differences[0].old).toContain("of 2,097,152 characters");
    expect((example.differences[0].old as string).startsWith("aaaa")).toBe(true);
    expect((example.new.output as string).startsWith('{"s":"bbb')).toBe(true);
  });

  it("keeps a small example whole and names no excerpt", () => {
    const example = toExample(bigTrial(10));
    expect(example.excerpts).toBeUndefined();
    expect(example.old.output).toEqual({ s: "aaaaaaaaaa" });
    expect(example.differences[0]).toEqual({
      path: "s",
      kind: "value",
      old: "aaaaaaaaaa",
      new: "bbbbbbbbbb",
    });
  });

  it("cuts a large object or array to the start of its JSON text", () => {
    const rows = Array.from({ length: 20_000 }, (_, id) => ({ id, name: `row ${id}` }));
    const kept = keepValue(rows);
    expect(kept.cut).toBe(true);
    expect(kept.value).toMatch(/^\[\{"id":0,"name":"row 0"\},\{"id":1,/);
    expect((kept.value as string).length).toBeLessThan(EXAMPLE_VALUE_CHARS + 200);
    expect(keepValue(rows.slice(0, 10))).toEqual({ value: rows.slice(0, 10), cut: false });
    expect(keepValue(12345)).toEqual({ value: 12345, cut: false });
  });

  it("writes a JSON report of five such examples far below a string's limit", () => {
    const examples = Array.from({ length: 5 }, () => toExample(bigTrial(4 * 1024 * 1024)));
    const text = renderJsonReport(makeReport({ examples }));
    expect(text.length).toBeLessThan(5 * 6 * (EXAMPLE_VALUE_CHARS + 200) * 2);
    expect(JSON.parse(text).examples[0].excerpts).toContain("old.output");
  });
});
