// Checking and reading one record's JSON text. JSON.parse is the fast path; the lossless parser
// is the fallback, because pipelines written in Python emit `NaN` / `Infinity` tokens and those
// are valid inputs here (JSON.parse rejects them).
import { parseLossless } from "../json/parse.ts";

const SNIPPET_CHARS = 60;

/** Why: validates a record without re-serialising it; returns what is wrong, or undefined when valid. */
export function findJsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (fastError) {
    try {
      parseLossless(text);
      return undefined;
    } catch (losslessError) {
      const reason = describeError(losslessError) ?? describeError(fastError) ?? "invalid JSON";
      return `not one JSON value (${reason}); it starts: ${snippet(text)}`;
    }
  }
}

/** Why: the stratified strategy needs a field's value; plain JSON.parse first, lossless when it fails. */
export function parseJsonRecord(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return parseLossless(text);
  }
}

/** Why: error messages quote the start of the offending record so the user can find it. */
export function snippet(text: string): string {
  const trimmed = text.trim();
  const cut = trimmed.length > SNIPPET_CHARS ? `${trimmed.slice(0, SNIPPET_CHARS)}…` : trimmed;
  return JSON.stringify(cut);
}

function describeError(error: unknown): string | undefined {
  if (error instanceof Error && error.message.trim() !== "") return error.message.trim();
  return undefined;
}
