// Opening a Postgres connection for one side: the client's settings, the connection made known to
// the interrupt (so Ctrl-C can cancel its statements), and a failure to connect in our words.
import pg from "pg";
import { parse as parseConnectionString } from "pg-connection-string";
import { trackPostgresClient } from "./open-clients.ts";
import { findPassword, type PasswordTarget } from "./password-lookup.ts";
import { postgresError } from "./postgres-errors.ts";
import type { PostgresReference, PostgresSide } from "./postgres-reference.ts";

/** A connected client and how to let it go (never throws). */
export interface PostgresConnection {
  client: pg.Client;
  close(): Promise<void>;
}

/** Why: streaming, pushdown and the query check connect the same way, so they fail the same way. */
export async function connectPostgres(
  side: PostgresSide,
  reference: PostgresReference,
): Promise<PostgresConnection> {
  const config = clientConfig(reference);
  const client = new pg.Client(config);
  // A dropped connection after the start is reported by the statement that was running.
  client.on("error", () => undefined);
  const forget = trackPostgresClient(client, config);
  const close = async () => {
    forget();
    await client.end().catch(() => undefined);
  };
  try {
    await client.connect();
  } catch (error) {
    await close();
    throw postgresError(side, reference, error);
  }
  return { client, close };
}

/** Every value as the server's text: the cells are built from it, never from a lossy JS number. */
const TEXT_TYPES = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

/**
 * Why: every client twinrun opens connects the same way. The URL's settings; what it leaves empty
 * comes from the PG* variables (the client's defaults), and a missing password from PGPASSWORD or
 * the password file, asked only when the server wants one.
 */
export function clientConfig(reference: PostgresReference): pg.ClientConfig {
  const parsed = Object.entries(parseConnectionString(reference.connectionString)).filter(
    ([, value]) => value !== "" && value !== undefined && value !== null,
  );
  const config = Object.fromEntries(parsed) as pg.ClientConfig & { port?: string | number };
  if (typeof config.port === "string") config.port = Number(config.port);
  return {
    ...config,
    types: TEXT_TYPES,
    application_name: config.application_name ?? "twinrun",
    connectionTimeoutMillis: 30_000,
    // The client calls it with the connection's parameters (its types declare no argument).
    ...(config.password === undefined && {
      password: ((parameters: PasswordTarget) =>
        findPassword(parameters)) as unknown as () => Promise<string>,
    }),
  };
}
