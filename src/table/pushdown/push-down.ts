// When a table comparison runs inside the database: both sides are Postgres references over the
// same connection (same server, database and role), so one session sees both. Everything else is
// streamed into the embedded engine.
import type { PostgresReference } from "../postgres/postgres-reference.ts";
import type { TableComparisonOptions, TableComparisonResult } from "../table-comparison.ts";
import type { TableReference } from "../table-reference.ts";
import type { TableEngineUse, TableFileInfo } from "../types.ts";
import { compareInPostgres } from "./compare-in-postgres.ts";
import { quote } from "./pg-cells.ts";
import type { PgSession } from "./pg-session.ts";
import { withPgSession } from "./pg-session.ts";
import { loadPgTable, type PgTable } from "./pg-tables.ts";

/** Why: the one rule for "runs in the database"; the report says which way a comparison went. */
export function pushdownReferences(
  oldReference: TableReference | undefined,
  newReference: TableReference | undefined,
  options: TableComparisonOptions,
): { old: PostgresReference; new: PostgresReference } | undefined {
  if (oldReference?.kind !== "postgres" || newReference?.kind !== "postgres") return undefined;
  if (oldReference.connectionString !== newReference.connectionString) return undefined;
  // Matching column names by case is the embedded engine's alone.
  if (options.ignoreColumnCase === true || options.pushdown === false) return undefined;
  return { old: oldReference, new: newReference };
}

/** The result of a pushdown, with the sides it read and where it ran. */
export type PushdownResult = TableComparisonResult & {
  files: { old: TableFileInfo; new: TableFileInfo };
  engine: TableEngineUse;
};

/** A pushdown the database cannot hold: why, for the report; the sides are streamed instead. */
export interface PushdownDeclined {
  declined: string;
}

/**
 * Why: the whole comparison in one database session; only findings and examples come back. A
 * session that cannot create the temporary tables it works in declines before reading any row.
 */
export async function compareByPushdown(
  references: { old: PostgresReference; new: PostgresReference },
  options: TableComparisonOptions,
): Promise<PushdownResult | PushdownDeclined> {
  return withPgSession(references, async (session) => {
    const obstacle = await findPushdownObstacle(session);
    if (obstacle !== undefined) return { declined: obstacle };
    const oldTable = await loadPgTable(session, "old", references.old);
    const newTable = await loadPgTable(session, "new", references.new);
    session.side = "old";
    const result = await compareInPostgres(session, oldTable, newTable, options);
    const info = async (table: PgTable, reference: PostgresReference): Promise<TableFileInfo> => ({
      path: reference.display,
      format: "postgres",
      sha256: await contentHash(session, table),
      reference: reference.display,
    });
    const files = { old: await info(oldTable, references.old), new: await info(newTable, references.new) };
    const database = references.old.display.replace(/\?.*$/, "");
    return {
      ...result,
      files,
      engine: { kind: "pushdown", database, databaseMs: Math.round(session.databaseMs) },
    };
  });
}

/** Why the session cannot create temporary tables (no TEMP privilege, a standby, read-only), or undefined. */
async function findPushdownObstacle(session: PgSession): Promise<string | undefined> {
  const [[mayTemp, standby, readOnly, database, role]] = await session.rows(
    "SELECT has_database_privilege(current_database(), 'TEMP'), pg_is_in_recovery(), " +
      "current_setting('transaction_read_only'), current_database(), current_user",
  );
  const needs = "which pushdown needs for its temporary tables";
  if (standby === "t") return `the server is a read-only standby, ${needs}`;
  if (readOnly === "on") return `the session is read-only (default_transaction_read_only), ${needs}`;
  if (mayTemp !== "t") {
    const grant = `GRANT TEMP ON DATABASE ${quote(String(database))} TO ${quote(String(role))}`;
    return `role "${role}" lacks the TEMP privilege on database "${database}", ${needs} (${grant})`;
  }
  return undefined;
}

const HASH_GROUP_ROWS = 100_000;

/**
 * What was compared, for the report: a sha256 computed by the database over its rows in order
 * (per group of rows, then over the groups), so no row has to leave it.
 */
async function contentHash(session: PgSession, table: PgTable): Promise<string> {
  const [[hash]] = await session.rows(
    `SELECT encode(sha256(coalesce(string_agg(h, ''::bytea ORDER BY g), ''::bytea)), 'hex') FROM (` +
      `SELECT r / $1::bigint AS g, sha256(string_agg(convert_to(t::text, 'UTF8'), '\\x0a'::bytea ORDER BY r)) AS h ` +
      `FROM ${table.table} t GROUP BY 1) x`,
    [HASH_GROUP_ROWS],
  );
  return String(hash);
}
