// Reading a Postgres table or query's rows with a server-side cursor, a batch at a time, as cell
// texts (postgres-cells.ts): memory holds one batch, whatever the table's size. The read runs in
// one READ ONLY, REPEATABLE READ transaction (a query cannot write; its columns and rows come
// from one snapshot) with the session settings the cells rely on (ISO dates, UTC, exact floats).
import type pg from "pg";
import Cursor from "pg-cursor";
import { TwinrunError } from "../../errors.ts";
import { connectPostgres } from "./connect-postgres.ts";
import { describeColumn, type PostgresColumn, postgresCellJson } from "./postgres-cells.ts";
import { postgresError } from "./postgres-errors.ts";
import type { PostgresReference, PostgresSide } from "./postgres-reference.ts";

/** Rows fetched per cursor read. */
export const POSTGRES_BATCH_ROWS = 5000;

/** A batch of rows: each row's cells in column order (JSON text, or null for SQL NULL). */
export type CellBatch = (string | null)[][];

/** Why: one connection, transaction and cursor per side, always closed, whatever `use` throws. */
export async function withPostgresRows<T>(
  side: PostgresSide,
  reference: PostgresReference,
  use: (columns: PostgresColumn[], batches: AsyncIterable<CellBatch>) => Promise<T>,
  batchRows = POSTGRES_BATCH_ROWS,
): Promise<T> {
  const { client, close } = await connectPostgres(side, reference);
  try {
    await client.query(
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL DateStyle = 'ISO, YMD'; " +
        "SET LOCAL TimeZone = 'UTC'; SET LOCAL extra_float_digits = 1; SET LOCAL IntervalStyle = 'postgres'; " +
        // A scan joining another one midway would start at another row: the order must be the table's.
        "SET LOCAL synchronize_seqscans = off",
    );
    const source = sourceSql(client, reference);
    const columns = await describeColumns(client, side, reference, source);
    const cursor = client.query(new Cursor(selectSql(client, columns, source), [], { rowMode: "array" }));
    const batches = async function* (): AsyncGenerator<CellBatch> {
      for (;;) {
        const rows = (await cursor.read(batchRows)) as (string | null)[][];
        if (rows.length === 0) return;
        yield rows.map((row) => row.map((text, i) => postgresCellJson(columns[i].kind, text)));
      }
    };
    try {
      return await use(columns, guardBatches(side, reference, batches()));
    } finally {
      await cursor.close().catch(() => undefined);
    }
  } catch (error) {
    throw postgresError(side, reference, error, await tablesIfMissing(client, reference, error));
  } finally {
    await client.query("ROLLBACK").catch(() => undefined);
    await close();
  }
}

/** The reference's rows as SQL: the table (identifiers quoted by the client) or the query as given. */
function sourceSql(client: pg.Client, reference: PostgresReference): string {
  const { selection } = reference;
  if ("table" in selection) {
    const parts = selection.table.split(".").map((part) => client.escapeIdentifier(part));
    return `SELECT * FROM ${parts.join(".")}`;
  }
  // A trailing `;` ends a statement typed in psql; inside a subquery it would be a syntax error.
  return selection.query.replace(/[\s;]+$/, "");
}

/** The source's columns, from its result description (no rows are read), and their types' categories. */
async function describeColumns(
  client: pg.Client,
  side: PostgresSide,
  reference: PostgresReference,
  source: string,
): Promise<PostgresColumn[]> {
  // The query alone first (planned, not run), so its errors point into its own text.
  if ("query" in reference.selection)
    await client.query({ text: `EXPLAIN (COSTS OFF) ${source}`, queryMode: "extended" } as pg.QueryConfig);
  const described = await client.query({
    text: `SELECT * FROM (${source}\n) AS twinrun_source LIMIT 0`,
    rowMode: "array",
    queryMode: "extended",
  } as pg.QueryArrayConfig);
  const oids = [...new Set(described.fields.map((field) => field.dataTypeID))];
  const types = await client.query({
    text: "SELECT oid::int8, typname, typcategory FROM pg_catalog.pg_type WHERE oid = ANY($1::oid[])",
    values: [oids],
    rowMode: "array",
  });
  const typeOf = new Map(
    (types.rows as string[][]).map(([oid, name, category]) => [Number(oid), { name, category }]),
  );
  const seen = new Set<string>();
  return described.fields.map((field) => {
    if (seen.has(field.name)) {
      throw new TwinrunError(
        "INPUT_INVALID",
        `${side} ${reference.display}: the rows have two columns named "${field.name}"; give each column its own name (AS …)`,
      );
    }
    seen.add(field.name);
    const type = typeOf.get(field.dataTypeID) ?? { name: String(field.dataTypeID), category: "U" };
    return describeColumn(field.name, field.dataTypeID, field.dataTypeModifier, type);
  });
}

/** Reads every column; arrays as JSON (to_jsonb), as their text form is no JSON. */
function selectSql(client: pg.Client, columns: PostgresColumn[], source: string): string {
  if (!columns.some((column) => column.kind === "array"))
    return `SELECT * FROM (${source}\n) AS twinrun_source`;
  const list = columns.map((column) => {
    const name = client.escapeIdentifier(column.name);
    return column.kind === "array" ? `to_jsonb(${name})::text AS ${name}` : name;
  });
  return `SELECT ${list.join(", ")} FROM (${source}\n) AS twinrun_source`;
}

/** For a missing table, the tables the role can see (so the message can name them); else undefined. */
async function tablesIfMissing(
  client: pg.Client,
  reference: PostgresReference,
  error: unknown,
): Promise<string[] | undefined> {
  if (!("table" in reference.selection) || (error as { code?: unknown }).code !== "42P01") return undefined;
  try {
    await client.query("ROLLBACK");
    const listed = await client.query({
      text:
        "SELECT table_schema || '.' || table_name FROM information_schema.tables " +
        "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1 LIMIT 21",
      rowMode: "array",
    });
    return (listed.rows as string[][]).map(([name]) => name);
  } catch {
    return undefined;
  }
}

/** A failure while rows stream (a division by zero halfway) names the side as any other. */
async function* guardBatches(
  side: PostgresSide,
  reference: PostgresReference,
  batches: AsyncGenerator<CellBatch>,
): AsyncGenerator<CellBatch> {
  try {
    yield* batches;
  } catch (error) {
    throw postgresError(side, reference, error);
  }
}
