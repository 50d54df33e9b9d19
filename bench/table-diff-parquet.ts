// The Parquet pair of bench/table-diff.ts: the same two tables as the CSV pair, written once by
// the table engine itself with declared column types (BIGINT, DOUBLE, VARCHAR), zstd-compressed.
import { existsSync, renameSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { columnSqlTypes, type TableDiffData } from "./table-diff-data.ts";

export interface ParquetPair {
  oldPath: string;
  newPath: string;
}

/** Why: the Parquet files are derived from the cached CSV pair, so both hold the same values. */
export async function ensureParquetPair(data: TableDiffData): Promise<ParquetPair> {
  const dir = path.dirname(data.oldPath);
  const pair = { oldPath: path.join(dir, "old.parquet"), newPath: path.join(dir, "new.parquet") };
  if (existsSync(pair.oldPath) && existsSync(pair.newPath)) return pair;
  const columns = Object.entries(columnSqlTypes())
    .map(([name, type]) => `'${name}': '${type}'`)
    .join(", ");
  const instance = await DuckDBInstance.create(":memory:", { memory_limit: "1GB" });
  const connection = await instance.connect();
  try {
    for (const [csv, parquet] of [
      [data.oldPath, pair.oldPath],
      [data.newPath, pair.newPath],
    ]) {
      // Written beside and renamed into place: a present file is a complete one.
      await connection.run(
        `COPY (SELECT * FROM read_csv('${csv}', header=true, auto_detect=false, columns={${columns}})) ` +
          `TO '${parquet}.tmp' (FORMAT parquet, COMPRESSION zstd)`,
      );
      renameSync(`${parquet}.tmp`, parquet);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return pair;
}
