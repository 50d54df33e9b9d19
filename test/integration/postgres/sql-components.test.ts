// SQL components (`--old sql:old.sql --new sql:new.sql --database <url>`) against a real
// throwaway server: an equivalent refactor (a self-join rewritten as a window function), a
// boundary change in a CASE, a join that drops the rows with NULLs, the old query taken from a git
// ref (--base), and every mistake as one line with its exit code; no password in any output.
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeWorkspace, runCli } from "../../helpers/cli.ts";
import { commit, makeGitRepo, writeFiles } from "../../helpers/git-repo.ts";
import { describeWithPostgres } from "../../helpers/postgres-server.ts";

/** What the run says on stderr while the queries run. */
const QUERIES_LINE = "twinrun: running the old and new queries in their database and comparing the results";

/** Running totals per customer, once as a self-join and once as a window function. */
const SELF_JOIN = `-- each order with the customer's running total, by a self-join
SELECT o.id AS order_id, o.customer_id, sum(p.amount) AS running_total
FROM sql_orders o
JOIN sql_orders p ON p.customer_id = o.customer_id AND p.id <= o.id
GROUP BY o.id, o.customer_id;
`;
const WINDOW = `SELECT id AS order_id, customer_id,
       sum(amount) OVER (PARTITION BY customer_id ORDER BY id) AS running_total
FROM sql_orders
`;

/** A customer bucket whose boundary moves: the customer at exactly 100 changes bucket. */
const bucketQuery = (boundary: ">=" | ">", join: "LEFT JOIN" | "JOIN") => `SELECT c.id AS customer_id,
       count(o.id) AS orders,
       CASE WHEN coalesce(sum(o.amount), 0) ${boundary} 100 THEN 'high' ELSE 'low' END AS bucket
FROM sql_customers c
${join} sql_orders o ON o.customer_id = c.id
GROUP BY c.id
`;

