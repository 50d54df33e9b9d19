// The one hand-off between a table file reader (CSV, JSONL, JSON array, Parquet) and table
// comparison: rows in file order, as objects of column → lossless value.
import type { TableFormat } from "./types.ts";

/** Why: readers stay ignorant of keys and statistics; table comparison owns those. */
export interface TableRowSink {
  /** One row: the 1-based line where it starts (Parquet: row number) and its values by column. */
  row(line: number, values: Record<string, unknown>): void;
}

/** What reading a whole table file produced besides its rows. */
export interface TableFileSummary {
  /** Column names in file order (JSONL/JSON: the union of keys, in order of first appearance). */
  columns: string[];
  rows: number;
  sha256: string;
}

export interface ReadTableOptions {
  /** CSV: keep every cell as text instead of inferring numbers. */
  csvStrings: boolean;
}

/** Signature of readTable (src/table/readers/index.ts implements it). */
export type ReadTable = (
  path: string,
  format: TableFormat,
  sink: TableRowSink,
  options: ReadTableOptions,
) => Promise<TableFileSummary>;
