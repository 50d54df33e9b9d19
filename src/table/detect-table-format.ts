// Which reader a table file needs: the explicit --format, or else the file extension.
import { formatFromExtension } from "../inputs/detect-format.ts";
import type { TableFormat } from "./types.ts";

const TABLE_FORMAT_BY_EXTENSION: Readonly<Record<string, TableFormat>> = {
  ".csv": "csv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".json": "json",
  ".parquet": "parquet",
};

/** Why: errors and help texts name the accepted extensions from one list. */
export const TABLE_EXTENSIONS: readonly string[] = Object.keys(TABLE_FORMAT_BY_EXTENSION);

/** Why: an explicit format wins; otherwise the extension decides, and an unknown one is the user's to fix. */
export function detectTableFormat(path: string, explicit?: TableFormat): TableFormat {
  return (
    explicit ??
    formatFromExtension(path, TABLE_FORMAT_BY_EXTENSION, "table format", "csv, jsonl, json or parquet")
  );
}
