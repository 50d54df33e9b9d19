// Reporters through the CLI (in-process): the config's report section and --reporter reach every command.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function workspace(files: Record<string, string>): string {
  const created = makeWorkspace(files);
  cleanups.push(created.cleanup);
  return created.dir;
}

const oldJsonl = '{"id":1,"score":0.5}\n{"id":2,"score":0.25}\n';
const newJsonl = '{"id":1,"score":0.5}\n{"id":2,"score":0.75}\n';

describe("reporters in twinrun diff", () => {
  it("writes the Markdown and JUnit files named in the config's report section", async () => {
    const dir = workspace({
      "old.jsonl": oldJsonl,
      "new.jsonl": newJsonl,
      "twinrun.config.yaml": "report:\n  markdown: out/summary.md\n  reporters: [junit=out/junit.xml]\n",
    });
    const result = await runInProcess(["diff", "old.jsonl", "new.jsonl", "--no-save"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(readFileSync(path.join(dir, "out/summary.md"), "utf8")).toMatch(
      /^## ❌ twinrun: behavioural change/,
    );
    expect(readFileSync(path.join(dir, "out/junit.xml"), "utf8")).toContain(
      '<testcase classname="twinrun.paths" name="score"',
    );
    expect(result.stdout).toContain("Differing rows");
  });

  it("prints only the reporter asked for on stdout, and names an unknown one (exit 2)", async () => {
    const dir = workspace({ "old.jsonl": oldJsonl, "new.jsonl": newJsonl });
    const asked = await runInProcess(["diff", "old.jsonl", "new.jsonl", "--no-save", "--reporter", "junit"], {
      cwd: dir,
    });
    expect(asked.exitCode).toBe(1);
    expect(asked.stdout).toMatch(/^<\?xml/);
    const typo = await runInProcess(["diff", "old.jsonl", "new.jsonl", "--reporter", "junt=x.xml"], {
      cwd: dir,
    });
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain('unknown reporter "junt" (did you mean junit?)');
    expect(existsSync(path.join(dir, "x.xml"))).toBe(false);
  });
});
