// `nb:<file.ipynb>` in dataset mode: a real notebook run whole through nbclient and a real kernel,
// with the sample's and the output's paths injected after its `parameters` cell (Papermill's way).
import { chmodSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { notebookText } from "../fixtures/notebooks/notebook-factory.ts";
import { PANDAS_PYTHON } from "../fixtures/python/python-env.ts";
import { makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

/** Debian's python3 has nbclient, nbformat and ipykernel (.ci/run installs them). */
const NOTEBOOK_PYTHON = PANDAS_PYTHON;

const RAW = "id,x\n1,2\n2,3.5\n3,-1\n4,10\n";

const pipeline = (formula: string, extra: string[] = []) =>
  notebookText([
    { md: "# Batch features" },
    "import csv",
    { code: "input_path = 'data/raw.csv'\noutput_path = 'data/features.csv'", tags: ["parameters"] },
    "with open(input_path, newline='') as f:\n    rows = list(csv.DictReader(f))",
    `for row in rows:\n    x = float(row['x'])\n    row['y'] = ${formula}`,
    ...extra,
    "with open(output_path, 'w', newline='') as f:\n    writer = csv.DictWriter(f, fieldnames=['id', 'x', 'y'])\n    writer.writeheader()\n    writer.writerows(rows)",
  ]);

const SCRIPT =
  "import csv, sys\nrows = list(csv.DictReader(open(sys.argv[1])))\nfor r in rows: r['y'] = float(r['x']) * 2\n" +
  "with open(sys.argv[2], 'w', newline='') as f:\n    w = csv.DictWriter(f, fieldnames=['id', 'x', 'y']); w.writeheader(); w.writerows(rows)\n";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function workspace(files: Record<string, string>): string {
  const created = makeWorkspace({ "raw.csv": RAW, "v2.py": SCRIPT, ...files });
  cleanups.push(created.cleanup);
  return created.dir;
}

const runDataset = (dir: string, oldSpec: string, extra: string[] = []) =>
  runInProcess(
    [
      "run",
      "--old",
      oldSpec,
      "--new",
      `${NOTEBOOK_PYTHON} v2.py {input} {output}`,
      "--mode",
      "dataset",
      "-i",
      "raw.csv",
      "--key",
      "id",
      ...extra,
    ],
    { cwd: dir, env: { TWINRUN_PYTHON: NOTEBOOK_PYTHON } },
  );

function readReport(dir: string) {
  return JSON.parse(readFileSync(path.join(dir, ".twinrun/last-report.json"), "utf8"));
}

describe("twinrun run with nb:<notebook> in dataset mode", () => {
  it("injects the paths after the parameters cell and passes an equivalent notebook (exit 0)", async () => {
    const dir = workspace({ "pipeline.ipynb": pipeline("x * 2") });
    const result = await runDataset(dir, "nb:pipeline.ipynb");
    expect(result.exitCode).toBe(0);
    const report = readReport(dir);
    expect(report.dataset.old).toMatchObject({ status: "ok", rows: 4 });
    expect(report.table.rows).toMatchObject({ old: 4, new: 4, matched: 4 });
    expect(report.components.old.spec).toBe(
      `nb:pipeline.ipynb (whole notebook, ${NOTEBOOK_PYTHON} kernel; input_path, output_path injected after the parameters cell)`,
    );
    expect(report.settings.old).toMatchObject({
      adapter: "notebook",
      parameters: { input: "input_path", output: "output_path" },
    });
  });

  it("reports the rows a changed notebook computes differently (exit 1), with names of its own choosing", async () => {
    const renamed = pipeline("x * 2 if x > 0 else 0.0")
      .replaceAll("input_path", "raw_file")
      .replaceAll("output_path", "features_file");
    const dir = workspace({
      "pipeline.ipynb": renamed,
      "twinrun.config.yaml":
        "old:\n  adapter: notebook\n  notebook: pipeline.ipynb\n  parameters: { input: raw_file, output: features_file }\n",
    });
    const result = await runDataset(dir, "nb:pipeline.ipynb");
    expect(result.exitCode).toBe(1);
    const report = readReport(dir);
    expect(report.table.columns.find((column: { column: string }) => column.column === "y")).toMatchObject({
      changed: 1,
    });
    expect(report.table.rows).toMatchObject({ old: 4, new: 4, matched: 4 });
  });

  it("makes a cell that raises that side's failure, naming the cell and the traceback's last lines (exit 1)", async () => {
    const dir = workspace({
      "pipeline.ipynb": pipeline("x * 2", [
        "if any(float(r['x']) < 0 for r in rows):\n    raise ValueError('negative x in the input')",
      ]),
    });
    const result = await runDataset(dir, "nb:pipeline.ipynb");
    expect(result.exitCode).toBe(1);
    const { dataset } = readReport(dir);
    expect(dataset.old.status).toBe("failure");
    expect(dataset.old.failure).toMatchObject({
      kind: "exception",
      message: "cell 6 raised ValueError: negative x in the input",
    });
    expect(dataset.old.failure.stderr).toContain("----> 2     raise ValueError('negative x in the input')");
    expect(result.stdout).toContain("cell 6 raised ValueError: negative x in the input");
  });
});

describe("nb:<notebook> errors", () => {
  it("asks for a parameters cell when none is tagged (exit 2)", async () => {
    const untagged = pipeline("x * 2").replace('"parameters"', '"settings"');
    const dir = workspace({ "pipeline.ipynb": untagged });
    const result = await runDataset(dir, "nb:pipeline.ipynb");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      "no cell is tagged parameters: tag the cell that sets input_path and output_path",
    );
  });

  it("names the packages a Python without nbclient lacks (exit 3)", async () => {
    // The same interpreter without its site packages: no nbclient, nbformat or ipykernel.
    const dir = workspace({
      "pipeline.ipynb": pipeline("x * 2"),
      "bare-python": `#!/bin/sh\nexec ${NOTEBOOK_PYTHON} -S "$@"\n`,
    });
    chmodSync(path.join(dir, "bare-python"), 0o755);
    const result = await runDataset(dir, "nb:pipeline.ipynb", ["--python", "./bare-python"]);
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain("it has no nbformat, nbclient, ipykernel");
    expect(result.stderr).toContain("apt-get install python3-nbclient python3-nbformat python3-ipykernel");
    expect(result.stderr).toContain("pip install nbclient nbformat ipykernel");
  });

  it("names a kernel that is not installed and the ones that are (exit 3)", async () => {
    const dir = workspace({
      "pipeline.ipynb": pipeline("x * 2"),
      "twinrun.config.yaml":
        "old:\n  adapter: notebook\n  notebook: pipeline.ipynb\n  kernel: no-such-kernel\n",
    });
    const result = await runDataset(dir, "nb:pipeline.ipynb");
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain('no Jupyter kernel named "no-such-kernel"');
  });
});
