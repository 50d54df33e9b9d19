import { describe, expect, it } from "vitest";
import type { Hint } from "../../../src/hints/types.ts";
import { renderMarkdownToString } from "../../../src/reporters/markdown.ts";
import { renderTerminalReport } from "../../../src/reporters/terminal.ts";
import { makeChangedReport, makePathStats } from "./report-factory.ts";

const ageHint: Hint = {
  text: "age ∈ {25, 40, 65}",
  condition: { field: "age", op: "in", values: [25, 40, 65] },
  covered: 3,
  total: 3,
  precision: 1,
  unchangedCovered: 0,
  unchangedTotal: 97,
};
const crashHint: Hint = {
  text: "tags is empty",
  condition: { field: "tags", op: "empty" },
  covered: 2,
  total: 2,
  precision: 1,
  unchangedCovered: 0,
  unchangedTotal: 98,
  failure: "new crash",
};
const report = makeChangedReport({
  paths: [makePathStats({ hints: [ageHint] }), makePathStats({ path: "$", changed: 2, hints: [crashHint] })],
});

function terminalText(): string {
  let text = "";
  renderTerminalReport(report, { write: (chunk) => (text += chunk) }, { color: false, examples: 1 });
  return text;
}

describe("hints in the reporters", () => {
  it("lists each path's conditions with their counts in the terminal", () => {
    const text = terminalText();
    expect(text).toContain("Hints (input conditions under which a path changed)");
    expect(text).toMatch(/ {2}score\s+age ∈ \{25, 40, 65\}\s+3\/3 changed, 0\/97 unchanged/);
    expect(text).toMatch(/ {2}\$ \(new crash\)\s+tags is empty\s+2\/2 changed, 0\/98 unchanged/);
  });

  it("tables them in Markdown", () => {
    const text = renderMarkdownToString(report, { color: false, examples: 1 });
    expect(text).toContain("### Hints");
    expect(text).toContain("| `score` | `age ∈ {25, 40, 65}` | 3/3 changed, 0/97 unchanged |");
    expect(text).toContain("| `$ (new crash)` | `tags is empty` | 2/2 changed, 0/98 unchanged |");
  });

  it("shows no hints section when no path has hints", () => {
    let text = "";
    renderTerminalReport(
      makeChangedReport(),
      { write: (chunk) => (text += chunk) },
      { color: false, examples: 1 },
    );
    expect(text).not.toContain("Hints");
    expect(renderMarkdownToString(makeChangedReport(), { color: false, examples: 1 })).not.toContain(
      "### Hints",
    );
  });
});
