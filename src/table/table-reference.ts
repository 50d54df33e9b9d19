// Table references to a database where a table file is accepted: `duckdb:path/to/file.duckdb?table=name`
// or `duckdb:path/to/file.duckdb?query=<SQL>`, and Postgres URLs (postgres/postgres-reference.ts).
// The DuckDB path is resolved like a file path; the rest says what to read from the database.
import path from "node:path";
import { TwinrunError } from "../errors.ts";
import {
  isPostgresReference,
  type PostgresReference,
  parsePostgresReference,
} from "./postgres/postgres-reference.ts";

/** What a reference reads from its database: a table (optionally `schema.name`) or a query's rows. */
export type DatabaseSelection = { table: string } | { query: string };

/** A DuckDB database file and what to read from it. */
export interface DuckdbReference {
  kind: "duckdb";
  /** The database file, absolute. */
  path: string;
  selection: DatabaseSelection;
}

const PREFIX = "duckdb:";

/** A table in a database: a DuckDB file's or a Postgres server's. */
export type TableReference = DuckdbReference | PostgresReference;

/** Why: `twinrun diff` tells references from file paths by their prefix, once, at the edge. */
export function isTableReference(text: string): boolean {
  return text.startsWith(PREFIX) || isPostgresReference(text);
}

/** Why: one parse for either kind of reference (see isTableReference). */
export function parseTableReference(text: string, cwd: string): TableReference {
  return isPostgresReference(text) ? parsePostgresReference(text) : parseDuckdbReference(text, cwd);
}

/** Why: how reports and messages name a reference: a DuckDB file as the user sees it, a URL without its password. */
export function describeTableReference(
  reference: TableReference,
  displayPath?: (file: string) => string,
): string {
  if (reference.kind === "postgres") return reference.display;
  return describeDuckdbReference(reference, displayPath?.(reference.path));
}

/** Why: a wrong reference is a usage error naming the reference and the expected shape. */
export function parseDuckdbReference(text: string, cwd: string): DuckdbReference {
  const rest = text.slice(PREFIX.length);
  const mark = rest.indexOf("?");
  const file = mark === -1 ? rest : rest.slice(0, mark);
  const expected = "expected duckdb:<file>?table=<name> or duckdb:<file>?query=<SQL>";
  if (file === "") throw new TwinrunError("USAGE", `${text}: no database file given; ${expected}`);
  // The value is taken as written (no URL decoding): SQL holds `+`, `&` and `%` of its own.
  const parameter = mark === -1 ? undefined : /^(table|query)=([\s\S]*)$/.exec(rest.slice(mark + 1));
  if (parameter === null || parameter === undefined) {
    throw new TwinrunError(
      "USAGE",
      `${text}: ${mark === -1 ? "no table or query given" : "unknown parameter"}; ${expected}`,
    );
  }
  const [, name, value] = parameter;
  if (value.trim() === "") throw new TwinrunError("USAGE", `${text}: the ${name} is empty; ${expected}`);
  const selection = name === "table" ? { table: value } : { query: value };
  return { kind: "duckdb", path: path.resolve(cwd, file), selection };
}

/** Why: reports and messages name a reference the way a user wrote it, with the path they can open. */
export function describeDuckdbReference(reference: DuckdbReference, displayPath = reference.path): string {
  const { selection } = reference;
  const what = "table" in selection ? `table=${selection.table}` : `query=${selection.query}`;
  return `${PREFIX}${displayPath}?${what}`;
}
