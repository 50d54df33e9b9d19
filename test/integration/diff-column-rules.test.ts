// `twinrun diff` with path rules on columns given as flags: --timestamps (key columns too) and
// rules that name a column in another case under --ignore-column-case.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeWorkspace, runCli } from "../helpers/cli.ts";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function workspace(files: Record<string, string>) {
  const created = makeWorkspace(files);
  cleanups.push(created.cleanup);
  const run = (args: string[]) =>
    runCli(["diff", ...args, "--json", "report.json", "--no-save"], { cwd: created.dir });
  const diff = async (args: string[]) => {
    const result = await run(args);
    return { ...result, report: JSON.parse(readFileSync(path.join(created.dir, "report.json"), "utf8")) };
  };
  return { run, diff };
}

describe("twinrun diff --timestamps", () => {
  it("pairs and compares dates spelled differently as instants, the key column included", async () => {
    const { diff } = workspace({
      "old.csv": "day,at,v\n2017-01-01,2017-01-01 06:00:00,1\n2017-01-02,2017-01-02,2\n",
      "new.jsonl":
        '{"day":"2017-01-02T00:00:00Z","at":"2017-01-02 00:00","v":2}\n' +
        '{"day":"2017-01-01 00:00:00","at":"2017-01-01T07:00:00+01:00","v":1}\n',
    });
    const byText = await diff(["old.csv", "new.jsonl", "--key", "day"]);
    expect(byText.exitCode).toBe(1);
    expect(byText.report.table.rows).toMatchObject({ matched: 0, onlyOld: 2, onlyNew: 2 });
    const byInstant = await diff([
      "old.csv",
      "new.jsonl",
      "--key",
      "day",
      "--timestamps",
      "day",
      "--timestamps",
      "at",
    ]);
    expect(byInstant.stderr).toBe("");
    expect(byInstant.exitCode).toBe(0);
    expect(byInstant.report.table.rows).toMatchObject({ matched: 2, onlyOld: 0, onlyNew: 0 });
  });

  it("rejects a pattern the comparator cannot read, naming the flag", async () => {
    const { run } = workspace({ "old.csv": "a\n1\n", "new.csv": "a\n1\n" });
    const result = await run(["old.csv", "new.csv", "--timestamps", "a b"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("--timestamps: expected a path pattern");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("twinrun diff --ignore-column-case with column rules", () => {
  it("applies a rule naming a column in another case, and does not call it unused", async () => {
    const { diff } = workspace({
      "old.csv": "ID,Score,Note\n1,0.5,a\n2,1.5,b\n",
      "new.csv": "id,score,note\n2,1.75,b\n1,0.5,c\n",
    });
    const args = ["old.csv", "new.csv", "--key", "id", "--tol", "SCORE=abs:0.5", "--ignore", "note"];
    // Without it, rows pair by position and the rule names no column.
    const strict = await diff(["old.csv", "new.csv", "--tol", "SCORE=abs:0.5"]);
    expect(strict.exitCode).toBe(1);
    expect(strict.report.unusedRules.map((rule: { path: string }) => rule.path)).toEqual(["SCORE"]);
    const matched = await diff([...args, "--ignore-column-case"]);
    expect(matched.stderr).toBe("");
    expect(matched.exitCode).toBe(0);
    expect(matched.report.unusedRules).toBeUndefined();
    expect(
      matched.report.table.columns.find((column: { column: string }) => column.column === "Note"),
    ).toMatchObject({
      ignored: true,
    });
  });
});
