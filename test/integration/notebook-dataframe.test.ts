// `nb:<file.ipynb>:<function>` in the dataframe style: the notebook's function and the module's get
// the same batches, and the returned DataFrames are compared as tables by key.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { notebookText } from "../fixtures/notebooks/notebook-factory.ts";
import { describeWithPandas, PANDAS_PYTHON } from "../fixtures/python/python-env.ts";
import { makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

const CSV = `id,x,region\n${Array.from({ length: 30 }, (_, i) => `${i},${(i * 0.7).toFixed(1)},${i % 3 ? "eu" : "us"}`).join("\n")}\n`;

const NOTEBOOK = notebookText([
  "import pandas as pd",
  "raw = pd.read_parquet('s3://bucket/raw.parquet')",
  "def build(df):\n    out = df[['id']].copy()\n    out['score'] = df['x'] * 2\n    out['is_us'] = df['region'] == 'us'\n    return out",
  "build(raw).describe()",
]);

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

describeWithPandas("nb:<notebook>:<function> in the dataframe style", () => {
  it("compares the notebook's DataFrames with the module's as tables, batch by batch (exit 1 on a changed row)", async () => {
    const module =
      "def build(df):\n    out = df[['id']].copy()\n    out['score'] = df['x'] * 2 + (df['id'] == 7)\n    out['is_us'] = df['region'] == 'us'\n    return out.iloc[::-1]\n";
    const created = makeWorkspace({ "rows.csv": CSV, "explore.ipynb": NOTEBOOK, "features.py": module });
    cleanups.push(created.cleanup);
    const result = await runInProcess(
      [
        "run",
        "-i",
        "rows.csv",
        "--old",
        "nb:explore.ipynb:build",
        "--new",
        "py:features:build",
        "--style",
        "dataframe",
        "--batch-size",
        "10",
        "--key",
        "id",
        "--concurrency",
        "1",
      ],
      { cwd: created.dir, env: { TWINRUN_PYTHON: PANDAS_PYTHON } },
    );
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(path.join(created.dir, ".twinrun/last-report.json"), "utf8"));
    expect(report.table.rows).toMatchObject({ old: 30, new: 30, matched: 30 });
    const changed = report.table.columns.filter((column: { changed: number }) => column.changed > 0);
    expect(changed).toEqual([expect.objectContaining({ column: "score", changed: 1 })]);
    expect(report.components.old.notebook.cells.map((cell: { taken: boolean }) => cell.taken)).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(report.settings.old).toMatchObject({
      adapter: "notebook",
      style: "dataframe",
      batchSize: 10,
      key: ["id"],
    });
  });
});
