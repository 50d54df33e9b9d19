import { describe, expect, it } from "vitest";
import { isReporterName, renderJsonReport, reporters } from "../../../src/reporters/index.ts";
import { makeChangedReport } from "./report-factory.ts";

const options = { color: false, examples: 5, reproCommand: (index: number) => `repro ${index}` };

function renderWith(name: keyof typeof reporters): string {
  let text = "";
  reporters[name](makeChangedReport(), { write: (chunk) => (text += chunk) }, options);
  return text;
}

describe("reporters registry", () => {
  it("renders the terminal report by name", () => {
    expect(renderWith("terminal")).toContain("reproduce: repro 4");
  });

  it("renders the JSON report by name, one document ending in a newline", () => {
    expect(renderWith("json")).toBe(`${renderJsonReport(makeChangedReport())}\n`);
  });

  it.each([
    ["terminal", true],
    ["json", true],
    ["markdown", true],
    ["junit", true],
    ["github", true],
    ["html", true],
    ["htm", false],
    ["toString", false],
  ])("knows whether %s is a reporter name (%s)", (name, expected) => {
    expect(isReporterName(name)).toBe(expected);
  });
});
