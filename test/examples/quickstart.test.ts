// examples/quickstart: the README's first command, run from another folder as a user would.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../helpers/cli.ts";

describe("examples/quickstart", () => {
  it("finds the moved age-bucket boundaries, tolerates the float noise, and exits 1", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "twinrun-quickstart-"));
    try {
      const config = path.join(REPO_ROOT, "examples/quickstart/twinrun.config.yaml");
      const result = await runCli(["run", "-c", config, "--json", "report.json", "--no-save"], { cwd: dir });
      expect(result.exitCode).toBe(1);
      const report = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8"));
      expect(report.summary).toMatchObject({
        trials: 500,
        changed: 12,
        failures: { old: 0, new: 0, both: 0 },
      });
      expect(report.paths.map((stats: { path: string }) => stats.path)).toEqual(["age_bucket"]);
      expect(result.stdout).toContain('age_bucket  value  "40-64" → "25-39"');

      // The noise is really there: without tolerance avg_purchase differs too.
      const exact = await runCli(["run", "-c", config, "--exact", "--json", "exact.json", "--no-save"], {
        cwd: dir,
      });
      expect(exact.exitCode).toBe(1);
      const exactReport = JSON.parse(readFileSync(path.join(dir, "exact.json"), "utf8"));
      expect(exactReport.paths.map((stats: { path: string }) => stats.path)).toContain("avg_purchase");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
