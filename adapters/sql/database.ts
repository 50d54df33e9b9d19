// The database a SQL component runs in, as `--database` / `database:` spell it: a Postgres
// connection URL (`postgresql://user@host:port/db`, credentials also from PG* variables or
// .pgpass) or a DuckDB file (`duckdb:warehouse.duckdb`, relative to the config file or cwd).
import path from "node:path";
import { TwinrunError } from "../../src/errors.ts";
import { isPostgresReference, parsePostgresReference } from "../../src/table/postgres/postgres-reference.ts";
import { parseTableReference, type TableReference } from "../../src/table/table-reference.ts";

const DUCKDB_PREFIX = "duckdb:";
const EXPECTED = "expected postgresql://[user@]host[:port]/database or duckdb:<file.duckdb>";

/** Why: a wrong database is a usage error naming where it was given, before anything runs. */
export function parseDatabase(text: string, where: string, baseDir: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith(DUCKDB_PREFIX)) {
    const file = trimmed.slice(DUCKDB_PREFIX.length);
    if (file === "" || file.includes("?"))
      throw new TwinrunError("USAGE", `${where}: ${JSON.stringify(trimmed)}: ${EXPECTED}`);
    return `${DUCKDB_PREFIX}${path.resolve(baseDir, file)}`;
  }
  if (!isPostgresReference(trimmed)) {
    throw new TwinrunError("USAGE", `${where}: ${JSON.stringify(redactDatabase(trimmed))}: ${EXPECTED}`);
  }
  const options = trimmed.indexOf("?") === -1 ? "" : trimmed.slice(trimmed.indexOf("?") + 1);
  if (/(^|&)(table|query)=/.test(options)) {
    throw new TwinrunError(
      "USAGE",
      `${where}: ${redactDatabase(trimmed)}: the database of SQL components names no table or query (each side's SQL file is its query); ${EXPECTED}`,
    );
  }
  // The reference parser checks the URL (and says what is wrong with it, password left out).
  try {
    parsePostgresReference(withQuery(trimmed, "SELECT 1"));
  } catch (error) {
    if (error instanceof TwinrunError)
      throw new TwinrunError(
        "USAGE",
        `${where}: ${redactDatabase(trimmed)}: not a connection URL; ${EXPECTED}`,
      );
    throw error;
  }
  return trimmed;
}

/** Why: reports and messages name the database without its password. */
export function redactDatabase(database: string): string {
  if (!isPostgresReference(database)) return database;
  const reference = parseForDisplay(database);
  return reference ?? database.replace(/\/\/[^@/]*@/, "//");
}

/**
 * Why: a SQL component's result is exactly a `?query=` reference into its database, so the
 * comparison (pushdown or streaming) is the one `twinrun diff` runs; `shownFile` names the query
 * in messages and reports instead of its whole text.
 */
export function queryReference(database: string, query: string, shownFile: string): TableReference {
  if (database.startsWith(DUCKDB_PREFIX)) {
    // A trailing `;` ends a statement typed in a shell; the newline ends a last `--` comment line.
    return parseTableReference(`${database}?query=${query.replace(/[\s;]+$/, "")}\n`, "/");
  }
  const reference = parsePostgresReference(withQuery(database, query));
  const tail = `query=${query}`;
  const shown = reference.display.endsWith(tail)
    ? `${reference.display.slice(0, -tail.length)}sql=${shownFile}`
    : `${redactDatabase(database)}?sql=${shownFile}`;
  return { ...reference, display: shown };
}

function withQuery(database: string, query: string): string {
  return `${database}${database.includes("?") ? "&" : "?"}query=${query}`;
}

/** The URL as a reference shows it (password and secret options left out), without the query part. */
function parseForDisplay(database: string): string | undefined {
  try {
    const { display } = parsePostgresReference(withQuery(database, "x"));
    return display.slice(0, -"query=x".length).replace(/[?&]$/, "");
  } catch {
    return undefined;
  }
}
