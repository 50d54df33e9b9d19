// examples/sql-model: a customer-features query and its window-function refactor, run against a
// throwaway Postgres loaded from the example's setup.sql, exactly as its README tells.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../helpers/cli.ts";
import { describeWithPostgres } from "../helpers/postgres-server.ts";

/** What the run says on stderr while the queries run. */
const QUERIES_LINE = "twinrun: running the old and new queries in their database and comparing the results";

const EXAMPLE = path.join(REPO_ROOT, "examples/sql-model");

describeWithPostgres("examples/sql-model", (server) => {
  it("finds the 50 customers whose tier moved with the CASE boundary, and nothing else; fixed, it is equivalent", async () => {
    await server().query(readFileSync(path.join(EXAMPLE, "setup.sql"), "utf8"));
    const dir = mkdtempSync(path.join(tmpdir(), "twinrun-sql-model-"));
    try {
      cpSync(EXAMPLE, dir, { recursive: true });
      const run = () =>
        runCli(["run", "--database", server().url, "--json", "report.json", "--no-save"], { cwd: dir });
      const result = await run();
      expect(result.stderr).toBe(QUERIES_LINE);
      expect(result.exitCode).toBe(1);
      const report = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8"));
      expect(report.table.engine.kind).toBe("pushdown");
      expect(report.table.rows).toMatchObject({
        old: 1000,
        new: 1000,
        matched: 1000,
        onlyOld: 0,
        onlyNew: 0,
      });
      // The self-join and the window function agree on the 30-day spend; only the tier moved.
      const changed = report.table.columns.filter((column: { changed: number }) => column.changed > 0);
      expect(changed).toEqual([expect.objectContaining({ column: "tier", changed: 50 })]);
      expect(report.examples[0].differences).toEqual([
        expect.objectContaining({ path: "tier", old: "gold", new: "silver" }),
      ]);
      expect(result.stdout).toContain("50 of 1,000 rows changed");

      // The fix the README suggests: the boundary back to >= 1000.
      const v2 = path.join(dir, "models/customer_features_v2.sql");
      const text = readFileSync(v2, "utf8");
      expect(text).toContain("> 1000 THEN 'gold'");
      writeFileSync(v2, text.replace("> 1000 THEN 'gold'", ">= 1000 THEN 'gold'"));
      const fixed = await run();
      expect(fixed.stderr).toBe(QUERIES_LINE);
      expect(fixed.exitCode).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
