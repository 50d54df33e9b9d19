// A SQL component's query checked in its database before the comparison reads it: planned, not
// run (EXPLAIN, in a read-only transaction), so a syntax error, a missing table or column is one
// line naming the side, the file and the line of the file the database points at.
import type pg from "pg";
import { TwinrunError } from "../../src/errors.ts";
import { connectPostgres } from "../../src/table/postgres/connect-postgres.ts";
import { postgresError } from "../../src/table/postgres/postgres-errors.ts";
import type { PostgresReference } from "../../src/table/postgres/postgres-reference.ts";
import { selectionSql } from "../../src/table/pushdown/pg-tables.ts";
import type { Side } from "../types.ts";

const PLAN_PREFIX = "EXPLAIN (COSTS OFF) ";

/** Why: the database's own message, placed in the user's file, is the fastest fix of a broken query. */
export async function checkPostgresQuery(
  side: Side,
  shownFile: string,
  reference: PostgresReference,
): Promise<void> {
  const { client, close } = await connectPostgres(side, reference);
  const query = selectionSql(reference.selection);
  try {
    await client.query("BEGIN READ ONLY");
    // The extended protocol takes one statement: `SELECT …; DELETE …` is an error, never run.
    await client.query({ text: `${PLAN_PREFIX}${query}`, queryMode: "extended" } as pg.QueryConfig);
  } catch (error) {
    const problem = postgresError(side, reference, error);
    const line = lineOf(query, (error as { position?: unknown }).position);
    if (line === undefined) throw problem;
    const text = line.text.length > 80 ? `${line.text.slice(0, 77)}...` : line.text;
    throw new TwinrunError(
      problem.code,
      `${problem.message}, at line ${line.number} of ${shownFile}: ${text}`,
      { cause: error },
    );
  } finally {
    await client.query("ROLLBACK").catch(() => undefined);
    await close();
  }
}

/** The line of the query a server's error position (1-based characters of the statement) falls on. */
export function lineOf(query: string, position: unknown): { number: number; text: string } | undefined {
  const at = Number(position) - 1 - PLAN_PREFIX.length;
  if (!Number.isInteger(at) || at < 0 || at > query.length) return undefined;
  const characters = Array.from(query);
  const before = characters.slice(0, at).join("");
  const number = before.split("\n").length;
  return { number, text: query.split("\n")[number - 1]!.trim() };
}
