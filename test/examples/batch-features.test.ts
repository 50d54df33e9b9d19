// examples/batch-features: a batch CSV → CSV step in dataset mode, compared as tables by customer.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../helpers/cli.ts";

const EXAMPLE = path.join(REPO_ROOT, "examples/batch-features");

interface ColumnStatsLike {
  column: string;
  changed: number;
}

/** Why: the customer ids of one script's output, in the order it wrote them. */
function writtenIds(script: string, dir: string): string[] {
  const out = path.join(dir, `${script}.csv`);
  execFileSync("python3", [script, "--in", "raw.csv", "--out", out], { cwd: EXAMPLE });
  return readFileSync(out, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(",")[0]);
}

describe("examples/batch-features", () => {
  it("reports the dropped customer and the int→float column, matches the reordered rows, and exits 1", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "twinrun-batch-features-"));
    try {
      // The premise: v2 really writes its rows in another order.
      const oldIds = writtenIds("build_features_v1.py", dir);
      const newIds = writtenIds("build_features_v2.py", dir);
      expect(newIds).not.toEqual(oldIds.filter((id) => id !== "1137"));

      const config = path.join(EXAMPLE, "twinrun.config.yaml");
      const result = await runCli(["run", "-c", config, "--json", "report.json", "--no-save"], { cwd: dir });
      // Nothing on stderr but the line saying what the run waits for.
      expect(result.stderr).toBe("twinrun: dataset mode: running old and new once each on 300 records");
      expect(result.exitCode).toBe(1);
      const report = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8"));

      expect(report.dataset).toMatchObject({
        old: { status: "ok", rows: 300 },
        new: { status: "ok", rows: 299 },
      });
      const table = report.table;
      expect(table.match).toEqual({ by: "key", key: ["customer_id"] });
      // Every customer v2 kept is matched to v1's row despite the new order; one is only in old.
      expect(table.rows).toMatchObject({ old: 300, new: 299, matched: 299, onlyOld: 1, onlyNew: 0 });
      expect(table.rows.onlyOldExamples).toEqual([expect.objectContaining({ key: { customer_id: 1137 } })]);
      expect(table.rows.onlyNewExamples).toEqual([]);

      expect(table.schema.onlyOld).toEqual([]);
      expect(table.schema.onlyNew).toEqual([]);
      expect(table.schema.typeChanges).toEqual([{ column: "tenure_days", old: "int", new: "float" }]);

      // tenure_days changed type on every matched row (1344 → 1344.0); no other column changed.
      const changed = (table.columns as ColumnStatsLike[]).filter((stats) => stats.changed > 0);
      expect(changed).toEqual([expect.objectContaining({ column: "tenure_days", changed: 299 })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
