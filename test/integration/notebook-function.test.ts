// `nb:<file.ipynb>:<function>`: a function taken from a real notebook's defining cells, run by real
// Python workers, against the module it was moved to. Nothing else of the notebook may run.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { notebookText } from "../fixtures/notebooks/notebook-factory.ts";
import { PLAIN_PYTHON } from "../fixtures/python/python-env.ts";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { commit, makeGitRepo } from "../helpers/git-repo.ts";
import { runInProcess } from "../helpers/in-process.ts";

const records = Array.from({ length: 10 }, (_, i) => ({ id: i, x: i * 1.5, tags: i % 3 ? ["a"] : [] }));

// A notebook as analysts write them: imports with a magic, constants, a data load that would fail
// here (no such file), the function, a shell line, a cell that uses the data, and a plot.
const EXPLORE = notebookText([
  { md: "# Scoring\nExploration of the score." },
  "import math\nimport json\n%load_ext autoreload",
  "WEIGHT = 2.5\nBONUS = {'a': 1.0}\nLABELS = [f'tier{i}' for i in range(3)]",
  "rows = [json.loads(line) for line in open('/no/such/data.jsonl')]\nrows[:3]",
  "def score(record):\n    bonus = sum((BONUS.get(tag, 0.0) for tag in record['tags']), 0.0)\n    return {'id': record['id'], 'score': math.floor(record['x'] * WEIGHT) + bonus}",
  "!pip install seaborn",
  "scores = [score(r) for r in rows]\nprint(len(scores))",
  "import matplotlib.pyplot as plt\nplt.hist([s['score'] for s in scores])",
]);

const MODULE_SAME = `import math\n\n\ndef score(record):\n    bonus = 1.0 * record["tags"].count("a")\n    return {"id": record["id"], "score": math.floor(record["x"] * 2.5) + bonus}\n`;
const MODULE_CHANGED = MODULE_SAME.replace("math.floor", "round");

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function workspace(files: Record<string, string>): string {
  const created = makeWorkspace({ "inputs.jsonl": jsonl(records), ...files });
  cleanups.push(created.cleanup);
  return created.dir;
}

const run = (dir: string, args: string[]) =>
  runInProcess(["run", "-i", "inputs.jsonl", "-n", "all", "--concurrency", "1", ...args], {
    cwd: dir,
    env: { TWINRUN_PYTHON: PLAIN_PYTHON },
  });

function readReport(dir: string) {
  return JSON.parse(readFileSync(path.join(dir, ".twinrun/last-report.json"), "utf8"));
}