describeWithPostgres("SQL components run in Postgres", (server) => {
  let dir: string;
  let cleanup: () => void;
  /** The URL as every output shows it: without the password. */
  const shown = () => `postgresql://twinrun@127.0.0.1:${server().port}/twinrun`;

  beforeAll(async () => {
    ({ dir, cleanup } = makeWorkspace({
      "models/self_join.sql": SELF_JOIN,
      "models/window.sql": WINDOW,
      "models/bucket_old.sql": bucketQuery(">=", "LEFT JOIN"),
      "models/bucket_new.sql": bucketQuery(">", "LEFT JOIN"),
      "models/bucket_inner.sql": bucketQuery(">=", "JOIN"),
      "models/broken.sql": "SELECT id,\n       name\nFORM sql_customers\n",
      "models/missing_column.sql": "SELECT id,\n  nope\nFROM sql_customers\n",
    }));
    await server().query("CREATE TABLE sql_customers (id int8 PRIMARY KEY, name text)");
    await server().query(
      "CREATE TABLE sql_orders (id int8 PRIMARY KEY, customer_id int8, amount numeric(10,2))",
    );
    // Customer 1 reaches exactly 100; customer 3 has no orders (a NULL for an inner join to drop).
    await server().query("INSERT INTO sql_customers VALUES (1, 'ada'), (2, 'bo'), (3, 'cy'), (4, 'di')");
    await server().query(
      "INSERT INTO sql_orders VALUES (1, 1, 60.00), (2, 1, 40.00), (3, 2, 250.50), (4, 2, 0.25), (5, 4, 99.99)",
    );
  });
  afterAll(() => cleanup());

  async function run(args: string[], options: { cwd?: string; database?: string } = {}) {
    const cwd = options.cwd ?? dir;
    const result = await runCli(
      ["run", ...args, "--database", options.database ?? server().url, "--json", "report.json", "--no-save"],
      { cwd },
    );
    const report =
      result.exitCode <= 1 ? JSON.parse(readFileSync(path.join(cwd, "report.json"), "utf8")) : undefined;
    const everything = `${result.stdout}${result.stderr}${report === undefined ? "" : JSON.stringify(report)}`;
    expect(everything).not.toContain(server().password);
    return { ...result, report };
  }

  it("finds a self-join rewritten as a window function equivalent, compared inside the database", async () => {
    const result = await run([
      "--old",
      "sql:models/self_join.sql",
      "--new",
      "sql:models/window.sql",
      "--key",
      "order_id",
    ]);
    expect(result.stderr).toBe(QUERIES_LINE);
    expect(result.exitCode).toBe(0);
    expect(result.report.kind).toBe("tables");
    expect(result.report.table.rows).toMatchObject({ old: 5, new: 5, matched: 5, onlyOld: 0, onlyNew: 0 });
    expect(result.report.table.engine).toMatchObject({ kind: "pushdown", database: shown() });
    expect(result.report.components.old.spec).toBe(`sql:models/self_join.sql in ${shown()}`);
    expect(result.stdout).toContain("no behavioural change in 5 rows");
  });

  it("names the bucket column and the customer whose CASE boundary moved (>= 100 became > 100)", async () => {
    const result = await run([
      "--old",
      "sql:models/bucket_old.sql",
      "--new",
      "sql:models/bucket_new.sql",
      "--key",
      "customer_id",
    ]);
    expect(result.exitCode).toBe(1);
    const changed = result.report.table.columns.filter((column: { changed: number }) => column.changed > 0);
    expect(changed.map((column: { column: string }) => column.column)).toEqual(["bucket"]);
    expect(changed[0].changed).toBe(1);
    expect(result.report.examples).toHaveLength(1);
    expect(result.report.examples[0].input).toContain("customer_id=1");
    expect(result.report.examples[0].differences[0]).toMatchObject({
      path: "bucket",
      old: "high",
      new: "low",
    });
    expect(result.stdout).toContain("bucket");
  });

  it("gives the same findings streamed into the embedded engine (--no-pushdown)", async () => {
    const result = await run([
      "--old",
      "sql:models/bucket_old.sql",
      "--new",
      "sql:models/bucket_new.sql",
      "--key",
      "customer_id",
      "--no-pushdown",
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.report.table.engine).toEqual({ kind: "embedded", streamed: ["old", "new"] });
    expect(result.report.summary).toMatchObject({ trials: 4, changed: 1 });
  });

  it("reports the customers an inner join dropped as rows only in old", async () => {
    const result = await run([
      "--old",
      "sql:models/bucket_old.sql",
      "--new",
      "sql:models/bucket_inner.sql",
      "--key",
      "customer_id",
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.report.table.rows).toMatchObject({ old: 4, new: 3, onlyOld: 1, onlyNew: 0 });
    expect(JSON.stringify(result.report.table.rows.onlyOldExamples)).toContain("3");
    expect(result.stdout).toMatch(/only in old/i);
  });

  it("takes the old query from a git ref with --base", { timeout: 120_000 }, async () => {
    const repo = makeGitRepo();
    try {
      commit(repo.dir, { "models/features.sql": bucketQuery(">=", "LEFT JOIN") }, "features");
      writeFiles(repo.dir, { "models/features.sql": bucketQuery(">", "LEFT JOIN") });
      const result = await run(
        ["--base", "main", "--new", "sql:models/features.sql", "--key", "customer_id"],
        {
          cwd: repo.dir,
        },
      );
      expect(result.stderr).toBe(QUERIES_LINE);
      expect(result.exitCode).toBe(1);
      expect(result.report.base.ref).toBe("main");
      expect(result.report.components.old.label).toMatch(/^main@[0-9a-f]{7,}$/);
      expect(result.report.summary.changed).toBe(1);
      // The unchanged working tree is equivalent to its own commit.
      writeFiles(repo.dir, { "models/features.sql": bucketQuery(">=", "LEFT JOIN") });
      const same = await run(["--base", "main", "--new", "sql:models/features.sql", "--key", "customer_id"], {
        cwd: repo.dir,
      });
      expect(same.exitCode).toBe(0);
    } finally {
      repo.cleanup();
    }
  });

  it("names the side, the file and its line for a query with a syntax error (exit 2)", async () => {
    const result = await run(["--old", "sql:models/broken.sql", "--new", "sql:models/window.sql"]);
    expect(result.stderr).toBe(
      `${QUERIES_LINE}\ntwinrun: old ${shown()}?sql=models/broken.sql: the query has a syntax error (syntax error at or near "sql_customers"), at line 3 of models/broken.sql: FORM sql_customers`,
    );
    expect(result.exitCode).toBe(2);
  });

  it("names the line of a column the database does not have (exit 2)", async () => {
    const result = await run(["--old", "sql:models/window.sql", "--new", "sql:models/missing_column.sql"]);
    expect(result.stderr).toContain(`twinrun: new ${shown()}?sql=models/missing_column.sql:`);
    expect(result.stderr).toContain('column "nope" does not exist');
    expect(result.stderr).toContain("at line 2 of models/missing_column.sql: nope");
    expect(result.exitCode).toBe(2);
  });

  it("names a missing SQL file (exit 2)", async () => {
    const result = await run(["--old", "sql:models/window.sql", "--new", "sql:models/nope.sql"]);
    expect(result.stderr).toBe(
      `${QUERIES_LINE}\ntwinrun: new sql:models/nope.sql: no such SQL file (${path.join(dir, "models/nope.sql")})`,
    );
    expect(result.exitCode).toBe(2);
  });

  it("says which flag or key gives the database when none is given (exit 2)", async () => {
    const result = await runCli(["run", "--old", "sql:models/window.sql", "--new", "sql:models/window.sql"], {
      cwd: dir,
    });
    expect(result.stderr).toBe(
      "twinrun: the old component sql:models/window.sql runs in a database, but none is given: add --database <postgresql://… or duckdb:file> (or database: in twinrun.config.yaml)",
    );
    expect(result.exitCode).toBe(2);
  });

  it("reports a database nobody listens on with exit 3, without its password", async () => {
    const port = await closedPort();
    const result = await run(["--old", "sql:models/window.sql", "--new", "sql:models/window.sql"], {
      database: `postgresql://twinrun:${server().password}@127.0.0.1:${port}/twinrun`,
    });
    expect(result.stderr).toMatch(
      new RegExp(
        `^${QUERIES_LINE}\ntwinrun: old postgresql://twinrun@127\\.0\\.0\\.1:${port}/twinrun\\?sql=models/window\\.sql: could not reach the database`,
      ),
    );
    expect(result.exitCode).toBe(3);
  });

  it("reads the database from the config file's `database` key", async () => {
    writeFiles(dir, {
      "twinrun.config.yaml": `database: ${server().url}\nold: { adapter: sql, file: models/self_join.sql }\nnew: { adapter: sql, file: models/window.sql }\ntable: { key: order_id }\n`,
    });
    try {
      const result = await runCli(["run", "--json", "report.json", "--no-save"], { cwd: dir });
      expect(result.stderr).toBe(QUERIES_LINE);
      expect(result.exitCode).toBe(0);
      const report = readFileSync(path.join(dir, "report.json"), "utf8");
      expect(report).not.toContain(server().password);
    } finally {
      writeFiles(dir, { "twinrun.config.yaml": "{}\n" });
    }
  });
});

/** A port on 127.0.0.1 that nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const listener = net.createServer();
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const { port } = listener.address() as net.AddressInfo;
  await new Promise((resolve) => listener.close(resolve));
  return port;
}
