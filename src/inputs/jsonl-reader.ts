// JSONL (`.jsonl`, `.ndjson`): one record per non-blank line, passed on exactly as written.
import { parseLossless } from "../json/parse.ts";
import { findJsonProblem } from "./json-text.ts";
import { readLines } from "./read-lines.ts";
import type { ReadOptions, RecordSink } from "./record-sink.ts";

/**
 * Why: the streaming format. Each non-blank line is a record whose text is the line byte for byte
 * (never parsed and re-stringified: that would round ints beyond 2^53 and turn `3.0` into `3`).
 * Resolves with the file's sha256, computed in the same pass.
 */
export function readJsonlRecords(path: string, sink: RecordSink, options: ReadOptions = {}): Promise<string> {
  const parseRecords = options.parseRecords === true;
  return readLines(
    path,
    (text, line, validUtf8) => {
      if (isBlank(text)) return;
      if (!validUtf8) {
        sink.reject(line, "the line is not valid UTF-8 text");
        return;
      }
      if (parseRecords) {
        let value: unknown;
        let native = true;
        try {
          value = JSON.parse(text);
        } catch {
          try {
            value = parseLossless(text);
            native = false;
          } catch {
            sink.reject(line, findJsonProblem(text) ?? "invalid JSON");
            return;
          }
        }
        sink.accept(line, text, value, native);
        return;
      }
      const problem = findJsonProblem(text);
      if (problem === undefined) sink.accept(line, text);
      else sink.reject(line, problem);
    },
    options,
  );
}

function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  // `{`, `[` and `"` start almost every record: skip the trim for them.
  if (first === 0x7b || first === 0x5b || first === 0x22) return false;
  return text.trim() === "";
}
