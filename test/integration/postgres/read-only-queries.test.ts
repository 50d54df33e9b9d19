// A comparison never writes the user's database: a query whose function INSERTs, a data-modifying
// CTE, or a second statement after the query is refused with exit 2 and one line naming the side,
// whether the comparison runs inside the database (pushdown) or streams the rows, and for SQL
// components; the tables are checked unchanged afterwards on the real server.
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeWorkspace, runCli } from "../../helpers/cli.ts";
import { describeWithPostgres } from "../../helpers/postgres-server.ts";

/** Reads a score and, as a side effect, writes an audit row: the query must fail, not write. */
const AUDITING_FUNCTION = `CREATE FUNCTION audited_score(score float8) RETURNS float8 LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  INSERT INTO ro_audit VALUES (score);
  RETURN score;
END $$`;

const WRITES = "the query writes to the database (cannot execute INSERT in a read-only transaction)";
const MODIFIES = "the query modifies data";

describeWithPostgres("queries run read-only", (server) => {
  let dir: string;
  let cleanup: () => void;
  const shown = () => `postgresql://twinrun@127.0.0.1:${server().port}/twinrun`;

  beforeAll(async () => {
    ({ dir, cleanup } = makeWorkspace({
      "models/plain.sql": "SELECT id, score FROM ro_scores\n",
      "models/auditing.sql": "SELECT id,\n  audited_score(score) AS score\nFROM ro_scores\n",
    }));
    await server().query("CREATE TABLE ro_scores (id int8 PRIMARY KEY, score float8)");
    await server().query("INSERT INTO ro_scores SELECT g, g * 0.5 FROM generate_series(1, 20) AS g");
    await server().query("CREATE TABLE ro_audit (score float8)");
    await server().query(AUDITING_FUNCTION);
  });
  afterAll(() => cleanup());

  /** The two tables' row counts: what any write would have changed. */
  async function counts(): Promise<{ scores: number; audit: number }> {
    const result = await server().query(
      "SELECT (SELECT count(*) FROM ro_scores)::int AS scores, (SELECT count(*) FROM ro_audit)::int AS audit",
    );
    return result.rows[0] as { scores: number; audit: number };
  }

  const queries: [string, string, string][] = [
    ["a function that INSERTs", "SELECT id, audited_score(score) AS score FROM ro_scores", WRITES],
    [
      "a data-modifying CTE",
      "WITH gone AS (DELETE FROM ro_scores RETURNING id, score) SELECT id, score FROM gone",
      MODIFIES,
    ],
  ];

  it.each(
    queries.flatMap(([what, query, message]) => [
      ["pushdown", what, query, message],
      ["streaming", what, query, message],
    ]),
  )("refuses %s of %s with exit 2 and leaves the data unchanged", async (via, _what, query, message) => {
    const result = await runCli(
      [
        "diff",
        `${server().url}?table=ro_scores`,
        `${server().url}?query=${query}`,
        "--key",
        "id",
        "--no-save",
        ...(via === "streaming" ? ["--no-pushdown"] : []),
      ],
      { cwd: dir },
    );
    expect(result.stderr).toContain(`twinrun: new ${shown()}?query=`);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.exitCode).toBe(2);
    expect(await counts()).toEqual({ scores: 20, audit: 0 });
  });

  it.each(["pushdown", "streaming"])(
    "never runs a second statement written after the query (%s)",
    async (via) => {
      const query = "SELECT id, score FROM ro_scores; DELETE FROM ro_scores";
      const result = await runCli(
        [
          "diff",
          `${server().url}?table=ro_scores`,
          `${server().url}?query=${query}`,
          "--key",
          "id",
          "--no-save",
          ...(via === "streaming" ? ["--no-pushdown"] : []),
        ],
        { cwd: dir },
      );
      expect(result.stderr).toContain("cannot insert multiple commands into a prepared statement");
      expect(result.exitCode).toBe(2);
      expect(await counts()).toEqual({ scores: 20, audit: 0 });
    },
  );

  it("refuses a SQL component whose function INSERTs, naming its file", async () => {
    const result = await runCli(
      [
        "run",
        "--old",
        "sql:models/plain.sql",
        "--new",
        "sql:models/auditing.sql",
        "--key",
        "id",
        "--database",
        server().url,
        "--no-save",
      ],
      { cwd: dir },
    );
    expect(result.stderr).toContain(`new ${shown()}?sql=models/auditing.sql: ${WRITES}`);
    expect(result.stderr).toContain(WRITES);
    expect(result.exitCode).toBe(2);
    expect(await counts()).toEqual({ scores: 20, audit: 0 });
  });

  it("still compares a query without side effects inside the database", async () => {
    const result = await runCli(
      [
        "diff",
        `${server().url}?table=ro_scores`,
        `${server().url}?query=SELECT id, score FROM ro_scores`,
        "--key",
        "id",
        "--no-save",
        "--json",
        "report.json",
      ],
      { cwd: dir },
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("no behavioural change in 20 rows");
  });
});
