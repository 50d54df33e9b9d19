// `twinrun run` in the dataframe style: the CLI (in-process), real pandas workers (TWINRUN_PYTHON, else
// /usr/bin/python3), the sample turned into batches and tables compared by key.
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { describeWithPandas, PANDAS_PYTHON, PYTHON_FIXTURES } from "../fixtures/python/python-env.ts";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

const records = Array.from({ length: 12 }, (_, i) => ({ id: i, x: i * 1.5, group: i % 2 ? "a" : "b" }));

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function workspace(): string {
  const created = makeWorkspace({ "inputs.jsonl": jsonl(records) });
  cleanups.push(created.cleanup);
  cpSync(PYTHON_FIXTURES, created.dir, {
    recursive: true,
    filter: (source) => !source.includes("__pycache__"),
  });
  return created.dir;
}

function readReport(dir: string) {
  return JSON.parse(readFileSync(path.join(dir, ".twinrun/last-report.json"), "utf8"));
}

const run = (dir: string, args: string[]) =>
  runInProcess(
    ["run", "-i", "inputs.jsonl", "-n", "all", "--style", "dataframe", "--concurrency", "1", ...args],
    {
      cwd: dir,
      env: { TWINRUN_PYTHON: PANDAS_PYTHON },
    },
  );

describeWithPandas("twinrun run in the dataframe style", () => {
  it("reports an int64 column that became float64 by dtype and by value type, rows matched by key", async () => {
    const dir = workspace();
    const result = await run(dir, [
      "--old",
      "py:frame_functions:features_shuffled",
      "--new",
      "py:frame_functions:features_n_as_float",
      "--key",
      "id",
    ]);
    expect(result.exitCode).toBe(1);
    const report = readReport(dir);
    expect(report.summary).toMatchObject({ trials: 12, changed: 12 });
    expect(report.table.rows).toMatchObject({ old: 12, new: 12, matched: 12 });
    expect(report.table.schema.dtypeChanges).toEqual([{ column: "n", old: "int64", new: "float64" }]);
    expect(report.table.schema.typeChanges).toEqual([{ column: "n", old: "int", new: "float" }]);
    expect(report.paths).toEqual([expect.objectContaining({ path: "n", kinds: { type: 12 } })]);
    expect(result.stdout).toContain("n: dtype int64 → float64");
    expect(result.stdout).toMatch(/^ {2}n +type +0 +0\.0$/m);
  });

  it("reports a changed value by key and counts changed rows, not batches", async () => {
    const dir = workspace();
    const result = await run(dir, [
      "--old",
      "py:frame_functions:features",
      "--new",
      "py:frame_functions:features_shuffled_changed",
      "--key",
      "id",
      "--batch-size",
      "5",
    ]);
    expect(result.exitCode).toBe(1);
    const report = readReport(dir);
    expect(report.summary).toMatchObject({ trials: 12, changed: 1 });
    expect(report.table.columns[0]).toMatchObject({ column: "y", changed: 1 });
    expect(report.examples[0].inputText).toMatch(/^id=3 · /);
  });

  it("calls the function once per batch of --batch-size rows", async () => {
    const dir = workspace();
    const result = await run(dir, [
      "--old",
      "py:frame_functions:batch_sizes",
      "--new",
      "py:frame_functions:batch_sizes",
      "--batch-size",
      "5",
    ]);
    expect(result.exitCode).toBe(0);
    const report = readReport(dir);
    expect(report.summary).toMatchObject({ trials: 3, same: 3 });
    expect(report.sample.size).toBe(12);
  });
});
