// What went wrong talking to Postgres, as one line naming the side and the database object: a
// database that cannot be reached is exit 3; a wrong reference, a missing table or column, a
// query's syntax error or a permission the role lacks is exit 2. No password is ever in it.
import { TwinrunError } from "../../errors.ts";
import { firstLine } from "../engine/table-engine.ts";
import { describeSelection, type PostgresReference, type PostgresSide } from "./postgres-reference.ts";

/** Node's codes for a server that is not there (or not answering). */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
  "ENOENT",
]);

/** SQLSTATEs of a server that is there but cannot take the connection now. */
const UNAVAILABLE_STATES = new Set(["57P03", "53300", "57P01"]);

/** Why: every Postgres failure reaches the user as one instruction, never a stack trace. */
export function postgresError(
  side: PostgresSide,
  reference: PostgresReference,
  error: unknown,
  tables?: string[],
): TwinrunError {
  if (error instanceof TwinrunError) return error;
  const where = `${side} ${reference.display}`;
  const code = (error as { code?: unknown } | null)?.code;
  const raw = scrub(error instanceof Error ? firstLine(error.message) : String(error), reference);
  const object = describeSelection(reference.selection);
  if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || UNAVAILABLE_STATES.has(code))) {
    return new TwinrunError(
      "DATABASE_UNREACHABLE",
      `${where}: could not reach the database (${raw}); is the server running, and are host and port right?`,
      { cause: error },
    );
  }
  if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code)) {
    if (/timeout|terminated|closed the connection/i.test(raw)) {
      return new TwinrunError("DATABASE_UNREACHABLE", `${where}: could not reach the database (${raw})`, {
        cause: error,
      });
    }
    if (/password must be a string|SASL/i.test(raw)) {
      return new TwinrunError(
        "INPUT_INVALID",
        `${where}: the server asks for a password and none was given; put it in PGPASSWORD or ~/.pgpass (PGPASSFILE), or in the URL`,
        { cause: error },
      );
    }
    return new TwinrunError("INPUT_INVALID", `${where}: ${raw}`, { cause: error });
  }
  const detail = (() => {
    switch (code) {
      case "42P01":
        return "table" in reference.selection
          ? `no ${object} in the database (${listTables(tables)})`
          : `the query names a table the database does not have (${raw})`;
      case "42703":
        return `${object} names a column that does not exist (${raw})`;
      case "25006":
        return `the query writes to the database (${raw}); twinrun runs queries read-only, so a comparison never changes data: compare a query without side effects`;
      case "0A000":
        return /data-modifying/i.test(raw)
          ? `the query modifies data (${raw}); twinrun runs queries read-only, so a comparison never changes data: compare a query without side effects`
          : `reading ${object} failed (${raw})`;
      case "42601":
        return `the query has a syntax error (${raw})`;
      case "42501":
        return `the role may not read ${object} (${raw}); GRANT SELECT to it, or connect as another role`;
      case "3D000":
        return `${raw}; check the database name in the URL`;
      case "28P01":
      case "28000":
        return `${raw}; check the user and password (URL, PGUSER/PGPASSWORD or ~/.pgpass)`;
      default:
        return `reading ${object} failed (${raw})`;
    }
  })();
  return new TwinrunError("INPUT_INVALID", `${where}: ${detail}`, { cause: error });
}

function listTables(tables: string[] | undefined): string {
  if (tables === undefined) return "it could not list its tables";
  if (tables.length === 0) return "the role sees no tables";
  const shown = tables.slice(0, 20).join(", ");
  return `tables: ${shown}${tables.length > 20 ? ", …" : ""}`;
}

/** Removes any password the client knows of from a server or driver message. */
function scrub(message: string, reference: PostgresReference): string {
  const secrets = [passwordOf(reference.connectionString), process.env.PGPASSWORD].filter(
    (secret): secret is string => secret !== undefined && secret.length > 0,
  );
  return secrets.reduce((text, secret) => text.split(secret).join("***"), message);
}

function passwordOf(connectionString: string): string | undefined {
  const scheme = /^[a-z]+:\/\//i.exec(connectionString)?.[0].length ?? 0;
  const at = connectionString.lastIndexOf(
    "@",
    connectionString.indexOf("?") === -1 ? undefined : connectionString.indexOf("?"),
  );
  if (at < scheme) return undefined;
  const credentials = connectionString.slice(scheme, at);
  const colon = credentials.indexOf(":");
  if (colon === -1) return undefined;
  const password = credentials.slice(colon + 1);
  try {
    return decodeURIComponent(password);
  } catch {
    return password;
  }
}
