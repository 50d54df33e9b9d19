import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TwinrunError } from "../../../src/errors.ts";
import { parseReporterSpec, resolveReportOutputs, writeReports } from "../../../src/reporters/index.ts";
import { makeTempDir } from "../config/temp-dir.ts";
import { makeChangedReport } from "./report-factory.ts";

const render = { color: false, examples: 5 };

function sink() {
  const out = {
    text: "",
    write(chunk: string) {
      out.text += chunk;
    },
  };
  return out;
}

describe("writeReports", () => {
  it("writes each reporter's file and appends the summary to $GITHUB_STEP_SUMMARY", async () => {
    const dir = makeTempDir();
    const summary = path.join(dir, "step-summary.md");
    writeFileSync(summary, "earlier step\n");
    const stdout = sink();
    const outputs = resolveReportOutputs({
      reporters: [parseReporterSpec("json=out/report.json", "--reporter", dir)],
      markdown: path.join(dir, "out/summary.md"),
      junit: path.join(dir, "out/junit.xml"),
    });
    await writeReports(makeChangedReport(), outputs, {
      stepSummary: true,
      env: { GITHUB_STEP_SUMMARY: summary },
      stdout,
      render,
    });
    const markdown = readFileSync(path.join(dir, "out/summary.md"), "utf8");
    expect(markdown).toMatch(/^## ❌ twinrun: behavioural change/);
    expect(readFileSync(path.join(dir, "out/junit.xml"), "utf8")).toMatch(/^<\?xml/);
    expect(JSON.parse(readFileSync(path.join(dir, "out/report.json"), "utf8")).kind).toBe("records");
    expect(readFileSync(summary, "utf8")).toBe(`earlier step\n${markdown}\n`);
    // No reporter asked for stdout, so the terminal report goes there.
    expect(stdout.text).toContain("Changed paths");
  });

  it("writes only the asked reporter to stdout when one is asked for there", async () => {
    const stdout = sink();
    const outputs = resolveReportOutputs({ reporters: [parseReporterSpec("markdown", "--reporter", "/")] });
    await writeReports(makeChangedReport(), outputs, { stepSummary: false, env: {}, stdout, render });
    expect(stdout.text).toMatch(/^## ❌ twinrun: behavioural change/);
    expect(stdout.text).not.toContain("Differing inputs");
  });

  it("leaves the step summary alone when asked to", async () => {
    const dir = makeTempDir();
    const summary = path.join(dir, "step-summary.md");
    writeFileSync(summary, "");
    await writeReports(makeChangedReport(), [], {
      stepSummary: false,
      env: { GITHUB_STEP_SUMMARY: summary },
      stdout: sink(),
      render,
    });
    expect(readFileSync(summary, "utf8")).toBe("");
  });

  it("prints annotations only on GitHub Actions, or when the github reporter is asked for", async () => {
    const off = sink();
    await writeReports(makeChangedReport(), [], { stepSummary: true, env: {}, stdout: off, render });
    expect(off.text).toBe("");
    const on = sink();
    await writeReports(makeChangedReport(), [], {
      stepSummary: true,
      env: { GITHUB_ACTIONS: "true" },
      stdout: on,
      render,
    });
    expect(on.text).toMatch(/^::error title=twinrun%3A score changed::/);
    const asked = sink();
    await writeReports(makeChangedReport(), [{ reporter: "github" }], {
      stepSummary: false,
      env: { GITHUB_ACTIONS: "true" },
      stdout: asked,
      render,
    });
    expect(asked.text.match(/title=twinrun%3A score changed/g)).toHaveLength(1);
  });

  it("says which file could not be written", async () => {
    const dir = makeTempDir({ "a-file": "" });
    const file = path.join(dir, "a-file", "junit.xml");
    const error = await writeReports(makeChangedReport(), [{ reporter: "junit", file }], {
      stepSummary: false,
      env: {},
      stdout: sink(),
      render,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TwinrunError);
    expect((error as TwinrunError).message).toContain(`could not write the junit report to ${file}`);
  });
});

describe("parseReporterSpec", () => {
  it("reads a name and a file relative to the base folder", () => {
    expect(parseReporterSpec("junit=out/j.xml", "--reporter", "/repo")).toEqual({
      reporter: "junit",
      file: path.resolve("/repo", "out/j.xml"),
    });
    expect(parseReporterSpec("github", "--reporter", "/repo")).toEqual({ reporter: "github" });
  });

  it("names the closest reporter for a typo, and refuses an empty file", () => {
    expect(() => parseReporterSpec("markdwn=x.md", "report.reporters[0]", "/")).toThrow(
      /report\.reporters\[0\]: unknown reporter "markdwn" \(did you mean markdown\?\)/,
    );
    expect(() => parseReporterSpec("json=", "--reporter", "/")).toThrow(/needs a file/);
  });
});
