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
  return format ?? formatFromExtension(path, FORMAT_BY_EXTENSION, "input format", "jsonl, json or csv");
}

/**
 * Why: input sources and tables (which add Parquet) tell formats from extensions alike. The error
 * lists `formatByExtension`'s extensions in its order; `what` names the kind of format and
 * `formats` the --format values to pass instead.
 */
export function formatFromExtension<Format extends string>(
  path: string,
  formatByExtension: Readonly<Record<string, Format>>,
  what: string,
  formats: string,
): Format {
  const extension = extname(path).toLowerCase();
  if (Object.hasOwn(formatByExtension, extension)) return formatByExtension[extension];
  const got = extension === "" ? "no extension" : `"${extension}"`;
  throw new TwinrunError(
    "INPUT_INVALID",
    `${path}: cannot tell the ${what} from ${got}; expected one of ` +
      `${Object.keys(formatByExtension).join(", ")} (or pass --format ${formats})`,
  );
}
