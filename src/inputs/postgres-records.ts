// A Postgres table or query as an input source: each row becomes one input record, a JSON object
// of its columns (cells as postgres-cells.ts writes them), streamed through a cursor, in the
// order the database returns them (a query's ORDER BY makes it reproducible).
import { createHash } from "node:crypto";
import { toOneLine } from "../../adapters/shared/line-reader.ts";
import { parseLossless } from "../json/parse.ts";
import type { PostgresReference } from "../table/postgres/postgres-reference.ts";
import { withPostgresRows } from "../table/postgres/stream-postgres-rows.ts";
import type { RecordSink } from "./record-sink.ts";

/** Why: rows are records like a file's; resolves with a sha256 of the records' texts, in order. */
export async function readPostgresRecords(
  reference: PostgresReference,
  sink: RecordSink,
  parseRecords: boolean,
  batchRows?: number,
): Promise<string> {
  const hash = createHash("sha256");
  await withPostgresRows(
    "input source",
    reference,
    async (columns, batches) => {
      const names = columns.map((column) => `${JSON.stringify(column.name)}:`);
      // A json (not jsonb) value keeps its text as stored, line breaks included; a record is one line.
      const folded = columns.map((column) => column.kind === "json");
      let row = 0;
      for await (const batch of batches) {
        for (const cells of batch) {
          row += 1;
          const members = cells.map(
            (cell, i) => `${names[i]}${cell === null ? "null" : folded[i] ? toOneLine(cell) : cell}`,
          );
          const text = `{${members.join(",")}}`;
          hash.update(text);
          hash.update("\n");
          if (parseRecords) acceptParsed(sink, row, text);
          else sink.accept(row, text);
        }
      }
    },
    batchRows,
  );
  return hash.digest("hex");
}

/** As the JSONL reader parses a line: natively when JSON.parse can (no NaN token), else losslessly. */
function acceptParsed(sink: RecordSink, row: number, text: string): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    sink.accept(row, text, parseLossless(text), false);
    return;
  }
  sink.accept(row, text, value, true);
}
