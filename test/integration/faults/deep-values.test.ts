// 100,000-deep values from JavaScript components, in this process (runTwin with functions) and in
// worker threads (js: modules through the CLI): converted, compared, written and rendered by every
// reporter without overflowing the stack; equal ones are equal, a change at the bottom is a change.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runTwin } from "../../../src/index.ts";
import { jsonl, makeWorkspace, REPO_ROOT } from "../../helpers/cli.ts";
import { runInProcess } from "../../helpers/in-process.ts";

const DEPTH = 100_000;
const nest = (leaf: string) => {
  let value: unknown = leaf;
  for (let level = 0; level < DEPTH; level++) value = level % 2 === 0 ? [value] : { down: value };
  return value;
};

const workspace = makeWorkspace({
  "inputs.jsonl": jsonl([
    { id: 0, depth: DEPTH },
    { id: 1, depth: DEPTH, change: true },
    { id: 2, depth: 3 },
  ]),
});
afterAll(() => workspace.cleanup());
const moduleSpec = (name: string) =>
  `js:${path.join(REPO_ROOT, "test", "fixtures", "modules", "js", "deep-value.mjs")}#${name}`;

describe("100,000-deep values from JavaScript components", () => {
  it("finds two equal ones equal and a change at the bottom a change, in this process", async () => {
    const same = await runTwin({
      old: () => nest("a"),
      new: () => nest("a"),
      inputs: [{ id: 0 }],
      run: { timeout: 0 },
    });
    expect(same.verdict).toBe("equivalent");
    expect(same.summary).toMatchObject({ trials: 1, same: 1, inconclusive: 0 });
    const changed = await runTwin({
      old: () => nest("a"),
      new: () => nest("b"),
      inputs: [{ id: 0 }],
      run: { timeout: 0 },
    });
    expect(changed.verdict).toBe("changed");
    expect(changed.summary).toMatchObject({ trials: 1, changed: 1, inconclusive: 0 });
    expect(changed.paths).toHaveLength(1);
    expect(changed.paths[0]?.path).toBe(
      Array(DEPTH / 2)
        .fill("down[*]")
        .join("."),
    );
  }, 120_000);

  it("compares them from js: modules in worker threads and writes every reporter's file", async () => {
    const reporters = Object.entries({
      json: "report.json",
      markdown: "report.md",
      html: "report.html",
      junit: "junit.xml",
      github: "annotations.txt",
      terminal: "terminal.txt",
    }).flatMap(([name, file]) => ["--reporter", `${name}=${file}`]);
    const run = await runInProcess(
      [
        "run",
        "--old",
        moduleSpec("nest"),
        "--new",
        moduleSpec("nestChanged"),
        "-i",
        "inputs.jsonl",
        "-n",
        "all",
        "--timeout",
        "0",
      ].concat(reporters),
      { cwd: workspace.dir },
    );
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(1);
    const read = (file: string) => readFileSync(path.join(workspace.dir, file), "utf8");
    const report = JSON.parse(read("report.json"));
    // The equal deep pair is same, the pair that differs only at the bottom is the one change.
    expect(report.summary).toMatchObject({ trials: 3, same: 2, changed: 1, inconclusive: 0 });
    expect(report.examples.map((example: { index: number }) => example.index)).toEqual([1]);
    expect(read("report.md")).toContain("1 of 3");
    expect(read("report.html")).toMatch(/<\/html>\s*$/);
    expect(read("junit.xml")).toContain("<testsuite");
    expect(read("annotations.txt")).toContain("::error");
    expect(read("terminal.txt")).toContain("CHANGED");
  }, 180_000);
});
