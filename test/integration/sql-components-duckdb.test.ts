// SQL components run in a DuckDB database file (`--database duckdb:shop.duckdb`): the results are
// streamed into the embedded engine and compared like any two tables.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTwin } from "../../src/index.ts";
import { makeWorkspace, runCli } from "../helpers/cli.ts";

/** What the run says on stderr while the queries run. */
const QUERIES_LINE = "twinrun: running the old and new queries in their database and comparing the results";

describe("SQL components in a DuckDB database", () => {
  let dir: string;
  let cleanup: () => void;

  beforeAll(async () => {
    ({ dir, cleanup } = makeWorkspace({
      "old.sql": "SELECT id, CASE WHEN amount >= 100 THEN 'high' ELSE 'low' END AS bucket FROM orders;\n",
      "same.sql": "SELECT id, IF(amount >= 100, 'high', 'low') AS bucket FROM orders\n",
      "new.sql": "SELECT id, CASE WHEN amount > 100 THEN 'high' ELSE 'low' END AS bucket FROM orders\n",
    }));
    const instance = await DuckDBInstance.create(path.join(dir, "shop.duckdb"), { threads: "1" });
    const connection = await instance.connect();
    await connection.run(
      "CREATE TABLE orders AS SELECT * FROM (VALUES (1::BIGINT, 50.0::DOUBLE), (2, 100.0), (3, 150.0)) t(id, amount)",
    );
    connection.closeSync();
    instance.closeSync();
  });
  afterAll(() => cleanup());

  const run = (oldFile: string, newFile: string) =>
    runCli(
      [
        "run",
        "--old",
        `sql:${oldFile}`,
        "--new",
        `sql:${newFile}`,
        "--database",
        "duckdb:shop.duckdb",
        "--key",
        "id",
        "--json",
        "report.json",
        "--no-save",
      ],
      { cwd: dir },
    );

  it("finds an IF rewrite of a CASE equivalent", async () => {
    const result = await run("old.sql", "same.sql");
    expect(result.stderr).toBe(QUERIES_LINE);
    expect(result.exitCode).toBe(0);
  });

  it("finds the row whose bucket moved with the boundary", async () => {
    const result = await run("old.sql", "new.sql");
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8"));
    expect(report.table.files.old.format).toBe("duckdb");
    expect(report.summary).toMatchObject({ trials: 3, changed: 1 });
    expect(report.examples[0].differences).toEqual([
      expect.objectContaining({ path: "bucket", old: "high", new: "low" }),
    ]);
  });

  it("runs through the API with its database option as through the CLI", async () => {
    const report = await runTwin({
      old: "sql:old.sql",
      new: "sql:new.sql",
      database: "duckdb:shop.duckdb",
      table: { key: "id" },
      cwd: dir,
    });
    expect(report.kind).toBe("tables");
    expect(report.summary).toMatchObject({ trials: 3, changed: 1 });
    expect(report.gate.exitCode).toBe(1);
  });
});
