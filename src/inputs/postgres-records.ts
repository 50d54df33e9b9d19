// A Postgres table or query as an input source: each row becomes one input record, a JSON object
// of its columns (cells as postgres-cells.ts writes them), streamed through a cursor, in the
// order the database returns them (a query's ORDER BY makes it reproducible).
import { createHash } from "node:crypto";
import { parseLossless } from "../json/parse.ts";
import type { PostgresReference } from "../table/postgres/postgres-reference.ts";
import { withPostgresRows } from "../table/postgres/stream-postgres-rows.ts";
import type { RecordSink } from "./record-sink.ts";

/** Why: rows are records like a file's; resolves with a sha256 of the records' texts, in order. */
export async function readPostgresRecords(
  reference: PostgresReference,
  sink: RecordSink,
  parseRecords: boolean,
): Promise<string> {
  const hash = createHash("sha256");
  await withPostgresRows("input", reference, async (columns, batches) => {
    const names = columns.map((column) => `${JSON.stringify(column.name)}:`);
    let line = 0;
    for await (const batch of batches) {
      for (const row of batch) {
        line += 1;
        const members = row.map((cell, i) => `${names[i]}${cell ?? "null"}`);
        const text = `{${members.join(",")}}`;
        hash.update(text);
        hash.update("\n");
        sink.accept(line, text, parseRecords ? parseLossless(text) : undefined, false);
      }
    }
  });
  return hash.digest("hex");
}
