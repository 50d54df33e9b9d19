import { describe, expect, it } from "vitest";
import { judge } from "../../../src/gate/judge.ts";
import { reporters } from "../../../src/reporters/index.ts";
import { makeReport } from "./report-factory.ts";

const options = { color: false, examples: 5 };

/** An interrupted run that saw no change in the 3 trials it finished. */
function interruptedReport() {
  const summary = {
    trials: 3,
    same: 3,
    changed: 0,
    failures: { old: 0, new: 0, both: 0 },
    truncatedTrials: 0,
  };
  const { verdict, gate } = judge({ summary, maxChanged: { count: 0 }, complete: false });
  return makeReport({ complete: false, verdict, gate, summary });
}

function render(name: keyof typeof reporters): string {
  let text = "";
  reporters[name](interruptedReport(), { write: (chunk) => (text += chunk) }, options);
  return text;
}

describe("an incomplete run in every output", () => {
  it("has the incomplete gate with exit 130 in the JSON report", () => {
    const report = JSON.parse(render("json"));
    expect(report.gate).toMatchObject({ status: "incomplete", passed: false, exitCode: 130 });
  });

  it("heads the Markdown summary as incomplete, never as no change", () => {
    const markdown = render("markdown");
    expect(markdown).toMatch(/^## ⏹️ twinrun: incomplete run, no verdict \(exit 130\)/);
    expect(markdown).not.toContain("✅");
    expect(markdown).toContain("gate incomplete (interrupted) → exit 130");
  });

  it("shows the terminal gate as incomplete with exit 130", () => {
    const text = render("terminal");
    expect(text).toContain("  gate   incomplete (interrupted; max changed 0) → exit 130");
    expect(text).not.toMatch(/\bpassed\b/);
  });

  it("marks the JUnit gate case as an error and annotates an error on GitHub", () => {
    expect(render("junit")).toMatch(
      /<testcase classname="twinrun" name="gate \(max changed 0\)" time="0">\n\s*<error /,
    );
    expect(render("github")).toMatch(/^::error title=twinrun%3A incomplete run::.*exit 130/m);
  });
});
