// Dataset mode's input: the run's sample written to one file the components read. In the source's
// own format the source's bytes are kept; converting (--dataset-format) keeps every value exact.

import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { toOneLine } from "../../adapters/shared/line-reader.ts";
import { TwinrunError } from "../errors.ts";
import { toInputFileError } from "../inputs/assert-readable-file.ts";
import { toCsvSyntaxError } from "../inputs/csv-parsing.ts";
import { DEFAULT_CHUNK_BYTES } from "../inputs/record-sink.ts";
import type { InputFormat, InputRecord } from "../inputs/types.ts";
import { createCsvByteCopy } from "./sample-csv-copy.ts";
import { toCsvSampleRows } from "./sample-csv-rows.ts";

/** What to write where. Formats are sample formats: Parquet is read as output, never written. */
export interface WriteSampleRequest {
  /** The input source the records were sampled from. */
  sourcePath: string;
  sourceFormat: InputFormat;
  /** The sample's records in ascending index order (as the sampler returns them). */
  records: readonly InputRecord[];
  targetPath: string;
  targetFormat: InputFormat;
  /** How the sampler typed CSV cells. The record texts already carry it; nothing here re-types cells. */
  csvStrings?: boolean;
  /** The source's sha256 from the sample identity; when given, a CSV copy checks the file is unchanged. */
  sourceSha256?: string;
  /** Read-stream chunk size for the CSV copy (tests force tiny chunks). */
  chunkBytes?: number;
}

/** Text pieces are joined up to this size before they are written. */
const WRITE_BATCH_CHARS = 64 * 1024;

/**
 * Why: both components must read byte-identical input. Same format as the source: JSONL lines as
 * they were, a JSON array of the records, or (CSV) the header and chosen rows copied byte for byte
 * from a second pass over the source. Another format: JSONL/JSON from the record texts, CSV through
 * csv-stringify with exact number tokens (see sample-csv-rows.ts). Written through a stream with
 * backpressure; on failure the partial file is removed and the error names the file.
 */
export async function writeSampleFile(request: WriteSampleRequest): Promise<void> {
  const { targetPath, targetFormat } = request;
  if ((targetFormat as string) === "parquet") {
    throw new TwinrunError(
      "USAGE",
      `${targetPath}: a sample cannot be written as Parquet (it is read as an output format only); ` +
        `pass --dataset-format csv, jsonl or json`,
    );
  }
  try {
    if (targetFormat === "csv" && request.sourceFormat === "csv") await copyCsvRecords(request);
    else if (targetFormat === "csv") await writeCsvRows(request);
    else await writeText(targetPath, textPieces(request.records, targetFormat));
  } catch (error) {
    await rm(targetPath, { force: true });
    throw toSampleWriteError(request, error);
  }
}

function* textPieces(records: readonly InputRecord[], format: "jsonl" | "json"): Generator<string> {
  if (format === "jsonl") {
    // A JSON-array element may span lines; JSON never needs a raw line break, so fold them.
    for (const record of records) yield `${toOneLine(record.text)}\n`;
    return;
  }
  yield "[";
  for (let i = 0; i < records.length; i += 1) yield i === 0 ? records[i].text : `,\n${records[i].text}`;
  yield "]\n";
}

async function writeText(targetPath: string, pieces: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(batched(pieces)), createWriteStream(targetPath));
}

function* batched(pieces: Iterable<string>): Generator<string> {
  let batch = "";
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= WRITE_BATCH_CHARS) {
      yield batch;
      batch = "";
    }
  }
  if (batch !== "") yield batch;
}

async function writeCsvRows(request: WriteSampleRequest): Promise<void> {
  const { columns, rows } = toCsvSampleRows(request.sourcePath, request.records);
  if (columns.length === 0) {
    if (request.records.length > 0) {
      throw new TwinrunError(
        "INPUT_INVALID",
        `${request.sourcePath}: expected records with at least one key to write as CSV columns, ` +
          `but every sampled record is {}; write the sample as jsonl or json instead (--dataset-format)`,
      );
    }
    await writeText(request.targetPath, []);
    return;
  }
  await pipeline(
    Readable.from(rows()),
    stringify({ header: true, columns, record_delimiter: "unix" }),
    createWriteStream(request.targetPath),
  );
}

async function copyCsvRecords(request: WriteSampleRequest): Promise<void> {
  const copy = createCsvByteCopy(request.sourcePath, request.records, request.sourceSha256);
  const observe = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      copy.observe(chunk);
      callback(null, chunk);
    },
  });
  await pipeline(
    createReadStream(request.sourcePath, { highWaterMark: request.chunkBytes ?? DEFAULT_CHUNK_BYTES }),
    observe,
    copy.parser,
    copy.select,
    createWriteStream(request.targetPath),
  );
}

function toSampleWriteError(request: WriteSampleRequest, error: unknown): TwinrunError {
  if (error instanceof TwinrunError) return error;
  const failedPath = (error as NodeJS.ErrnoException).path;
  if (failedPath === request.sourcePath) return toInputFileError(request.sourcePath, error);
  const csvCode = (error as { code?: unknown }).code;
  if (typeof csvCode === "string" && (csvCode.startsWith("CSV_") || csvCode.startsWith("INVALID_"))) {
    return toCsvSyntaxError(request.sourcePath, (error as { lines?: number }).lines ?? 1, error);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new TwinrunError(
    "USAGE",
    `${request.targetPath}: cannot write the sample file (${reason}); ` +
      `expected a writable folder with free space for it`,
    { cause: error },
  );
}
