// A CSV table's header row, read by the project's CSV parser (BOM, quoting, blank lines as the
// input sources read them), so the engine is told the column names exactly as written.
import { createReadStream } from "node:fs";
import { toInputFileError } from "../../inputs/assert-readable-file.ts";
import {
  assertUniqueCsvHeader,
  countCsvLines,
  createCsvParser,
  isBlankCsvRow,
  toCsvSyntaxError,
} from "../../inputs/csv-parsing.ts";

/** The header's names and the line after it (where the first row starts, at the earliest). */
export interface CsvHeader {
  names: string[];
  /** 1-based line of the header. */
  line: number;
}

/** Why: the engine is given the columns by position; their names come from here, unchanged (even ""). */
export function readCsvHeader(path: string): Promise<CsvHeader> {
  const file = createReadStream(path, { highWaterMark: 64 * 1024 });
  const parser = createCsvParser();
  let nextLine = 1;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      file.destroy();
      parser.destroy();
      action();
    };
    parser.on("data", (cells: string[]) => {
      const line = nextLine;
      nextLine += countCsvLines(cells);
      if (settled || isBlankCsvRow(cells)) return;
      finish(() => {
        try {
          assertUniqueCsvHeader(path, line, cells, "column");
          resolve({ names: cells, line });
        } catch (error) {
          reject(error);
        }
      });
    });
    parser.on("error", (error) => finish(() => reject(toCsvSyntaxError(path, nextLine, error))));
    // An empty file is a table without columns or rows.
    parser.on("end", () => finish(() => resolve({ names: [], line: nextLine })));
    file.on("error", (error) => finish(() => reject(toInputFileError(path, error))));
    file.pipe(parser);
  });
}
