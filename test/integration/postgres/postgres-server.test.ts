// The throwaway test server itself: the test role needs its password over TCP, and the server
// listens on the loopback address alone.
import pg from "pg";
import { expect, it } from "vitest";
import { describeWithPostgres } from "../../helpers/postgres-server.ts";

describeWithPostgres("the test Postgres server", (server) => {
  it("lets the test role in with its password over TCP", async () => {
    const result = await server().query("SELECT current_user AS role, current_database() AS db");
    expect(result.rows).toEqual([{ role: "twinrun", db: "twinrun" }]);
  });

  it("refuses the test role a wrong password", async () => {
    const client = new pg.Client({
      host: "127.0.0.1",
      port: server().port,
      user: "twinrun",
      password: "wrong",
      database: "twinrun",
    });
    await expect(client.connect()).rejects.toThrow(/password authentication failed/);
    await client.end().catch(() => undefined);
  });

  it("listens on 127.0.0.1 only", async () => {
    const result = await server().admin("SHOW listen_addresses");
    expect(result.rows[0].listen_addresses).toBe("127.0.0.1");
  });
});
