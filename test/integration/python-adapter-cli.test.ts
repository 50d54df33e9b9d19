// `twinrun run` with Python functions: the CLI (in-process), real Python workers, real files.
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PLAIN_PYTHON, PYTHON_FIXTURES } from "../fixtures/python/python-env.ts";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

const records = Array.from({ length: 12 }, (_, i) => ({ id: i, x: i * 1.5, group: i % 2 ? "a" : "b" }));

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** A workspace with the inputs and a copy of the Python fixtures (so reports land in it). */
function workspace(files: Record<string, string> = {}): string {
  const created = makeWorkspace({ "inputs.jsonl": jsonl(records), ...files });
  cleanups.push(created.cleanup);
  cpSync(PYTHON_FIXTURES, created.dir, {
    recursive: true,
    filter: (source) => !source.includes("__pycache__"),
  });
  return created.dir;
}

function readReport(dir: string, file = ".twinrun/last-report.json") {
  return JSON.parse(readFileSync(path.join(dir, file), "utf8"));
}

const run = (dir: string, args: string[], env: Record<string, string> = {}) =>
  // One worker per side: the trials are quick, and fewer processes keep the test fast.
  runInProcess(["run", "-i", "inputs.jsonl", "-n", "all", "--concurrency", "1", ...args], {
    cwd: dir,
    env: { TWINRUN_PYTHON: PLAIN_PYTHON, ...env },
  });

describe("twinrun run with py:<module>:<function>", () => {
  it("passes two equal functions, with print() noise on one side (exit 0)", async () => {
    const dir = workspace({
      "noisy_double.py":
        'def build(r):\n    print("computing", r["id"])\n    return {"id": r["id"], "y": r["x"] * 2}\n',
    });
    const result = await run(dir, [
      "--old",
      "py:record_functions:double_x",
      "--new",
      "py:noisy_double:build",
    ]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const report = readReport(dir);
    expect(report.summary).toMatchObject({ trials: 12, same: 12, changed: 0 });
    expect(report.components.old.spec).toBe(`py:record_functions:double_x (${PLAIN_PYTHON}, record)`);
  });

  it("runs same-named modules from two folders and reports what changed (exit 1)", async () => {
    const dir = workspace();
    const result = await run(dir, ["--old", "py:old/features.py:build", "--new", "py:new/features.py:build"]);
    expect(result.exitCode).toBe(1);
    const report = readReport(dir);
    expect(report.paths).toEqual([
      expect.objectContaining({ path: "version", changed: 12, kinds: { value: 12 } }),
    ]);
    expect(report.examples[0].differences[0]).toMatchObject({ old: "old", new: "new" });
  });

  it("fails only the input whose worker was killed, restarts it and goes on (exit 1)", async () => {
    const dir = workspace({
      "killer.py": [
        "import os, signal",
        "def build(r):",
        "    if r['id'] == 5:",
        "        os.kill(os.getpid(), signal.SIGKILL)",
        "    return {'id': r['id'], 'y': r['x'] * 2}",
        "",
      ].join("\n"),
    });
    const result = await run(dir, ["--old", "py:record_functions:double_x", "--new", "py:killer:build"]);
    expect(result.exitCode).toBe(1);
    const report = readReport(dir);
    expect(report.summary).toMatchObject({ trials: 12, same: 11, changed: 1, failures: { old: 0, new: 1 } });
    expect(report.examples[0]).toMatchObject({
      index: 5,
      new: { status: "failure", failure: { kind: "crash", signal: "SIGKILL" } },
    });
  });

  it("shows Python's import error and exits 3 when a module cannot be imported", async () => {
    const dir = workspace();
    const result = await run(dir, ["--old", "py:record_functions:double_x", "--new", "py:featurs_v2:build"]);
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain(
      "new component could not start: Python could not load py:featurs_v2:build (ModuleNotFoundError: No module named 'featurs_v2')",
    );
    expect(result.stderr).not.toMatch(/\.ts:\d+/);
  });

  it("reads a Python component from the config file and replays its report", async () => {
    const config = [
      "old: { adapter: python, module: features, function: build, cwd: old }",
      "new: { adapter: python, module: features, function: build, cwd: new, label: refactor }",
      "compare: { rules: [{ path: version, ignore: true }] }",
      "",
    ].join("\n");
    const dir = workspace({ "twinrun.config.yaml": config });
    const first = await run(dir, []);
    expect(first.exitCode).toBe(0);
    expect(readReport(dir).settings.new).toMatchObject({
      adapter: "python",
      module: "features",
      python: PLAIN_PYTHON,
      cwd: path.join(dir, "new"),
    });
    const replay = await runInProcess(["run", "--replay", ".twinrun/last-report.json", "--only", "3"], {
      cwd: dir,
    });
    expect(replay.exitCode).toBe(0);
    expect(readReport(dir, ".twinrun/last-replay.json").summary.trials).toBe(1);
  });
});
