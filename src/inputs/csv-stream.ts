// One streamed pass over a CSV file: read in chunks, hashed in the same pass, split by the shared
// parser, and each record that is not a blank line handed on with the line it starts on.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { toInputFileError } from "./assert-readable-file.ts";
import { asBytes } from "./bytes.ts";
import { countCsvLines, createCsvParser, isBlankCsvRow, toCsvSyntaxError } from "./csv-parsing.ts";
import { DEFAULT_CHUNK_BYTES, type ReadOptions } from "./record-sink.ts";

/** How a CSV pass reads and words its errors. */
export interface StreamCsvOptions extends ReadOptions {
  /** The caller skips malformed rows (an input source can), so broken quoting says why it cannot. */
  skipsBadRows?: boolean;
}

/**
 * Why: input sources and tables read CSV alike; only what a row becomes differs. `onRow` gets the
 * header row too (the first one) and may throw to fail the read with its own error. An unreadable
 * file fails through toInputFileError, broken quoting through toCsvSyntaxError with the line it
 * starts on. Resolves with the file's sha256.
 */
export function streamCsvRows(
  path: string,
  options: StreamCsvOptions,
  onRow: (cells: string[], line: number) => void,
): Promise<string> {
  const hash = createHash("sha256");
  const file = createReadStream(path, { highWaterMark: options.chunkBytes ?? DEFAULT_CHUNK_BYTES });
  const parser = createCsvParser();
  let nextLine = 1;

  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      file.destroy();
      parser.destroy();
      reject(error);
    };
    file.on("data", (chunk) => hash.update(asBytes(chunk as Buffer)));
    file.on("error", (error) => fail(toInputFileError(path, error)));
    parser.on("data", (cells: string[]) => {
      if (settled) return;
      const line = nextLine;
      nextLine += countCsvLines(cells);
      if (isBlankCsvRow(cells)) return;
      try {
        onRow(cells, line);
      } catch (error) {
        fail(error);
      }
    });
    parser.on("error", (error) => fail(toCsvSyntaxError(path, nextLine, error, options.skipsBadRows)));
    parser.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(hash.digest("hex"));
    });
    file.pipe(parser);
  });
}
