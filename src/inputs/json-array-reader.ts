// JSON array (`.json`): the file holds one array; each element is one record.
// Limitation: the document is loaded whole (about three times its size in memory, briefly), since
// a JSON array has no record boundaries a line splitter could use. JSONL is the streaming format
// and the one to use for large inputs.
import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { TwinrunError } from "../errors.ts";
import { parseLossless } from "../json/parse.ts";
import { stringifyLossless } from "../json/stringify.ts";
import { toInputFileError } from "./assert-readable-file.ts";
import { asBytes } from "./bytes.ts";
import { ArrayStructureError, scanJsonArray } from "./json-array-scan.ts";
import { snippet } from "./json-text.ts";
import type { RecordSink } from "./record-sink.ts";

const BYTE_ORDER_MARK = "\uFEFF";

/**
 * Why: each element is serialised once, deterministically (compact, keys in their original order),
 * through the lossless parser so ints beyond 2^53 and `1.0` keep their exact text. A malformed
 * element is a malformed record; a broken array (unclosed bracket or string) fails as a whole.
 * Resolves with the file's sha256.
 */
export async function readJsonArrayRecords(path: string, sink: RecordSink): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw toInputFileError(path, error);
  }
  const sha256 = createHash("sha256").update(asBytes(bytes)).digest("hex");
  if (!isUtf8(asBytes(bytes))) {
    throw new TwinrunError(
      "INPUT_INVALID",
      `${path}: expected UTF-8 JSON text, found bytes that are not UTF-8`,
    );
  }
  let text = bytes.toString("utf8");
  if (text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1);

  try {
    scanJsonArray(text, ({ start, end, line }) => {
      if (start === end) {
        sink.reject(line, "an empty array element (two commas in a row, or a comma before the closing ])");
        return;
      }
      const elementText = text.slice(start, end);
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
  } catch (error) {
    if (error instanceof ArrayStructureError) {
      throw new TwinrunError("INPUT_INVALID", `${path}:${error.line}: ${error.message}`);
    }
    throw error;
  }
  return sha256;
}
