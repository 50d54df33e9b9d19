// Which reader a table file needs: the explicit --format, or else the file extension.
import { extname } from "node:path";
import { TwinrunError } from "../../errors.ts";
import type { TableFormat } from "../types.ts";

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
  if (explicit !== undefined) return explicit;
  const extension = extname(path).toLowerCase();
  if (Object.hasOwn(TABLE_FORMAT_BY_EXTENSION, extension)) return TABLE_FORMAT_BY_EXTENSION[extension];
  const got = extension === "" ? "no extension" : `"${extension}"`;
  throw new TwinrunError(
    "INPUT_INVALID",
    `${path}: cannot tell the table format from ${got}; expected one of ${TABLE_EXTENSIONS.join(", ")} ` +
      `(or pass --format csv, jsonl, json or parquet)`,
  );
}
