// Loading a Postgres table or a query's rows into the engine, streamed through a cursor and the
// engine's appender a batch at a time (the engine spills beyond its memory limit), with the same
// cells as a Parquet file of the same types and the columns' types as the database declares them.
import { createHash } from "node:crypto";
import type { PostgresReference } from "../postgres/postgres-reference.ts";
import type { CellBatch } from "../postgres/stream-postgres-rows.ts";
import { withPostgresRows } from "../postgres/stream-postgres-rows.ts";
import { cellColumn, type LoadedTable } from "./load-table.ts";
import type { TableEngine } from "./table-engine.ts";

/** Why: a database table becomes the same loaded table as a file, so every later step is shared. */
export async function loadPostgresTable(
  engine: TableEngine,
  side: "old" | "new",
  reference: PostgresReference,
): Promise<LoadedTable> {
  const table = `${side}_rows`;
  return withPostgresRows(side, reference, async (columns, batches) => {
    const definitions =
      columns.length === 0 ? ["c VARCHAR"] : columns.map((_, i) => `${cellColumn(i)} VARCHAR`);
    await engine.run(`CREATE TABLE ${table} (${definitions.join(", ")})`);
    // What was compared, for the report: a hash of every cell in row order.
    const hash = createHash("sha256");
    const rows = await engine.appendRows(table, hashed(batches, hash, columns.length === 0));
    return {
      side,
      table,
      path: reference.display,
      name: reference.display,
      format: "postgres",
      columns: columns.map((column) => column.name),
      rows,
      encoding: "json",
      absentCells: false,
      declared: columns.map((column) => column.declared),
      facts: { sha256: hash.digest("hex"), newlines: rows, endsWithNewline: true },
      firstLine: 1,
    };
  });
}

/** Hashes each batch as it passes; a row of no columns gets the one NULL cell of its table. */
async function* hashed(
  batches: AsyncIterable<CellBatch>,
  hash: ReturnType<typeof createHash>,
  noColumns: boolean,
): AsyncGenerator<CellBatch> {
  for await (const batch of batches) {
    for (const row of batch) {
      for (const cell of row) hash.update(cell === null ? "\u0001\u0000" : `${cell}\u0000`);
      hash.update("\n");
    }
    yield noColumns ? batch.map(() => [null]) : batch;
  }
}
