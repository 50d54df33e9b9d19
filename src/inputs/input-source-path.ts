// Where an input source is: a file, resolved against a folder like every path, or a database
// reference (a Postgres URL), taken as given.
import path from "node:path";
import { isPostgresReference } from "../table/postgres/postgres-reference.ts";

/** Why: `--input` and `input.path` accept a file or a Postgres reference alike. */
export function resolveInputSource(folder: string, source: string): string {
  return isPostgresReference(source) ? source : path.resolve(folder, source);
}
