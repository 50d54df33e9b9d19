// Every way a Postgres reference goes wrong, as one line naming the side and the database object,
// with its exit code (2 for a wrong reference, 3 for a database that cannot be reached); and the
// password of a URL never shows in any output: terminal, JSON, Markdown, HTML, JUnit, errors.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeWorkspace, runCli } from "../../helpers/cli.ts";
import { describeWithPostgres } from "../../helpers/postgres-server.ts";

describeWithPostgres("Postgres reference errors and credentials", (server) => {
  let dir: string;
  let cleanup: () => void;
  const url = () => server().url;
  /** The URL as every output shows it: without the password. */
  const shown = () => `postgresql://twinrun@127.0.0.1:${server().port}/twinrun`;

  beforeAll(async () => {
    ({ dir, cleanup } = makeWorkspace({ "scores.csv": "id,score\n1,0.5\n2,1.5\n" }));
    await server().query("CREATE TABLE scores (id int8, score float8)");
    await server().query("INSERT INTO scores VALUES (1, 0.5), (2, 1.75)");
    await server().admin("CREATE TABLE secret (id int8)");
    await server().admin("REVOKE ALL ON secret FROM PUBLIC");
  });
  afterAll(() => cleanup());

  const diff = (oldRef: string, newRef: string, env?: Record<string, string>) =>
    runCli(["diff", oldRef, newRef, "--key", "id", "--no-save"], { cwd: dir, ...(env && { env }) });

  it.each([
    [
      "a missing table",
      () => `${url()}?table=public.nope`,
      () =>
        `new ${shown()}?table=public.nope: no table "public.nope" in the database (tables: public.scores)`,
    ],
    [
      "a missing column",
      () => `${url()}?query=SELECT id, nope FROM scores`,
      () =>
        `new ${shown()}?query=SELECT id, nope FROM scores: the query names a column that does not exist (column "nope" does not exist)`,
    ],
    [
      "a query with a syntax error",
      () => `${url()}?query=SELEC id FROM scores`,
      () =>
        `new ${shown()}?query=SELEC id FROM scores: the query has a syntax error (syntax error at or near "SELEC")`,
    ],
    [
      "a table the role may not read",
      () => `${url()}?table=secret`,
      () =>
        `new ${shown()}?table=secret: the role may not read table "secret" (permission denied for table secret); GRANT SELECT to it, or connect as another role`,
    ],
    [
      "a database that does not exist",
      () => `${url().replace(/\/twinrun$/, "/nodb")}?table=scores`,
      () =>
        `new ${shown().replace(/\/twinrun$/, "/nodb")}?table=scores: database "nodb" does not exist; check the database name in the URL`,
    ],
    [
      "a wrong password",
      () => `${url().replace(server().password, "wrong-pass")}?table=scores`,
      () =>
        `new ${shown()}?table=scores: password authentication failed for user "twinrun"; check the user and password (URL, PGUSER/PGPASSWORD or ~/.pgpass)`,
    ],
    [
      "a reference with neither table nor query",
      () => url(),
      () =>
        `${shown()}?: no table or query given; expected postgresql://[user@]host[:port]/database?table=<schema.name> or ...?query=<SQL>`,
    ],
  ])("reports %s in one line with exit 2", async (_, reference, message) => {
    const result = await diff("scores.csv", reference());
    expect(result.stderr).toBe(`twinrun: ${message()}`);
    expect(result.exitCode).toBe(2);
    expect(result.stdout + result.stderr).not.toContain(server().password);
  });

  it("reports a database nobody listens for with exit 3", async () => {
    const port = await closedPort();
    const result = await diff(
      `postgresql://twinrun:${server().password}@127.0.0.1:${port}/twinrun?table=scores`,
      "scores.csv",
    );
    expect(result.stderr).toBe(
      `twinrun: old postgresql://twinrun@127.0.0.1:${port}/twinrun?table=scores: could not reach the database (connect ECONNREFUSED 127.0.0.1:${port}); is the server running, and are host and port right?`,
    );
    expect(result.exitCode).toBe(3);
  });

  it("takes the user and password from PGUSER and PGPASSWORD", async () => {
    const env = { PGUSER: "twinrun", PGPASSWORD: server().password };
    const result = await diff(
      `postgresql://127.0.0.1:${server().port}/twinrun?table=scores`,
      "scores.csv",
      env,
    );
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(1);
    expect(result.stdout).not.toContain(server().password);
  });

  it("takes the password from a .pgpass file (PGPASSFILE)", async () => {
    const passfile = path.join(dir, "pgpass");
    writeFileSync(passfile, `127.0.0.1:${server().port}:twinrun:twinrun:${server().password}\n`, {
      mode: 0o600,
    });
    const env = { PGPASSFILE: passfile };
    const result = await diff(
      `postgresql://twinrun@127.0.0.1:${server().port}/twinrun?table=scores`,
      "scores.csv",
      env,
    );
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(1);
  });

  it("takes the password from a .pgpass file when both sides are compared inside the database", async () => {
    const passfile = path.join(dir, "pgpass");
    writeFileSync(passfile, `127.0.0.1:${server().port}:twinrun:twinrun:${server().password}\n`, {
      mode: 0o600,
    });
    const bare = `postgresql://twinrun@127.0.0.1:${server().port}/twinrun`;
    const result = await diff(
      `${bare}?table=scores`,
      `${bare}?query=SELECT id, score + 1 AS score FROM scores`,
      { PGPASSFILE: passfile },
    );
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`compared inside the database (pushdown) at ${bare}`);
  });

  it("says so when the server asks for a password and none is given", async () => {
    const env = { PGPASSFILE: path.join(dir, "absent-pgpass") };
    const result = await diff(
      `postgresql://twinrun@127.0.0.1:${server().port}/twinrun?table=scores`,
      "scores.csv",
      env,
    );
    expect(result.stderr).toMatch(
      /^twinrun: old postgresql:\/\/twinrun@127\.0\.0\.1:\d+\/twinrun\?table=scores: the server asks for a password and none was given; /,
    );
    expect(result.exitCode).toBe(2);
  });

  it("never writes the URL's password into any report", async () => {
    const outputs = ["--json", "r.json", "--markdown", "r.md", "--html", "r.html", "--junit", "r.xml"];
    const result = await runCli(
      ["diff", `${url()}?table=scores`, "scores.csv", "--key", "id", "--no-save", ...outputs],
      {
        cwd: dir,
      },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`${shown()}?table=scores`);
    for (const text of [result.stdout, result.stderr, ...["r.json", "r.md", "r.html", "r.xml"].map(read)]) {
      expect(text).not.toContain(server().password);
    }
    const report = JSON.parse(read("r.json"));
    expect(report.table.files.old.reference).toBe(`${shown()}?table=scores`);
    // Nor anything else the run leaves behind in the workspace.
    for (const file of readdirSync(dir)) {
      if (file !== "pgpass") expect(read(file)).not.toContain(server().password);
    }
  });

  function read(file: string): string {
    return readFileSync(path.join(dir, file), "utf8");
  }
});

/** A port on 127.0.0.1 with no listener (bound, closed, so nothing else took it a moment ago). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address() as net.AddressInfo;
      probe.close(() => resolve(address.port));
    });
  });
}
