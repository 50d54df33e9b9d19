// One connection to the database a pushdown runs in: statements with bind parameters, results
// read in batches through a server-side cursor, and the session's temporary tables dropped with it.
import type pg from "pg";
import { connectPostgres } from "../postgres/connect-postgres.ts";
import { postgresError } from "../postgres/postgres-errors.ts";
import type { PostgresReference } from "../postgres/postgres-reference.ts";

const FETCH_ROWS = 2000;

/** Why: every statement of a pushdown goes through here, so timing and errors live in one place. */
export class PgSession {
  /** Milliseconds the database spent answering, summed over the statements. */
  databaseMs = 0;
  /** Which side a failing statement is reported for (the side being read, else old). */
  side: "old" | "new" = "old";
  private readonly client: pg.Client;
  private readonly references: { old: PostgresReference; new: PostgresReference };
  private cursors = 0;
  private readonly disconnect: () => Promise<void>;

  private constructor(
    client: pg.Client,
    references: { old: PostgresReference; new: PostgresReference },
    disconnect: () => Promise<void>,
  ) {
    this.client = client;
    this.references = references;
    this.disconnect = disconnect;
  }

  /** Connects to the database both references name; close() must follow (use withPgSession). */
  static async open(references: { old: PostgresReference; new: PostgresReference }): Promise<PgSession> {
    // The same connection as streaming: rows as the server's text, the password looked up in
    // libpq's order (PGPASSWORD, then the password file).
    const { client, close } = await connectPostgres("old", references.old);
    try {
      // The cells' texts rely on these: ISO dates, UTC, shortest exact floats.
      await client.query(
        "SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET extra_float_digits = 1; SET IntervalStyle = 'postgres'",
      );
    } catch (error) {
      await close();
      throw postgresError("old", references.old, error);
    }
    return new PgSession(client, references, close);
  }

  /** All rows of a statement, each as an array of texts (NULL as null). */
  async rows(sql: string, values: unknown[] = []): Promise<(string | null)[][]> {
    const started = performance.now();
    try {
      // The extended protocol takes one statement: a query's `…; DELETE …` is an error, never run.
      const result = await this.client.query({
        text: sql,
        values,
        rowMode: "array",
        queryMode: "extended",
      } as pg.QueryArrayConfig);
      return result.rows as (string | null)[][];
    } catch (error) {
      throw postgresError(this.side, this.references[this.side], error);
    } finally {
      this.databaseMs += performance.now() - started;
    }
  }

  /** Runs a statement for its effect. */
  async run(sql: string, values: unknown[] = []): Promise<void> {
    await this.rows(sql, values);
  }

  /**
   * Why: a user's query is read under a READ ONLY transaction, so a function that INSERTs or a
   * data-modifying statement fails instead of changing data; only the session's temporary tables
   * may be written (Postgres allows that in a read-only transaction).
   */
  async readOnly(use: () => Promise<void>): Promise<void> {
    await this.run("BEGIN READ ONLY");
    try {
      await use();
      await this.run("COMMIT");
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  /** The rows of a query in batches, through a cursor, without holding the whole result. */
  async *stream(sql: string, values: unknown[] = []): AsyncGenerator<(string | null)[][]> {
    const cursor = `twinrun_cursor_${++this.cursors}`;
    await this.run("BEGIN");
    let failed = false;
    try {
      await this.run(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, values);
      for (;;) {
        const batch = await this.rows(`FETCH ${FETCH_ROWS} FROM ${cursor}`);
        if (batch.length === 0) break;
        yield batch;
      }
      await this.run(`CLOSE ${cursor}`);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      await this.run(failed ? "ROLLBACK" : "COMMIT").catch(() => undefined);
    }
  }

  /** Closes the connection (its temporary tables go with it). */
  async close(): Promise<void> {
    await this.disconnect();
  }
}

/** Why: a session is always closed, whatever the comparison threw. */
export async function withPgSession<T>(
  references: { old: PostgresReference; new: PostgresReference },
  use: (session: PgSession) => Promise<T>,
): Promise<T> {
  const session = await PgSession.open(references);
  try {
    return await use(session);
  } finally {
    await session.close().catch(() => undefined);
  }
}
