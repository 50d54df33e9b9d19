// Which reader an input source needs: from request.format, or else from the file extension.
import { extname } from "node:path";
import { TwinrunError } from "../errors.ts";
import type { InputFormat } from "./types.ts";

const FORMAT_BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".json": "json",
  ".csv": "csv",
};

/** Why: the accepted extensions are named in errors and help texts from one list. */
export const ACCEPTED_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION);

/** Why: an explicit format wins; otherwise the extension decides, and an unknown one is the user's to fix. */
export function detectFormat(path: string, format?: InputFormat): InputFormat {
  if (format !== undefined) return format;
  const extension = extname(path).toLowerCase();
  const detected = FORMAT_BY_EXTENSION[extension];
  if (detected !== undefined) return detected;
  const got = extension === "" ? "no extension" : `"${extension}"`;
  throw new TwinrunError(
    "INPUT_INVALID",
    `${path}: cannot tell the input format from ${got}; expected one of ${ACCEPTED_EXTENSIONS.join(", ")} ` +
      `(or pass --format jsonl, json or csv)`,
  );
}
