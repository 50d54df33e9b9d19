// The pushdown path when something is wrong: a table the role may not read, a query with a syntax
// error, a query that fails while it runs — one line naming the side, exit 2, as when streaming;
// and a role without the TEMP privilege (pushdown works in temporary tables), which streams both
// sides instead, gives the same findings, and says why in the report.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeWorkspace, runCli } from "../../helpers/cli.ts";
import { describeWithPostgres } from "../../helpers/postgres-server.ts";

describeWithPostgres("pushdown errors and its fallback to streaming", (server) => {
  let dir: string;
  let cleanup: () => void;
  const shown = () => `postgresql://twinrun@127.0.0.1:${server().port}/twinrun`;
  /** A role that may read the tables but not create temporary ones. */
  const reader = () => server().url.replace(`twinrun:${server().password}@`, "reader:r3ader-Pw@");

  beforeAll(async () => {
    ({ dir, cleanup } = makeWorkspace({}));
    await server().query("CREATE TABLE scores_v1 (id int8, score float8, label text, tags jsonb)");
    await server().query(
      "INSERT INTO scores_v1 SELECT g, g * 0.5, CASE WHEN g % 3 = 0 THEN 'a' ELSE 'b' END, " +
        "jsonb_build_object('n', g % 4) FROM generate_series(1, 60) AS g",
    );
    await server().query("CREATE TABLE scores_v2 AS SELECT * FROM scores_v1");
    await server().query("UPDATE scores_v2 SET score = score + 1 WHERE label = 'a'");
    await server().query("DELETE FROM scores_v2 WHERE id = 7");
    await server().admin("CREATE TABLE secret (id int8, score float8)");
    await server().admin("REVOKE ALL ON secret FROM PUBLIC");
    await server().admin("CREATE ROLE reader LOGIN PASSWORD 'r3ader-Pw'");
    await server().admin("GRANT SELECT ON scores_v1, scores_v2 TO reader");
    await server().admin("REVOKE TEMP ON DATABASE twinrun FROM PUBLIC");
  });
  afterAll(() => cleanup());

  const diff = (oldRef: string, newRef: string, ...extra: string[]) =>
    runCli(["diff", oldRef, newRef, "--key", "id", "--no-save", ...extra], { cwd: dir });

  it.each([
    [
      "a table the role may not read",
      () => [`${server().url}?table=scores_v1`, `${server().url}?table=secret`],
      () =>
        `new ${shown()}?table=secret: the role may not read table "secret" (permission denied for table secret); GRANT SELECT to it, or connect as another role`,
    ],
    [
      "a query with a syntax error",
      () => [`${server().url}?query=SELEC id FROM scores_v1`, `${server().url}?table=scores_v2`],
      () =>
        `old ${shown()}?query=SELEC id FROM scores_v1: the query has a syntax error (syntax error at or near "SELEC")`,
    ],
    [
      "a query that fails while it runs",
      () => [
        `${server().url}?table=scores_v1`,
        `${server().url}?query=SELECT id, 1 / (id - 30) AS score FROM scores_v2`,
      ],
      () =>
        `new ${shown()}?query=SELECT id, 1 / (id - 30) AS score FROM scores_v2: reading the query failed (division by zero)`,
    ],
  ])("reports %s on the pushdown path as when streaming, with exit 2", async (_, references, message) => {
    const [oldRef, newRef] = references();
    const pushed = await diff(oldRef, newRef);
    const streamed = await diff(oldRef, newRef, "--no-pushdown");
    expect(pushed.stderr).toBe(`twinrun: ${message()}`);
    expect(pushed.exitCode).toBe(2);
    expect(streamed.stderr).toBe(pushed.stderr);
    expect(streamed.exitCode).toBe(2);
  });

  it("streams both sides when the role lacks TEMP, with the same findings and a note on why", async () => {
    const asOwner = await diff(
      `${server().url}?table=scores_v1`,
      `${server().url}?table=scores_v2`,
      "--json",
      "pushed.json",
    );
    const asReader = await diff(
      `${reader()}?table=scores_v1`,
      `${reader()}?table=scores_v2`,
      "--json",
      "reader.json",
    );
    expect(asOwner.exitCode).toBe(1);
    expect(asReader.stderr).toBe("");
    expect(asReader.exitCode).toBe(1);
    const pushed = readReport("pushed.json");
    const fallback = readReport("reader.json");
    expect(pushed.table.engine.kind).toBe("pushdown");
    const why =
      'role "reader" lacks the TEMP privilege on database "twinrun", which pushdown needs for its temporary tables ' +
      '(GRANT TEMP ON DATABASE "twinrun" TO "reader")';
    expect(fallback.table.engine).toEqual({ kind: "embedded", streamed: ["old", "new"], declined: why });
    expect(asReader.stdout).toContain(
      `compared in the embedded engine; old and new streamed from Postgres, not pushed down: ${why}`,
    );
    for (const part of ["columns", "rows", "schema", "match"] as const) {
      expect(fallback.table[part], part).toEqual(pushed.table[part]);
    }
    expect(fallback.summary).toEqual(pushed.summary);
    expect(pushed.table.columns.find((column: { column: string }) => column.column === "score").changed).toBe(
      20,
    );
  });

  function readReport(file: string) {
    return JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  }
});
