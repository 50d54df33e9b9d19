// Unused path rules in every report format: a typo in --ignore/--tol shows beside the verdict.
import { describe, expect, it } from "vitest";
import { renderJsonReport } from "../../../src/reporters/json.ts";
import { renderMarkdownToString } from "../../../src/reporters/markdown.ts";
import { renderTerminalReport } from "../../../src/reporters/terminal.ts";
import { makeReport } from "./report-factory.ts";

const report = makeReport({
  unusedRules: [
    { path: "tierr", options: ["ignore"], suggestion: "tier" },
    { path: "features.nope", options: ["tolerance"] },
  ],
});

function terminalText(of = report): string {
  let text = "";
  renderTerminalReport(of, { write: (chunk) => (text += chunk) }, { color: false, examples: 1 });
  return text;
}

describe("unused rules in the reporters", () => {
  it("lists each unused rule in the terminal with its did-you-mean", () => {
    const text = terminalText();
    expect(text).toContain("Unused ignore rule tierr: it matched no path in any output; did you mean tier?");
    expect(text).toContain("Unused tolerance rule features.nope: it matched no path in any output\n");
  });

  it("lists them in the Markdown as warnings, paths as code", () => {
    const text = renderMarkdownToString(report, { color: false, examples: 1 });
    expect(text).toContain(
      "> ⚠️ Unused ignore rule `tierr`: it matched no path in any output; did you mean `tier`?",
    );
    expect(text).toContain("> ⚠️ Unused tolerance rule `features.nope`");
  });

  it("keeps them in the JSON report", () => {
    expect(JSON.parse(renderJsonReport(report)).unusedRules).toEqual(report.unusedRules);
  });

  it("says nothing when every rule matched", () => {
    expect(terminalText(makeReport())).not.toContain("Unused");
  });

  it("cuts a long list and says where the rest is", () => {
    const many = makeReport({
      unusedRules: Array.from({ length: 14 }, (_, i) => ({ path: `p${i}`, options: ["ignore"] })),
    });
    const text = terminalText(many);
    expect(text.match(/Unused ignore rule/g)).toHaveLength(10);
    expect(text).toContain("… and 4 more unused rules (all of them are in the JSON report)");
  });
});
