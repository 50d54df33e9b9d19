// Which (folded) paths changed in which matched row pair, kept inside the engine (table
// `hint_changed`: the old row's position and a path id) rather than in JavaScript, so hints on
// a table know every changed row whatever the table's size.
import type { DuckDBAppender } from "@duckdb/node-api";
import type { Difference } from "../../compare/types.ts";
import type { TableEngine } from "../engine/table-engine.ts";
import { type ChangedPath, PathTally } from "./path-tally.ts";

/** The engine table the log writes. */
export const CHANGED_PATHS_TABLE = "hint_changed";

/** Why: the comparator's verdicts live in JavaScript; hints need them beside the rows, in SQL. */
export class ChangedPathsLog {
  private readonly tally = new PathTally();

  private constructor(private readonly appender: DuckDBAppender) {}

  /** Creates the log's table and an appender into it. */
  static async open(engine: TableEngine): Promise<ChangedPathsLog> {
    await engine.run(`CREATE TABLE ${CHANGED_PATHS_TABLE} (o BIGINT, path INTEGER)`);
    return new ChangedPathsLog(await engine.appender(CHANGED_PATHS_TABLE));
  }

  /** Notes one changed row pair (by its old row's position) and the paths it changed at. */
  add(oldRow: number, differences: readonly Difference[]): void {
    for (const id of this.tally.add(differences)) {
      this.appender.appendBigInt(BigInt(oldRow));
      this.appender.appendInteger(id);
      this.appender.endRow();
    }
  }

  /** Writes what is left; the table is complete after this. */
  finish(): void {
    this.appender.flushSync();
    this.appender.closeSync();
  }

  /** Every path seen, with its id and changed row pairs, most changed first. */
  paths(): ChangedPath[] {
    return this.tally.paths();
  }
}
