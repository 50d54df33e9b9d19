// JSON array (`.json`): the file holds one array; each element is one record. The file is loaded
// whole (see json-array-file.ts); JSONL is the streaming format and the one for large inputs.
import { parseLossless } from "../json/parse.ts";
import { stringifyLossless } from "../json/stringify.ts";
import { readJsonArrayElements } from "./json-array-file.ts";
import { snippet } from "./json-text.ts";
import type { RecordSink } from "./record-sink.ts";

/**
 * Why: each element is serialised once, deterministically (compact, keys in their original order),
 * through the lossless parser so ints beyond 2^53 and `1.0` keep their exact text. A malformed
 * element is a malformed record; a broken array (unclosed bracket or string) fails as a whole.
 * Resolves with the file's sha256.
 */
export function readJsonArrayRecords(path: string, sink: RecordSink): Promise<string> {
  return readJsonArrayElements(path, (elementText, line) => {
    if (elementText === "") {
      sink.reject(line, "an empty array element (two commas in a row, or a comma before the closing ])");
      return;
    }
    let recordText: string;
    try {
      recordText = stringifyLossless(parseLossless(elementText));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      sink.reject(
        line,
        `the array element is not one JSON value (${reason}); it starts: ${snippet(elementText)}`,
      );
      return;
    }
    sink.accept(line, recordText);
  });
}
