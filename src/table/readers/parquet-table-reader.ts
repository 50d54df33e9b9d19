// Parquet tables: read row group by row group through hyparquet over a file handle, so memory
// holds one row group's rows, never the whole file. The sha256 comes from a sequential read of
// the file running beside the row-group reads (Parquet is read by byte range, not front to back).
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import {
  type AsyncBuffer,
  type FileMetaData,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
} from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { TwinrunError } from "../../errors.ts";
import { toInputFileError } from "../../inputs/assert-readable-file.ts";
import { asBytes } from "../../inputs/bytes.ts";
import { DEFAULT_CHUNK_BYTES } from "../../inputs/record-sink.ts";
import type { TableFileSummary, TableRowSink } from "../read-table.ts";
import { openParquetFileBuffer } from "./parquet-file-buffer.ts";
import {
  createParquetConverter,
  LOSSLESS_PARQUET_PARSERS,
  type ParquetValueConverter,
} from "./parquet-values.ts";

/**
 * Why: Parquet is what pipelines write for large tables. Each row's "line" is its 1-based row
 * number; values are mapped losslessly by column type (see parquet-values.ts).
 */
export async function readParquetTable(path: string, sink: TableRowSink): Promise<TableFileSummary> {
  const hashing = hashFile(path);
  // Settled here so a failed read below never leaves the hash's rejection unhandled.
  hashing.catch(() => undefined);
  const { buffer, close } = await openParquetFileBuffer(path);
  try {
    const metadata = await readMetadata(path, buffer);
    const root = parquetSchema(metadata);
    const columns = root.children.map((child) => child.element.name);
    const converters = root.children.map(createParquetConverter);
    let rowStart = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      if (rowEnd > rowStart) {
        const rows = await readRowGroup(path, buffer, metadata, rowStart, rowEnd);
        emitRows(rows, rowStart, columns, converters, sink);
      }
      rowStart = rowEnd;
    }
    return { columns, rows: rowStart, sha256: await hashing };
  } finally {
    await close();
  }
}

function emitRows(
  rows: Record<string, unknown>[],
  rowStart: number,
  columns: readonly string[],
  converters: readonly ParquetValueConverter[],
  sink: TableRowSink,
): void {
  const count = columns.length;
  const safeKeys = !columns.includes("__proto__");
  for (let r = 0; r < rows.length; r += 1) {
    const source = rows[r];
    const row: Record<string, unknown> = {};
    for (let i = 0; i < count; i += 1) {
      const value = converters[i](source[columns[i]]);
      if (safeKeys) row[columns[i]] = value;
      else
        Object.defineProperty(row, columns[i], {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
    }
    sink.row(rowStart + r + 1, row);
  }
}

async function readMetadata(path: string, buffer: AsyncBuffer): Promise<FileMetaData> {
  try {
    return await parquetMetadataAsync(buffer, { parsers: LOSSLESS_PARQUET_PARSERS });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TwinrunError(
      "INPUT_INVALID",
      `${path}: expected a Parquet file (ending in the PAR1 marker), but it cannot be read as one (${reason}); ` +
        `check the file, or pass --format csv, jsonl or json if it holds another format`,
      { cause: error },
    );
  }
}

async function readRowGroup(
  path: string,
  buffer: AsyncBuffer,
  metadata: FileMetaData,
  rowStart: number,
  rowEnd: number,
): Promise<Record<string, unknown>[]> {
  let rows: Record<string, unknown>[] = [];
  try {
    await parquetRead({
      file: buffer,
      metadata,
      rowStart,
      rowEnd,
      rowFormat: "object",
      parsers: LOSSLESS_PARQUET_PARSERS,
      // Snappy is built in; gzip, zstd (polars' default), brotli and lz4 come from here.
      compressors,
      onComplete: (complete) => {
        rows = complete;
      },
    });
  } catch (error) {
    throw toParquetReadError(path, rowStart, error);
  }
  return rows;
}

function toParquetReadError(path: string, rowStart: number, error: unknown): TwinrunError {
  if (error instanceof TwinrunError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const codec = /unsupported compression codec: (\w+)/.exec(reason)?.[1];
  const fix =
    codec !== undefined
      ? `the file is compressed with ${codec}, which twinrun cannot read; write it with SNAPPY, ZSTD, GZIP, BROTLI or LZ4 compression, or none`
      : "the file may be truncated or corrupt; write it again";
  return new TwinrunError(
    "INPUT_INVALID",
    `${path}: cannot read the Parquet row group starting at row ${rowStart + 1} (${reason}); ${fix}`,
    { cause: error },
  );
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: DEFAULT_CHUNK_BYTES })) {
      hash.update(asBytes(chunk as Buffer));
    }
  } catch (error) {
    throw toInputFileError(path, error);
  }
  return hash.digest("hex");
}
