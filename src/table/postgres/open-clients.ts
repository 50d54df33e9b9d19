// The Postgres connections twinrun holds open, so an interrupt can stop their statements on the
// server: a closed socket alone leaves a long query running there until it next writes a row.
import pg from "pg";

/** Each open client and the settings a second connection needs to reach the same server. */
const openClients = new Map<pg.Client, pg.ClientConfig>();

/** Why: every client twinrun connects is known to the interrupt; the returned call forgets it. */
export function trackPostgresClient(client: pg.Client, config: pg.ClientConfig): () => void {
  openClients.set(client, config);
  return () => {
    openClients.delete(client);
  };
}

/** How long a cancel may take before twinrun closes the connection anyway. */
const CANCEL_TIMEOUT_MS = 5_000;

/**
 * Why: Ctrl-C must leave no statement running in the user's database. Each open client's backend
 * is cancelled (pg_cancel_backend, from a second connection as the same role), then its
 * connection closed; never throws, as it runs while twinrun stops.
 */
export async function cancelPostgresQueries(): Promise<void> {
  const clients = [...openClients];
  openClients.clear();
  await Promise.all(
    clients.map(async ([client, config]) => {
      const backend = (client as unknown as { processID?: number | null }).processID;
      if (typeof backend === "number") await cancelBackend(config, backend);
      await client.end().catch(() => undefined);
    }),
  );
}

async function cancelBackend(config: pg.ClientConfig, backend: number): Promise<void> {
  const canceller = new pg.Client({
    ...config,
    application_name: "twinrun-cancel",
    connectionTimeoutMillis: CANCEL_TIMEOUT_MS,
    query_timeout: CANCEL_TIMEOUT_MS,
  });
  canceller.on("error", () => undefined);
  try {
    await canceller.connect();
    await canceller.query("SELECT pg_cancel_backend($1)", [backend]);
  } catch {
    // The server is gone or refuses: closing the connection is all that is left to do.
  } finally {
    await canceller.end().catch(() => undefined);
  }
}
