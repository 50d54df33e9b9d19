// Postgres table references where a table file is accepted:
// `postgresql://user@host:port/db?table=schema.name` or `...?query=<SQL>` (also `postgres://`).
// The connection part is libpq's URL (credentials may also come from PG* variables or .pgpass);
// connection options (`sslmode=…&`) may come before `table=` / `query=`, whose value runs to the
// end as written. Only the redacted form (no password) is ever shown.
import { TwinrunError } from "../../errors.ts";
import type { DatabaseSelection } from "../table-reference.ts";

/** A Postgres database and what to read from it. */
export interface PostgresReference {
  kind: "postgres";
  /** The connection URL given to the client, password and options included; never shown. */
  connectionString: string;
  /** How reports and messages name the reference: the URL without its password. */
  display: string;
  selection: DatabaseSelection;
}

/** Which reference a message is about: a table side, or the input source of a run. */
export type PostgresSide = "old" | "new" | "input source";

const PREFIXES = ["postgresql://", "postgres://"];
const EXPECTED = "expected postgresql://[user@]host[:port]/database?table=<schema.name> or ...?query=<SQL>";
/** Connection options that carry a secret and never appear in the shown reference. */
const SECRET_OPTIONS = new Set(["password", "sslpassword", "sslkey"]);

/** Why: `twinrun diff` and input sources tell Postgres references from file paths by their scheme. */
export function isPostgresReference(text: string): boolean {
  return PREFIXES.some((prefix) => text.toLowerCase().startsWith(prefix));
}

/** Why: a wrong reference is a usage error naming the (redacted) reference and the expected shape. */
export function parsePostgresReference(text: string): PostgresReference {
  const mark = text.indexOf("?");
  const base = mark === -1 ? text : text.slice(0, mark);
  const shownBase = redactUrl(base);
  const parameters = mark === -1 ? [] : text.slice(mark + 1).split("&");
  const options: string[] = [];
  let selection: DatabaseSelection | undefined;
  for (let i = 0; i < parameters.length; i += 1) {
    const match = /^(table|query)=([\s\S]*)$/.exec(parameters[i]);
    if (match === null) {
      options.push(parameters[i]);
      continue;
    }
    // The table or query runs to the end, `&` included: SQL holds `&` of its own.
    const value = [match[2], ...parameters.slice(i + 1)].join("&");
    if (value.trim() === "")
      throw new TwinrunError("USAGE", `${shownBase}: the ${match[1]} is empty; ${EXPECTED}`);
    selection = match[1] === "table" ? { table: value } : { query: value };
    break;
  }
  const shownOptions = options.filter((option) => !SECRET_OPTIONS.has(option.split("=")[0].toLowerCase()));
  const shown = (what: string) =>
    `${shownBase}?${[...shownOptions, ...(what === "" ? [] : [what])].join("&")}`;
  if (selection === undefined)
    throw new TwinrunError("USAGE", `${shown("")}: no table or query given; ${EXPECTED}`);
  if (!/^postgres(ql)?:\/\/[^/?#]*(\/[^/?#]*)?$/i.test(base))
    throw new TwinrunError("USAGE", `${shownBase}: not a connection URL; ${EXPECTED}`);
  try {
    new URL(base.replace(/^postgres(ql)?:/i, "http:").replace(/^http:\/\/\//, "http://localhost/"));
  } catch {
    throw new TwinrunError("USAGE", `${shownBase}: not a connection URL; ${EXPECTED}`);
  }
  const what = "table" in selection ? `table=${selection.table}` : `query=${selection.query}`;
  return {
    kind: "postgres",
    connectionString: options.length === 0 ? base : `${base}?${options.join("&")}`,
    display: shown(what),
    selection,
  };
}

/** Why: every place that echoes a connection URL shows it without its password. */
export function redactUrl(url: string): string {
  const scheme = /^[a-z]+:\/\//i.exec(url)?.[0];
  const at = url.lastIndexOf("@");
  if (scheme === undefined || at < scheme.length) return url;
  // user:password@ → user@ (everything up to the last `@` is credentials; the user ends at `:`).
  const credentials = url.slice(scheme.length, at);
  const colon = credentials.indexOf(":");
  return `${scheme}${colon === -1 ? credentials : credentials.slice(0, colon)}${url.slice(at)}`;
}

/** Why: a text that may be a Postgres reference, as it may be shown (files are returned as they are). */
export function redactReference(text: string): string {
  if (!isPostgresReference(text)) return text;
  try {
    return parsePostgresReference(text).display;
  } catch {
    return redactUrl(text.split("?")[0]);
  }
}

/** The object a reference reads, for messages: `table "public.scores"` or `the query`. */
export function describeSelection(selection: DatabaseSelection): string {
  return "table" in selection ? `table "${selection.table}"` : "the query";
}
