// Report files named relative (`--reporter json=out.json`, `--markdown`, a config's
// report.reporters, a replayed report's settings) land in the run's folder, also when the CLI
// runs in-process with a cwd other than the process's own.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

const workspace = makeWorkspace({
  "project/inputs.jsonl": jsonl([{ x: 1 }, { x: 2 }]),
  "project/old.csv": "id,v\n1,2\n",
  "project/new.csv": "id,v\n1,3\n",
  "project/configs/twinrun.yaml": "report:\n  reporters: [junit=config-junit.xml]\n",
});
afterAll(() => workspace.cleanup());
const project = path.join(workspace.dir, "project");
const processFiles = () => new Set(readdirSync(process.cwd()));

describe("report files of an in-process run", () => {
  it("resolves --reporter, the shorthands and a config's reporters against the run's cwd", async () => {
    expect(process.cwd()).not.toBe(project);
    const before = processFiles();
    // The config's reporters stay: the flags name no --reporter, only the shorthands.
    const run = await runInProcess(
      ["run", "--old", "cat", "--new", "cat", "-i", "inputs.jsonl", "-c", "configs/twinrun.yaml"].concat([
        "--json",
        "out/report.json",
        "--markdown",
        "summary.md",
        "--html",
        "report.html",
      ]),
      { cwd: project },
    );
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    for (const file of ["out/report.json", "summary.md", "report.html", "configs/config-junit.xml"])
      expect(existsSync(path.join(project, file)), file).toBe(true);
    expect([...processFiles()].filter((name) => !before.has(name))).toEqual([]);

    // A replay of that report, from the run's folder, writes its --reporter file there too.
    const replay = await runInProcess(
      ["run", "--replay", "out/report.json", "--reporter", "json=replayed.json"],
      { cwd: project },
    );
    expect(replay.exitCode).toBe(0);
    expect(existsSync(path.join(project, "replayed.json"))).toBe(true);
  });

  it("resolves the reporters of `twinrun diff` against the run's cwd", async () => {
    const before = processFiles();
    const diff = await runInProcess(["diff", "old.csv", "new.csv", "--reporter", "json=diff.json"], {
      cwd: project,
    });
    expect(diff.exitCode).toBe(1);
    expect(existsSync(path.join(project, "diff.json"))).toBe(true);
    expect([...processFiles()].filter((name) => !before.has(name))).toEqual([]);
  });
});
