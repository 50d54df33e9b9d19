// Loads a JSON array file (`.json`) and splits it into its top-level elements' texts.
// Limitation: the document is loaded whole (about three times its size in memory, briefly), since
// a JSON array has no record boundaries a line splitter could use. JSONL is the streaming format
// and the one to use for large files.
import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { TwinrunError } from "../errors.ts";
import { toInputFileError } from "./assert-readable-file.ts";
import { asBytes } from "./bytes.ts";
import { ArrayStructureError, scanJsonArray } from "./json-array-scan.ts";

const BYTE_ORDER_MARK = "\uFEFF";

/**
 * Why: input sources and tables read a JSON array alike; only what an element becomes differs.
 * `onElement` gets each element's source text ("" for an empty element, as in `[1,,2]`) and the
 * line it starts on, and may throw to fail the read with its own error. An unreadable file, bytes
 * that are not UTF-8 and a broken array (unclosed bracket or string) fail as a whole. Resolves
 * with the file's sha256.
 */
export async function readJsonArrayElements(
  path: string,
  onElement: (elementText: string, line: number) => void,
): Promise<string> {
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
      `${path}: expected UTF-8 JSON text, found bytes that are not UTF-8 (save the file as UTF-8)`,
    );
  }
  let text = bytes.toString("utf8");
  if (text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1);

  try {
    scanJsonArray(text, ({ start, end, line }) => onElement(text.slice(start, end), line));
  } catch (error) {
    if (error instanceof ArrayStructureError) {
      throw new TwinrunError("INPUT_INVALID", `${path}:${error.line}: ${error.message}`);
    }
    throw error;
  }
  return sha256;
}
