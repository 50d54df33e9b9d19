// Copies chosen records of a CSV source byte for byte: the header and the selected rows exactly as
// the file holds them (quoting, `1.50`, `007`, line endings, a byte order mark), nothing re-encoded.
import { createHash } from "node:crypto";
import type { Transform } from "node:stream";
import { TwinrunError } from "../errors.ts";
import { asBytes, concatBytes } from "../inputs/bytes.ts";
import { countCsvLines, createCsvParser, isBlankCsvRow } from "../inputs/csv-parsing.ts";
import type { InputRecord } from "../inputs/types.ts";

interface ParsedRecord {
  record: string[];
  info: { bytes: number };
}

/** Where the bytes of a source come from, fed to the copy as they are read. */
export interface CsvByteCopy {
  /** Sees each source chunk before the parser does (it keeps the bytes the next rows are cut from). */
  observe(chunk: Buffer): void;
  parser: Transform;
  /** Turns parsed records into the bytes to write. */
  select(parsed: AsyncIterable<ParsedRecord>): AsyncGenerator<Buffer>;
}

/**
 * Why: records are chosen by index (0-based over the source's valid rows, as the sampler counts
 * them) and cut from the source by csv-parse's byte offsets. Each chosen record's line is checked
 * against the sample, and every chosen record must be found, so a source edited since it was
 * sampled fails instead of feeding other rows to the components.
 */
export function createCsvByteCopy(
  sourcePath: string,
  records: readonly InputRecord[],
  sourceSha256?: string,
): CsvByteCopy {
  const lineByIndex = new Map<number, number>();
  for (const record of records) lineByIndex.set(record.index, record.line);
  const hash = createHash("sha256");
  const window: { start: number; bytes: Buffer }[] = [];
  let fedBytes = 0;

  const cut = (from: number, to: number): Buffer => {
    const pieces: Buffer[] = [];
    for (const { start, bytes } of window) {
      const end = start + bytes.length;
      if (end <= from || start >= to) continue;
      pieces.push(bytes.subarray(Math.max(0, from - start), Math.min(bytes.length, to - start)));
    }
    return pieces.length === 1 ? pieces[0] : concatBytes(pieces);
  };
  const forget = (to: number): void => {
    while (window.length > 0 && window[0].start + window[0].bytes.length <= to) window.shift();
  };

  return {
    observe(chunk) {
      hash.update(asBytes(chunk));
      window.push({ start: fedBytes, bytes: chunk });
      fedBytes += chunk.length;
    },
    parser: createCsvParser(true),
    async *select(parsed) {
      let width: number | undefined;
      let index = 0;
      let line = 1;
      let recordStart = 0;
      let found = 0;
      const isChosen = (record: string[], recordLine: number): boolean => {
        // Rows of the wrong width are no records (the sampler skipped or refused them).
        if (record.length !== width) return false;
        const expectedLine = lineByIndex.get(index);
        index += 1;
        if (expectedLine === undefined) return false;
        if (expectedLine !== recordLine) {
          throw changedSourceError(
            sourcePath,
            `record ${index - 1} now starts on line ${recordLine}, not ${expectedLine}`,
          );
        }
        found += 1;
        return true;
      };
      for await (const { record, info } of parsed) {
        const start = recordStart;
        recordStart = info.bytes;
        const recordLine = line;
        line += countCsvLines(record);
        const keep = isBlankCsvRow(record)
          ? false
          : width === undefined
            ? true
            : isChosen(record, recordLine);
        if (width === undefined && keep) width = record.length;
        const bytes = keep ? cut(start, recordStart) : undefined;
        forget(recordStart);
        if (bytes !== undefined) yield bytes;
      }
      if (found < lineByIndex.size)
        throw changedSourceError(sourcePath, `it now holds ${index} records, fewer than the sample needs`);
      if (sourceSha256 !== undefined && hash.digest("hex") !== sourceSha256) {
        throw changedSourceError(sourcePath, "its sha256 differs from the sampled file's");
      }
    },
  };
}

function changedSourceError(sourcePath: string, what: string): TwinrunError {
  return new TwinrunError(
    "INPUT_INVALID",
    `${sourcePath}: expected the input file to be unchanged since it was sampled, but ${what}; ` +
      `do not edit the input while twinrun runs, then run again`,
  );
}
