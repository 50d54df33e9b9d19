import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeCiOutputs } from "../../../src/ci/write-ci-outputs.ts";
import { TwinrunError } from "../../../src/errors.ts";
import { makeTempDir } from "../config/temp-dir.ts";
import { makeChangedReport } from "../reporters/report-factory.ts";

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

describe("writeCiOutputs", () => {
  it("writes the Markdown and JUnit files and appends the summary to $GITHUB_STEP_SUMMARY", async () => {
    const dir = makeTempDir();
    const summary = path.join(dir, "step-summary.md");
    writeFileSync(summary, "earlier step\n");
    const stdout = sink();
    await writeCiOutputs(makeChangedReport(), {
      markdown: path.join(dir, "out/summary.md"),
      junit: path.join(dir, "out/junit.xml"),
      stepSummary: true,
      env: { GITHUB_STEP_SUMMARY: summary },
      stdout,
      render,
    });
    const markdown = readFileSync(path.join(dir, "out/summary.md"), "utf8");
    expect(markdown).toMatch(/^## ❌ twinrun: behavioural change/);
    expect(readFileSync(path.join(dir, "out/junit.xml"), "utf8")).toMatch(/^<\?xml/);
    expect(readFileSync(summary, "utf8")).toBe(`earlier step\n${markdown}\n`);
    expect(stdout.text).toBe("");
  });

  it("leaves the step summary alone when asked to", async () => {
    const dir = makeTempDir();
    const summary = path.join(dir, "step-summary.md");
    writeFileSync(summary, "");
    await writeCiOutputs(makeChangedReport(), {
      stepSummary: false,
      env: { GITHUB_STEP_SUMMARY: summary },
      stdout: sink(),
      render,
    });
    expect(readFileSync(summary, "utf8")).toBe("");
  });

  it("prints annotations only on GitHub Actions", async () => {
    const off = sink();
    await writeCiOutputs(makeChangedReport(), { stepSummary: true, env: {}, stdout: off, render });
    expect(off.text).toBe("");
    const on = sink();
    await writeCiOutputs(makeChangedReport(), {
      stepSummary: true,
      env: { GITHUB_ACTIONS: "true" },
      stdout: on,
      render,
    });
    expect(on.text).toMatch(/^::error title=twinrun%3A score changed::/);
  });

  it("says which file could not be written", async () => {
    const dir = makeTempDir({ "a-file": "" });
    const error = await writeCiOutputs(makeChangedReport(), {
      junit: path.join(dir, "a-file", "junit.xml"),
      stepSummary: false,
      env: {},
      stdout: sink(),
      render,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TwinrunError);
    expect((error as TwinrunError).message).toContain(
      `could not write the JUnit report to ${path.join(dir, "a-file", "junit.xml")} (--junit)`,
    );
  });
});
