// Ctrl-C (or SIGTERM) while a long query runs in the database: twinrun cancels the statement on
// the server and closes its connection, exits 130, and leaves no backend of its own running —
// pushed down (a SQL component run) and streamed (a diff without pushdown) alike.
import { execa } from "execa";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CLI, makeWorkspace } from "../../helpers/cli.ts";
import { describeWithPostgres } from "../../helpers/postgres-server.ts";

/** A query that runs for 30 s once its rows are read: far longer than any test waits. */
const SLEEPING_QUERY =
  "SELECT g AS id, g * 2 AS score FROM generate_series(1, 3) AS g CROSS JOIN pg_sleep(30) AS s";

/** How long the backend may take to go once twinrun cancelled it: well under the query's 30 s. */
const GONE_WITHIN_MS = 10_000;

describeWithPostgres("an interrupted query", (server) => {
  let dir: string;
  let cleanup: () => void;

  beforeAll(async () => {
    ({ dir, cleanup } = makeWorkspace({
      "models/old.sql": "SELECT g AS id, g * 2 AS score FROM generate_series(1, 3) AS g\n",
      "models/sleeping.sql": `${SLEEPING_QUERY}\n`,
    }));
  });
  afterAll(() => cleanup());

  /** The backends of the test role running the sleeping query, as the server shows them. */
  async function sleepingBackends(): Promise<{ pid: number; state: string }[]> {
    const result = await server().admin(
      "SELECT pid, state FROM pg_stat_activity WHERE usename = 'twinrun' AND query LIKE $1 AND pid <> pg_backend_pid()",
      ["%pg_sleep(30)%"],
    );
    return result.rows as { pid: number; state: string }[];
  }

  /** Polls the server until `done` holds of what it shows, or fails after `withinMs`. */
  async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, withinMs: number) {
    const deadline = performance.now() + withinMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (performance.now() > deadline)
        throw new Error(`still ${JSON.stringify(value)} after ${withinMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const runs: [string, NodeJS.Signals, () => string[]][] = [
    [
      "a SQL component run pushed down",
      "SIGINT",
      () => [
        "run",
        "--old",
        "sql:models/old.sql",
        "--new",
        "sql:models/sleeping.sql",
        "--key",
        "id",
        "--database",
        server().url,
        "--no-save",
      ],
    ],
    [
      "a streamed diff",
      "SIGTERM",
      () => [
        "diff",
        `${server().url}?query=SELECT g AS id, g * 2 AS score FROM generate_series(1, 3) AS g`,
        `${server().url}?query=${SLEEPING_QUERY}`,
        "--key",
        "id",
        "--no-pushdown",
        "--no-save",
      ],
    ],
  ];

  it.each(runs)(
    "cancels the query of %s on %s, exits 130 and leaves no backend",
    async (_what, signal, args) => {
      const child = execa(process.execPath, [CLI, ...args()], {
        cwd: dir,
        env: { NO_COLOR: "1", COLUMNS: "80" },
        reject: false,
        timeout: 60_000,
      });
      const active = async () => (await sleepingBackends()).filter((found) => found.state === "active");
      const [backend] = await pollUntil(active, (backends) => backends.length > 0, 40_000);
      child.kill(signal);
      const result = await child;
      expect(result.stderr).toContain("interrupted");
      expect(result.stderr).not.toContain("    at ");
      expect(result.exitCode).toBe(130);
      await pollUntil(
        async () => (await sleepingBackends()).filter((found) => found.pid === backend.pid),
        (left) => left.length === 0,
        GONE_WITHIN_MS,
      );
    },
  );
});
