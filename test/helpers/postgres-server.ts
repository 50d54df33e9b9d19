// A throwaway Postgres server for the tests that need a real database: Debian's initdb and pg_ctl
// on a temp data folder, its own free port, listening on 127.0.0.1 only, unix sockets inside the
// temp folder, a test role with a password and a database; stopped and removed afterwards. Under
// root (as CI runs) the server runs as the `postgres` user through `runuser`. When no server can
// start, the tests are skipped with a printed reason, or fail when TWINRUN_REQUIRE_POSTGRES=1 (as
// CI sets it), so CI can never pass without running them.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, it } from "vitest";

/** A running test server and how to reach it. */
export interface PostgresServer {
  port: number;
  /** The test role's connection URL over TCP, password included: `postgresql://twinrun:…@127.0.0.1:port/twinrun`. */
  url: string;
  user: string;
  password: string;
  database: string;
  /** Runs SQL as the superuser (over the unix socket), e.g. to create tables or roles for a test. */
  admin(sql: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** Runs SQL as the test role in the test database. */
  query(sql: string, values?: unknown[]): Promise<pg.QueryResult>;
  stop(): Promise<void>;
}

type Binaries = { ok: true; bin: string } | { ok: false; reason: string };

const ROLE = "twinrun";
const PASSWORD = "s3cret-Pa55word";
const DATABASE = "twinrun";

/** Debian's server binaries: the newest /usr/lib/postgresql/<version>/bin holding initdb. */
export function findPostgresBinaries(): Binaries {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(path.join(root, version, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    return { ok: false, reason: `no Postgres server in ${root} (apt-get install postgresql)` };
  if (process.getuid?.() === 0 && spawnSync("id", ["-u", "postgres"]).status !== 0)
    return { ok: false, reason: "running as root, but there is no `postgres` user to run the server" };
  return { ok: true, bin: path.join(root, versions[0], "bin") };
}

/** Starts a fresh server; the caller stops it. `settings` are extra server settings (`name=value`). */
export async function startPostgresServer(settings: string[] = []): Promise<PostgresServer> {
  const binaries = findPostgresBinaries();
  if (!binaries.ok) throw new Error(binaries.reason);
  const folder = mkdtempSync(path.join(tmpdir(), "twinrun-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(folder, uidOf("postgres"), gidOf("postgres"));
  const data = path.join(folder, "data");
  const superuser = asRoot ? "postgres" : userInfo().username;
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(binaries.bin, tool);
    const fullArgs = asRoot ? ["-u", "postgres", "--", path.join(binaries.bin, tool), ...args] : args;
    const result = spawnSync(command, fullArgs, { cwd: folder, encoding: "utf8", env: serverEnv() });
    if (result.status !== 0) {
      const log = path.join(folder, "server.log");
      const tail = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").slice(-5).join("\n") : "";
      throw new Error(`${tool} ${args.join(" ")} failed: ${result.stderr || result.error?.message}\n${tail}`);
    }
  };
  try {
    run("initdb", [
      "-D",
      data,
      "-U",
      superuser,
      "-N",
      "-A",
      "scram-sha-256",
      "--auth-local=trust",
      "-E",
      "UTF8",
      "--locale=C",
    ]);
    const port = await startOnFreePort((port) =>
      run("pg_ctl", [
        "start",
        "-w",
        "-t",
        "60",
        "-D",
        data,
        "-l",
        path.join(folder, "server.log"),
        "-o",
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder} -c fsync=off -c full_page_writes=off -c synchronous_commit=off${settings.map((setting) => ` -c ${setting}`).join("")}`,
      ]),
    );
    const adminPool = new pg.Pool({ host: folder, port, user: superuser, database: "postgres", max: 2 });
    await adminPool.query(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'`);
    await adminPool.query(`CREATE DATABASE ${DATABASE} OWNER ${ROLE}`);
    const databasePool = new pg.Pool({ host: folder, port, user: superuser, database: DATABASE, max: 2 });
    const url = `postgresql://${ROLE}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
    const rolePool = new pg.Pool({ connectionString: url, max: 2 });
    let stopped = false;
    return {
      port,
      url,
      user: ROLE,
      password: PASSWORD,
      database: DATABASE,
      admin: (sql, values) => databasePool.query(sql, values),
      query: (sql, values) => rolePool.query(sql, values),
      async stop() {
        if (stopped) return;
        stopped = true;
        await Promise.allSettled([adminPool.end(), databasePool.end(), rolePool.end()]);
        try {
          run("pg_ctl", ["stop", "-m", "immediate", "-D", data]);
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    if (existsSync(path.join(data, "postmaster.pid"))) {
      try {
        run("pg_ctl", ["stop", "-m", "immediate", "-D", data]);
      } catch {
        // The start failed already; that error is the one to report.
      }
    }
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A describe block with a server started before and stopped after it: runs, is skipped with a
 * reason, or fails under TWINRUN_REQUIRE_POSTGRES=1. `body` gets a getter for the running server.
 */
export function describeWithPostgres(name: string, body: (server: () => PostgresServer) => void): void {
  const binaries = findPostgresBinaries();
  if (!binaries.ok && process.env.TWINRUN_REQUIRE_POSTGRES === "1") {
    describe(name, () => {
      it("finds a Postgres server to start (TWINRUN_REQUIRE_POSTGRES=1)", () => {
        throw new Error(binaries.reason);
      });
    });
    return;
  }
  // A developer machine without Postgres skips these (and says why); CI sets TWINRUN_REQUIRE_POSTGRES=1.
  if (!binaries.ok) console.warn(`twinrun tests: skipping "${name}": ${binaries.reason}`);
  describe.skipIf(!binaries.ok)(name, () => {
    let server: PostgresServer | undefined;
    beforeAll(async () => {
      server = await startPostgresServer();
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
    });
    body(() => {
      if (server === undefined) throw new Error("the Postgres server did not start");
      return server;
    });
  });
}

/** Env for the server's tools: no PG* variables of the developer's shell leak in. */
function serverEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("PG")));
}

/** A port free a moment ago; another process may take it first, so a failed start tries again. */
async function startOnFreePort(start: (port: number) => void): Promise<number> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    try {
      start(port);
      return port;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address !== null
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

function uidOf(user: string): number {
  return Number(spawnSync("id", ["-u", user], { encoding: "utf8" }).stdout.trim());
}

function gidOf(user: string): number {
  return Number(spawnSync("id", ["-g", user], { encoding: "utf8" }).stdout.trim());
}