describe("twinrun run with nb:<notebook>:<function>", () => {
  it("takes only the defining cells, so the failing data load never runs, and passes an equal module (exit 0)", async () => {
    const dir = workspace({ "explore.ipynb": EXPLORE, "scoring.py": MODULE_SAME });
    const result = await run(dir, ["--old", "nb:explore.ipynb:score", "--new", "py:scoring:score"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const report = readReport(dir);
    expect(report.summary).toMatchObject({ trials: 10, same: 10, changed: 0 });
    expect(report.components.old.spec).toBe(`nb:explore.ipynb:score (${PLAIN_PYTHON}, record)`);
    const { notebook } = report.components.old;
    expect(notebook).toMatchObject({
      path: path.join(dir, "explore.ipynb"),
      function: "score",
      definedIn: 5,
    });
    expect(notebook.unresolved).toEqual([]);
    const cells = Object.fromEntries(
      notebook.cells.map((cell: { cell: number; taken: boolean; why: string }) => [cell.cell, cell]),
    );
    expect(Object.keys(cells)).toEqual(["2", "3", "4", "5", "6", "7", "8"]); // code cells only
    expect(cells[2]).toMatchObject({ taken: true, why: "imports (without line 3: %load_ext autoreload)" });
    expect(cells[3]).toMatchObject({ taken: true, why: "constants" });
    expect(cells[4]).toMatchObject({
      taken: false,
      why: expect.stringMatching(/^line 1: rows = .* loads data$/),
    });
    expect(cells[5]).toMatchObject({ taken: true, why: "def score" });
    expect(cells[6]).toMatchObject({
      taken: false,
      why: "only shell lines and magics (line 1: !pip install seaborn)",
    });
    expect(cells[7]).toMatchObject({
      taken: false,
      why: expect.stringMatching(/^line 1: scores = .* runs code$/),
    });
    expect(cells[8]).toMatchObject({
      taken: false,
      why: expect.stringMatching(/^line 2: plt\.hist.* plots$/),
    });
    // The terminal says the same, cell by cell.
    expect(result.stdout).toContain(
      "Notebook cells (old): explore.ipynb, score from cell 5; 3 of 7 code cells taken",
    );
    expect(result.stdout).toMatch(/left out cell 4 +line 1: rows = .* loads data/);
    expect(result.stdout).toMatch(/taken +cell 5 +def score/);
  });

  it("reports what the module changed against the notebook (exit 1), with the notebook's cell in tracebacks", async () => {
    const failing = notebookText([
      "def score(record):\n    if record['id'] == 4:\n        raise ValueError('bad record')\n    return {'id': record['id'], 'score': int(record['x'] * 2.5) + 1.0 * record['tags'].count('a')}",
    ]);
    const dir = workspace({ "explore.ipynb": failing, "scoring.py": MODULE_CHANGED });
    const result = await run(dir, [
      "--old",
      "nb:explore.ipynb:score",
      "--new",
      "py:scoring:score",
      "--json",
      "r.json",
    ]);
    expect(result.exitCode).toBe(1);
    const report = readReport(dir);
    expect(report.summary.failures).toEqual({ old: 1, new: 0, both: 0 });
    expect(report.paths.find((stats: { path: string }) => stats.path === "score")).toMatchObject({
      changed: 4,
    });
    const example = report.examples.find((item: { index: number }) => item.index === 4);
    expect(example.old.failure.message).toBe("ValueError: bad record");
    expect(example.old.failure.stderr).toContain('File "explore.ipynb (cell 1)", line 3, in score');
    expect(example.old.failure.stderr).toContain("raise ValueError('bad record')");
  });

  it("always takes a cell tagged twinrun and never one tagged twinrun-skip", async () => {
    const tagged = notebookText([
      "import json",
      // Computed, so not a constant: taken only because it is tagged.
      { code: "BONUS = json.loads('{\"a\": 1.0}')", tags: ["twinrun"] },
      "def score(record):\n    return {'id': record['id'], 'score': int(record['x'] * 2.5) + sum((BONUS.get(t, 0.0) for t in record['tags']), 0.0)}",
      // A later redefinition that would win if it ran.
      { code: "def score(record):\n    return {'id': record['id'], 'score': -1}", tags: ["twinrun-skip"] },
    ]);
    const dir = workspace({
      "explore.ipynb": tagged,
      "scoring.py": MODULE_SAME.replace("math.floor", "int"),
    });
    const result = await run(dir, ["--old", "nb:explore.ipynb:score", "--new", "py:scoring:score"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const { notebook } = readReport(dir).components.old;
    expect(notebook.definedIn).toBe(3);
    expect(notebook.cells.map((cell: { taken: boolean; why: string }) => [cell.taken, cell.why])).toEqual([
      [true, "imports"],
      [true, "tagged twinrun"],
      [true, "def score"],
      [false, "tagged twinrun-skip"],
    ]);
  });

  it("says which names the function reads that no taken cell defines", async () => {
    const dir = workspace({
      "explore.ipynb": notebookText([
        "import json",
        "stats = json.load(open('stats.json'))",
        "def score(record):\n    return {'id': record['id'], 'z': record['x'] - stats['mean']}",
      ]),
    });
    const result = await run(dir, ["--old", "nb:explore.ipynb:score", "--new", "nb:explore.ipynb:score"]);
    expect(result.exitCode).toBe(0); // both sides fail alike
    const { notebook } = readReport(dir).components.old;
    expect(notebook.cells[1]).toMatchObject({
      taken: false,
      why: "line 1: stats = json.load(open('stats.json')) loads data",
    });
    expect(notebook.unresolved).toEqual(["stats"]);
    expect(result.stdout).toContain("score reads stats, which no taken cell defines");
  });

  it("runs the notebook of the base commit with --base", async () => {
    const repo = makeGitRepo();
    cleanups.push(repo.cleanup);
    const original = notebookText([
      "def score(record):\n    return {'id': record['id'], 'score': record['x'] * 2}",
    ]);
    commit(repo.dir, { "inputs.jsonl": jsonl(records), "explore.ipynb": original }, "notebook");
    commit(repo.dir, { "explore.ipynb": original.replace("* 2}", "* 2 + (record['id'] == 3)}") }, "change");
    const result = await runInProcess(
      [
        "run",
        "-i",
        "inputs.jsonl",
        "-n",
        "all",
        "--concurrency",
        "1",
        "--base",
        "HEAD~1",
        "--new",
        "nb:explore.ipynb:score",
      ],
      { cwd: repo.dir, env: { TWINRUN_PYTHON: PLAIN_PYTHON, TMPDIR: repo.tmp } },
    );
    expect(result.exitCode).toBe(1);
    const report = readReport(repo.dir);
    expect(report.summary.changed).toBe(1);
    expect(report.examples[0].index).toBe(3);
    expect(report.components.old.notebook.path).not.toBe(path.join(repo.dir, "explore.ipynb"));
    expect(report.settings.old).toMatchObject({ adapter: "notebook", function: "score" });
  });
});

describe("nb:<notebook>:<function> errors", () => {
  it("names the file of a notebook that is not JSON (exit 2)", async () => {
    const dir = workspace({ "broken.ipynb": '{"cells": [\n  {"cell_type": "code",\n' });
    const result = await run(dir, ["--old", "nb:broken.ipynb:score", "--new", "nb:broken.ipynb:score"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      `${path.join(dir, "broken.ipynb")}: not a Jupyter notebook: its text is not JSON (line 3`,
    );
  });

  it("lists what the taken cells define when the function is not among them (exit 2)", async () => {
    const dir = workspace({
      "explore.ipynb": notebookText([
        "import math\ndef helper(x):\n    return x",
        "data = open('/no/such/file').read()\ndef score(record):\n    return record",
      ]),
    });
    const result = await run(dir, ["--old", "nb:explore.ipynb:score", "--new", "nb:explore.ipynb:score"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      "score is not defined in any cell twinrun takes (the taken cells define: helper, math)",
    );
    expect(result.stderr).toContain("cell 2 defines score but was left out: line 1: data = ");
    expect(result.stderr).toContain("tag cell 2 twinrun to run it whole");
  });

  it("rejects a spec that names no .ipynb file (exit 2)", async () => {
    const dir = workspace({});
    const result = await run(dir, ["--old", "nb:explore.py:score", "--new", "py:m:f"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("--old: expected nb:<notebook.ipynb>:<function> or nb:<notebook.ipynb>");
  });
});
