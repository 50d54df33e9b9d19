// `twinrun diff` on DuckDB database references: a query's rows, a database table against a CSV
// file, and every wrong reference as a one-line usage error naming it (exit 2).
import { readFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, describe, expect, it } from "vitest";
import { makeWorkspace, runCli } from "../helpers/cli.ts";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** A workspace with features.duckdb holding table `features` (id, score) and a CSV copy of it. */
async function workspace() {
  const created = makeWorkspace({ "features.csv": "id,score\n1,0.5\n2,1.5\n3,2.5\n" });
  cleanups.push(created.cleanup);
  const instance = await DuckDBInstance.create(path.join(created.dir, "features.duckdb"), { threads: "1" });
  const connection = await instance.connect();
  await connection.run(
    "CREATE TABLE features AS SELECT * FROM (VALUES (1::BIGINT, 0.5::DOUBLE), (2, 1.5), (3, 2.5)) t(id, score)",
  );
  connection.closeSync();
  instance.closeSync();
  return created.dir;
}

async function diff(dir: string, oldRef: string, newRef: string) {
  const result = await runCli(["diff", oldRef, newRef, "--key", "id", "--json", "report.json", "--no-save"], {
    cwd: dir,
  });
  return result;
}

describe("twinrun diff on DuckDB references", () => {
  it("finds the change a query makes and names both references in the report", async () => {
    const dir = await workspace();
    const query = "SELECT id, CASE WHEN id = 3 THEN score + 1 ELSE score END AS score FROM features";
    const result = await diff(
      dir,
      "duckdb:features.duckdb?table=features",
      `duckdb:features.duckdb?query=${query}`,
    );
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8"));
    expect(report.table.files.old).toMatchObject({
      format: "duckdb",
      reference: `duckdb:${path.join(dir, "features.duckdb")}?table=features`,
    });
    expect(report.table.files.new.reference).toBe(
      `duckdb:${path.join(dir, "features.duckdb")}?query=${query}`,
    );
    expect(report.table.columns.find((column: { column: string }) => column.column === "score").changed).toBe(
      1,
    );
    expect(report.examples[0].input).toMatch(/^id=3 /);
    expect(result.stdout).toContain("duckdb:features.duckdb?table=features");
  });

  it("is equivalent to the CSV file holding the same rows", async () => {
    const dir = await workspace();
    const result = await diff(dir, "features.csv", "duckdb:features.duckdb?table=main.features");
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
  });

  it.each([
    ["a missing database file", "duckdb:absent.duckdb?table=features", /absent\.duckdb/],
    [
      "a missing table, listing the tables there are",
      "duckdb:features.duckdb?table=nope",
      /^twinrun: new duckdb:.*features\.duckdb\?table=nope: no table "nope" in the database \(tables: features\)$/m,
    ],
    [
      "a query with a syntax error",
      "duckdb:features.duckdb?query=SELEC id FROM features",
      /^twinrun: new duckdb:.*\?query=SELEC id FROM features: the query failed: .*syntax error/m,
    ],
    [
      "a file that is no DuckDB database",
      "duckdb:features.csv?table=features",
      /new duckdb:.*features\.csv\?table=features: expected a DuckDB database file/,
    ],
    [
      "a reference without a table or query",
      "duckdb:features.duckdb",
      /features\.duckdb: no table or query given/,
    ],
    ["an unknown parameter", "duckdb:features.duckdb?tabel=features", /unknown parameter/],
  ])("rejects %s with exit 2 and one line naming it", async (_name, reference, message) => {
    const dir = await workspace();
    const result = await diff(dir, "features.csv", reference);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
