// `twinrun diff` on Postgres references against a real throwaway server: two tables of one
// database, a query's rows, and the values a database holds that a lossy read would change
// (int8 beyond 2^53, numeric digits, NaN/±Infinity, -0, timestamps, jsonb, arrays, nulls).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeWorkspace, runCli } from "../../helpers/cli.ts";
import { describeWithPostgres } from "../../helpers/postgres-server.ts";

const COLUMNS =
  "id int8 PRIMARY KEY, score float8, amount numeric(12,2), big numeric, name text, active bool, " +
  "seen timestamptz, at timestamp, day date, meta jsonb, tags int4[]";

const OLD_ROWS = [
  "(1, 0.5, 10.25, 12345678901234567890.123, 'a', true, '2024-01-02 03:04:05.123456+00', '2024-01-02 03:04:05', '2024-01-02', '{\"k\": 1}', '{1,2}')",
  "(2, 'NaN', 0.10, 1, 'b', false, '2024-01-02 03:04:05+02', '2024-01-02 03:04:05.5', '2024-01-03', '{\"k\": [1, 2.5]}', '{}')",
  "(3, 'Infinity', -1.00, 2, 'c', NULL, NULL, NULL, NULL, NULL, NULL)",
  "(9007199254740993, '-0', 3.00, 3, 'd', true, '2024-01-02 00:00:00+00', '2024-01-02 00:00:00', '2024-01-02', 'null', '{3}')",
];

describeWithPostgres("twinrun diff on Postgres references", (server) => {
  let dir: string;
  let cleanup: () => void;
  const table = (name: string) => `${server().url}?table=public.${name}`;

  beforeAll(async () => {
    ({ dir, cleanup } = makeWorkspace({}));
    for (const name of ["old_scores", "new_scores", "same_scores"]) {
      await server().query(`CREATE TABLE ${name} (${COLUMNS})`);
      await server().query(`INSERT INTO ${name} VALUES ${OLD_ROWS.join(", ")}`);
    }
    // The new table: one score changed beyond tolerance, one id beyond 2^53 off by one.
    await server().query("UPDATE new_scores SET score = 0.75 WHERE id = 1");
    await server().query("UPDATE new_scores SET id = 9007199254740992 WHERE id = 9007199254740993");
  });
  afterAll(() => cleanup());

  async function diff(oldRef: string, newRef: string, extra: string[] = []) {
    const result = await runCli(
      ["diff", oldRef, newRef, "--key", "id", "--json", "report.json", "--no-save", ...extra],
      { cwd: dir },
    );
    const report =
      result.exitCode <= 1 ? JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8")) : undefined;
    return { ...result, report };
  }

  it("is equivalent for two tables with the same rows, NaN, -0, int8 and numeric digits included", async () => {
    const result = await diff(table("old_scores"), table("same_scores"));
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.report.table.files.old.format).toBe("postgres");
    expect(result.report.table.rows).toMatchObject({ old: 4, new: 4, matched: 4 });
  });

  it("finds a changed float and a key beyond 2^53 that moved by one", async () => {
    const result = await diff(table("old_scores"), table("new_scores"));
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(1);
    const columns = result.report.table.columns;
    const score = columns.find((column: { column: string }) => column.column === "score");
    expect(score.changed).toBe(1);
    expect(result.report.table.rows).toMatchObject({ matched: 3, onlyOld: 1, onlyNew: 1 });
    expect(JSON.stringify(result.report)).toContain("9007199254740993");
    expect(JSON.stringify(result.report)).toContain("9007199254740992");
  });

  it("reads a query's rows and declares the columns' types as the database does", async () => {
    const query =
      "SELECT id, score, amount, big, name, active, seen, at, day, meta, tags FROM old_scores ORDER BY id;";
    const result = await diff(table("old_scores"), `${server().url}?query=${query}`);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.report.table.schema.types.new).toEqual({
      id: "int",
      score: "float",
      amount: "float",
      big: "float",
      name: "string",
      active: "bool",
      seen: "string",
      at: "string",
      day: "string",
      meta: "object",
      tags: "array",
    });
  });

  it("tells a numeric's cent, a timestamp's microsecond and a jsonb member apart", async () => {
    const changes = [
      "UPDATE {t} SET amount = 10.26 WHERE id = 1",
      "UPDATE {t} SET seen = '2024-01-02 03:04:05.123457+00' WHERE id = 1",
      "UPDATE {t} SET meta = '{\"k\": [1, 2.6]}' WHERE id = 2",
    ];
    await server().query(`CREATE TABLE fine_scores AS SELECT * FROM old_scores`);
    for (const change of changes) await server().query(change.replace("{t}", "fine_scores"));
    const result = await diff(table("old_scores"), table("fine_scores"));
    expect(result.exitCode).toBe(1);
    const changed = Object.fromEntries(
      result.report.table.columns.map((column: { column: string; changed: number }) => [
        column.column,
        column.changed,
      ]),
    );
    expect(changed).toMatchObject({ amount: 1, seen: 1, meta: 1, score: 0, big: 0, at: 0 });
  });
});
