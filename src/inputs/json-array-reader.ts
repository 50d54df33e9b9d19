// JSON array (`.json`): the file holds one array; each element is one record. The file is loaded
// whole (see json-array-file.ts); JSONL is the streaming format and the one for large inputs.
import { parseLossless } from "../json/parse.ts";
import { readJsonArrayElements } from "./json-array-file.ts";
import { snippet } from "./json-text.ts";
import type { RecordSink } from "./record-sink.ts";

/**
 * Why: components receive each element's own text (trimmed), never a re-serialisation: `1e400`,
 * a 30-digit integer or `1.0` reach them as written. Each element is checked to be one JSON value
 * (lossless parser: NaN/Infinity tokens allowed); a malformed element is a malformed record, a
 * broken array (unclosed bracket or string) fails as a whole. Resolves with the file's sha256.
 */
export function readJsonArrayRecords(path: string, sink: RecordSink): Promise<string> {
  return readJsonArrayElements(path, (elementText, line) => {
    if (elementText === "") {
      sink.reject(line, "an empty array element (two commas in a row, or a comma before the closing ])");
      return;
    }
    try {
      parseLossless(elementText);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      sink.reject(
        line,
        `the array element is not one JSON value (${reason}); it starts: ${snippet(elementText)}`,
      );
      return;
    }
    sink.accept(line, elementText.trim());
  });
}
