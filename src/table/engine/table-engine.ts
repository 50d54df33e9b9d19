// The embedded table engine: one DuckDB instance per table comparison, inside a memory limit,
// with a spill folder of its own in the system temp folder (removed when the engine closes).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBValue,
} from "@duckdb/node-api";
import { TwinrunError } from "../../errors.ts";

/** The memory limit when none is configured. */
export const DEFAULT_MEMORY_LIMIT = "1GB";

export interface TableEngineOptions {
  /** DuckDB's memory limit, e.g. "1GB" or "512MB"; beyond it the engine spills to its temp folder. */
  memoryLimit: string;
  /** Worker threads; defaults to the machine's available parallelism. */
  threads?: number;
}

/** Why: every SQL statement of a comparison runs through here, so errors and cleanup live in one place. */
export class TableEngine {
  /** A folder of the engine's own (spill files, tables handed in by the dataframe style). */
  readonly folder: string;
  private readonly instance: DuckDBInstance;
  private readonly connection: DuckDBConnection;
  /** A second connection for appenders, so appending never ends a result being streamed. */
  private appendConnection: DuckDBConnection | undefined;

  private constructor(folder: string, instance: DuckDBInstance, connection: DuckDBConnection) {
    this.folder = folder;
    this.instance = instance;
    this.connection = connection;
  }

  /** Starts an engine; close() must follow (use withTableEngine). */
  static async open(options: TableEngineOptions): Promise<TableEngine> {
    const folder = await mkdtemp(path.join(os.tmpdir(), "twinrun-tables-"));
    try {
      const instance = await DuckDBInstance.create(":memory:", {
        memory_limit: options.memoryLimit,
        threads: String(options.threads ?? Math.max(1, os.availableParallelism())),
        temp_directory: path.join(folder, "spill"),
        // Loading a file keeps its rows in file order (a row's rowid is its position); queries
        // that do not need an order say so (see unordered), which lets the engine use less memory.
        preserve_insertion_order: "true",
        autoinstall_known_extensions: "false",
        autoload_known_extensions: "true",
      });
      const connection = await instance.connect();
      // Timestamps with a time zone are written in UTC, whatever the machine's zone.
      await connection.run("SET TimeZone = 'UTC'");
      return new TableEngine(folder, instance, connection);
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      const message = error instanceof Error ? error.message : String(error);
      throw new TwinrunError(
        "CONFIG_INVALID",
        `the table engine could not start with memory limit "${options.memoryLimit}": ${message} ` +
          `(give table.memoryLimit / --memory-limit as e.g. 1GB or 512MB)`,
        { cause: error },
      );
    }
  }

  /** Runs a statement for its effect. */
  async run(sql: string): Promise<void> {
    await this.guard(() => this.connection.run(sql));
  }

  /** Runs a statement whose result's row order does not matter (the engine may then buffer less). */
  async runUnordered(sql: string): Promise<void> {
    await this.guard(async () => {
      await this.connection.run("SET preserve_insertion_order = false");
      try {
        await this.connection.run(sql);
      } finally {
        await this.connection.run("SET preserve_insertion_order = true");
      }
    });
  }

  /** All rows of a query (for small results: aggregates, examples). */
  async rows(sql: string): Promise<DuckDBValue[][]> {
    return this.guard(async () => (await this.connection.runAndReadAll(sql)).getRows());
  }

  /** The rows of a query in batches, without holding the whole result. */
  async *stream(sql: string): AsyncGenerator<DuckDBValue[][]> {
    const result = await this.guard(() => this.connection.stream(sql));
    const batches = result.yieldRows();
    for (;;) {
      const next = await this.guard(() => batches.next());
      if (next.done === true) return;
      yield next.value;
    }
  }

  /** An appender into an existing table, for rows made in JavaScript while a query streams. */
  async appender(table: string): Promise<DuckDBAppender> {
    return this.guard(async () => {
      this.appendConnection ??= await this.instance.connect();
      return this.appendConnection.createAppender(table);
    });
  }

  /**
   * Appends rows of text cells (null: SQL NULL) to a table of VARCHAR columns, batch by batch,
   * through the engine's appender (no SQL per row); returns the number of rows appended.
   */
  async appendRows(table: string, batches: AsyncIterable<(string | null)[][]>): Promise<number> {
    const appender = await this.appender(table);
    let count = 0;
    try {
      for await (const batch of batches) {
        for (const row of batch) {
          for (const cell of row) {
            if (cell === null) appender.appendNull();
            else appender.appendVarchar(cell);
          }
          appender.endRow();
        }
        count += batch.length;
        await this.guard(async () => appender.flushSync());
      }
    } finally {
      appender.closeSync();
    }
    return count;
  }

  /** Stops the engine and removes its folder. */
  async close(): Promise<void> {
    this.appendConnection?.closeSync();
    this.connection.closeSync();
    this.instance.closeSync();
    await rm(this.folder, { recursive: true, force: true });
  }

  private async guard<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/out of memory|memory limit/i.test(message)) {
        throw new TwinrunError(
          "INPUT_INVALID",
          `the table comparison needs more memory than its limit allows, even spilling to disk: ${firstLine(message)} ` +
            `(raise table.memoryLimit / --memory-limit)`,
          { cause: error },
        );
      }
      throw error;
    }
  }
}

/** Why: an engine is always closed and its folder removed, whatever the comparison threw. */
export async function withTableEngine<T>(
  options: TableEngineOptions,
  use: (engine: TableEngine) => Promise<T>,
): Promise<T> {
  const engine = await TableEngine.open(options);
  try {
    return await use(engine);
  } finally {
    await engine.close();
  }
}

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The first line of an engine message (they go on with hints for SQL users). */
export function firstLine(message: string): string {
  return message.split("\n")[0].trim();
}
