import { describe, expect, it } from "vitest";
import { code, fence, renderMarkdownToString } from "../../../src/reporters/markdown.ts";
import { makeAcceptedReport } from "./ci-report-factory.ts";
import { makeChangedReport, makeExample, makePathStats, makeReport } from "./report-factory.ts";

const options = {
  color: false,
  examples: 5,
  reproCommand: (index: number) => `npx twinrun run --replay r.json --only ${index}`,
};

describe("the Markdown reporter", () => {
  it("opens a changed report with the verdict, the counts and the gate", () => {
    const text = renderMarkdownToString(makeChangedReport(), options);
    expect(text.split("\n").slice(0, 3)).toEqual([
      "## ❌ twinrun: behavioural change",
      "",
      "**3 of 100 inputs changed · gate failed → exit 1 (max changed 0)**",
    ]);
    expect(text).toContain("| old | `main@3f2a` python3 features\\_old.py (worker) |");
    expect(text).toContain("| sample | random 100 of 5000 records, seed 42 |");
  });

  it("tables the changed paths, most changed first", () => {
    const report = makeChangedReport({
      paths: [
        makePathStats({ path: "a", changed: 1, exampleIndices: [1] }),
        makePathStats({ path: "b|c", changed: 7 }),
      ],
    });
    const rows = renderMarkdownToString(report, options)
      .split("\n")
      .filter((line) => line.startsWith("| `"));
    expect(rows).toEqual([
      "| `b\\|c` | 7/100 (7%) | value×3 | 3.2e-4 | 4e-4 | #4 #17 #58 … | ❌ |",
      "| `a` | 1/100 (1%) | value×3 | 3.2e-4 | 4e-4 | #1 | ❌ |",
    ]);
  });

  it("shows the first example diffs in fenced blocks with their repro command", () => {
    const examples = [4, 17, 58, 70].map((index) => makeExample({ index }));
    const text = renderMarkdownToString(makeChangedReport({ examples, summary: { changed: 4 } }), options);
    expect(text).toContain("### Examples (first 3 of 4 changed inputs)");
    expect(text).toContain("<details open><summary>input #4: 1 difference</summary>");
    expect(text).toContain("```text\ninput #4");
    expect(text).toContain("score  value  0.8 → 0.80032  (abs 3.2e-4, rel 4e-4)");
    expect(text).toContain("reproduce: npx twinrun run --replay r.json --only 17");
    expect(text).not.toContain("input #70");
  });

  it("says no behavioural change for an equivalent report, without tables of paths or examples", () => {
    const text = renderMarkdownToString(makeReport(), options);
    expect(text.startsWith("## ✅ twinrun: no behavioural change\n")).toBe(true);
    expect(text).not.toContain("### Changed paths");
    expect(text).not.toContain("### Examples");
  });

  it("marks accepted paths and lists the entries with their use", () => {
    const text = renderMarkdownToString(makeAcceptedReport(), options);
    expect(text).toContain("5 of 100 inputs changed; 3 not covered by accepted differences");
    expect(text).toContain("| `age_bucket` | 2/100 (2%) | value×3 |  |  | #8 #9 | accepted |");
    expect(text).toContain("### Accepted differences (`twinrun.accepted.yaml`)");
    expect(text).toContain("| `age_bucket` | value | 2% | 2 | used | new buckets |");
    expect(text).toContain("| `legacy.flag` | removed | 1 | 0 | ⚠️ unused |  |");
  });

  it("calls a passing run with only accepted changes by its name", () => {
    const report = makeAcceptedReport({ passed: true });
    report.gate.counted = 0;
    expect(renderMarkdownToString(report, options)).toMatch(/^## ✅ twinrun: only accepted changes/);
  });

  it("flags an incomplete run and a run without a verdict", () => {
    expect(renderMarkdownToString(makeChangedReport({ complete: false }), options)).toMatch(
      /^## ⏹️ twinrun: incomplete run, behavioural change in the finished trials \(exit 1\d*\)/,
    );
    const error = makeReport({
      verdict: "error",
      error: "no trials ran",
      gate: { maxChanged: "0", passed: false, exitCode: 2 },
    });
    const text = renderMarkdownToString(error, options);
    expect(text).toMatch(/^## ⚠️ twinrun: no verdict/);
    expect(text).toContain("> ⚠️ The run could not reach a verdict: no trials ran");
  });

  it.each([
    ["plain", "```text\nplain\n```"],
    ["has ``` inside", "````text\nhas ``` inside\n````"],
  ])("fences %j so that backticks inside cannot close the block", (input, expected) => {
    expect(fence(input)).toBe(expected);
  });

  it.each([
    ["a.b", "`a.b`"],
    ["a`b", "``a`b``"],
    ["`a", "`` `a ``"],
  ])("quotes %j as inline code", (input, expected) => {
    expect(code(input)).toBe(expected);
  });
});
