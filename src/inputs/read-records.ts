// Dispatch from an input format to its reader.
import { readCsvRecords } from "./csv-reader.ts";
import { readJsonArrayRecords } from "./json-array-reader.ts";
import { readJsonlRecords } from "./jsonl-reader.ts";
import type { ReadOptions, RecordSink } from "./record-sink.ts";
import type { InputFormat } from "./types.ts";

/** What a reader needs besides the sink. */
export interface ReadRecordsOptions extends ReadOptions {
  csvStrings: boolean;
}

/** Why: streams every record of the source into the sink and resolves with the file's sha256. */
export function readRecords(
  path: string,
  format: InputFormat,
  sink: RecordSink,
  options: ReadRecordsOptions,
): Promise<string> {
  switch (format) {
    case "jsonl":
      return readJsonlRecords(path, sink, options);
    case "csv":
      return readCsvRecords(path, options.csvStrings, sink, options);
    case "json":
      return readJsonArrayRecords(path, sink);
  }
}
