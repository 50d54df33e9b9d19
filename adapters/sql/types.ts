// The SQL component's contract: a query in a file, run in a database; its result is the side's
// output table, compared where it lives (pushdown) or streamed into the embedded engine.
import type { ResolvedComponentBase } from "../kind.ts";

/** A SQL model (`sql:models/features.sql`, or `adapter: sql`) and the database it runs in. */
export interface ResolvedSqlComponent extends ResolvedComponentBase {
  adapter: "sql";
  /** The SQL file, absolute; read when the run starts (with --base, from the ref's worktree). */
  file: string;
  /**
   * Where the query runs: a Postgres connection URL (password included, never shown) or
   * `duckdb:<absolute file>`.
   */
  database: string;
}
