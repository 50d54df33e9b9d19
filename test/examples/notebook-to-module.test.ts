// examples/notebook-to-module: the feature function of a notebook against the module it moved to.
// The notebook imports pandas, so this needs it (TWINRUN_PYTHON, else /usr/bin/python3).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { describeWithPandas, PANDAS_PYTHON } from "../fixtures/python/python-env.ts";
import { REPO_ROOT, runCli } from "../helpers/cli.ts";

const EXAMPLE = path.join(REPO_ROOT, "examples/notebook-to-module");

/** Why: the customers whose income is null, the ones the module's `row.get` no longer turns into 0. */
function inputsWithoutIncome(): number[] {
  return readFileSync(path.join(EXAMPLE, "customers.jsonl"), "utf8")
    .trim()
    .split("\n")
    .flatMap((line, index) => (JSON.parse(line).income === null ? [index] : []));
}

describeWithPandas("examples/notebook-to-module", () => {
  it("runs only the notebook's defining cells and finds the module failing on exactly the null incomes (exit 1)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "twinrun-notebook-to-module-"));
    try {
      const config = path.join(EXAMPLE, "twinrun.config.yaml");
      const result = await runCli(["run", "-c", config, "--json", "report.json", "--no-save"], {
        cwd: dir,
        env: { TWINRUN_PYTHON: PANDAS_PYTHON },
      });
      expect(result.stderr).toBe("");
      expect(result.exitCode).toBe(1);
      const report = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8"));

      // The data-loading, feature-table and plotting cells never ran (data/ does not even exist).
      const cells = report.components.old.notebook.cells.map((cell: { cell: number; taken: boolean }) => [
        cell.cell,
        cell.taken,
      ]);
      expect(cells).toEqual([
        [2, true],
        [3, true],
        [4, false],
        [5, true],
        [6, false],
        [7, false],
      ]);
      expect(result.stdout).toContain("add_features from cell 5; 3 of 6 code cells taken");

      // The one change: the module raises where the notebook's `or 0.0` gave 0, and nothing else
      // differs beyond tolerance (log1p and fsum only move the last bits).
      const nullIncomes = inputsWithoutIncome();
      expect(nullIncomes.length).toBeGreaterThan(0);
      expect(report.summary).toMatchObject({ trials: 400, changed: nullIncomes.length });
      expect(report.summary.failures).toEqual({ old: 0, new: nullIncomes.length, both: 0 });
      expect(report.paths.map((stats: { path: string }) => stats.path)).toEqual(["$"]);
      const failed = report.examples.map((example: { index: number }) => example.index);
      expect(nullIncomes).toEqual(expect.arrayContaining(failed));
      expect(report.examples[0].new.failure.message).toMatch(/^TypeError: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
