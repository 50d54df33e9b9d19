// Table file readers, one per format, behind the one ReadTable signature.
import { assertReadableFile } from "../../inputs/assert-readable-file.ts";
import type { ReadOptions } from "../../inputs/record-sink.ts";
import type { ReadTable, ReadTableOptions } from "../read-table.ts";
import { readCsvTable } from "./csv-table-reader.ts";
import { readJsonTable } from "./json-table-reader.ts";
import { readJsonlTable } from "./jsonl-table-reader.ts";
import { readParquetTable } from "./parquet-table-reader.ts";

export { detectTableFormat, TABLE_EXTENSIONS } from "./detect-table-format.ts";

/** Why: callers name a format (detectTableFormat) and get rows; a missing file is reported before any reading. */
export const readTable: ReadTable = async (path, format, sink, options: ReadTableOptions & ReadOptions) => {
  await assertReadableFile(path);
  switch (format) {
    case "csv":
      return readCsvTable(path, sink, options);
    case "jsonl":
      return readJsonlTable(path, sink, options);
    case "json":
      return readJsonTable(path, sink);
    case "parquet":
      return readParquetTable(path, sink);
  }
};
