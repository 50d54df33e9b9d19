// Each side of a pushdown as a temporary table of the session: its rows in the order the source
// gives them, numbered from 0 (`r`, a row's position), its columns renamed `c<i>` and their
// declared types kept, so every later statement names them without quoting user text.
import { TwinrunError } from "../../errors.ts";
import type { PostgresReference } from "../postgres/postgres-reference.ts";
import type { DatabaseSelection } from "../table-reference.ts";
import { classifyPgType, type PgColumn, quote } from "./pg-cells.ts";
import type { PgSession } from "./pg-session.ts";

/** One side inside the database. */
export interface PgTable {
  side: "old" | "new";
  /** The session's temporary table. */
  table: string;
  /** How messages and reports name the side. */
  name: string;
  columns: PgColumn[];
  rows: number;
}

/** The engine column of column i. */
export function pgCell(index: number): string {
  return `c${index}`;
}

/** Why: the SQL a selection reads; a table's name parts are quoted by the client. */
export function selectionSql(selection: DatabaseSelection): string {
  // A trailing `;` ends a statement typed in psql; inside a subquery it would be a syntax error.
  if ("query" in selection) return selection.query.replace(/[\s;]+$/, "");
  return `SELECT * FROM ${selection.table.split(".").map(quote).join(".")}`;
}

/** Why: copies a side into the session once; the database then works on its own copy. */
export async function loadPgTable(
  session: PgSession,
  side: "old" | "new",
  reference: PostgresReference,
): Promise<PgTable> {
  const name = reference.display;
  session.side = side;
  const source = selectionSql(reference.selection);
  const table = `twinrun_${side}`;
  const described = await describe(session, source);
  const names = new Set<string>();
  for (const column of described) {
    if (names.has(column.name))
      throw new TwinrunError(
        "INPUT_INVALID",
        `${side} ${name}: the column "${column.name}" appears twice; give each column of the query its own name (… AS other_name)`,
      );
    names.add(column.name);
  }
  const cells = described.map((column, i) => `s.${quote(column.name)} AS ${pgCell(i)}`);
  const select = `SELECT (row_number() OVER ()) - 1 AS r${cells.map((cell) => `, ${cell}`).join("")} FROM (${source}\n) s`;
  await session.run(`DROP TABLE IF EXISTS ${table}`);
  // Created empty (the query is not run), then filled read-only: the query cannot write.
  await session.run(`CREATE TEMPORARY TABLE ${table} AS ${select} WITH NO DATA`);
  await session.readOnly(() => session.run(`INSERT INTO ${table} ${select}`));
  await session.run(`ANALYZE ${table}`);
  const [[count]] = await session.rows(`SELECT count(*) FROM ${table}`);
  return { side, table, name, columns: described, rows: Number(count) };
}

async function describe(session: PgSession, source: string): Promise<PgColumn[]> {
  // The query alone first (planned, not run), so its errors point into its own text.
  await session.run(`EXPLAIN (COSTS OFF) ${source}`);
  // A view of no rows names the columns and their declared types without reading any row.
  await session.run("DROP VIEW IF EXISTS twinrun_shape");
  await session.run(`CREATE TEMPORARY VIEW twinrun_shape AS SELECT * FROM (${source}\n) s LIMIT 0`);
  const rows = await session.rows(
    "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute " +
      "WHERE attrelid = 'twinrun_shape'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
  );
  await session.run("DROP VIEW twinrun_shape");
  return rows.map(([column, type]) => ({
    name: String(column),
    type: String(type),
    valueClass: classifyPgType(String(type)),
  }));
}
