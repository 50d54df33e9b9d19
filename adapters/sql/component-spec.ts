// The command-line spelling of a SQL component: `sql:<file.sql>`, e.g. `--old sql:models/old.sql`.
import { TwinrunError } from "../../src/errors.ts";

/** The prefix that marks a component spec as a SQL file rather than a command. */
export const SQL_SPEC_PREFIX = "sql:";

/** Why: `--old`/`--new` take a command or another kind's spec; this tells `sql:` apart. */
export function isSqlSpec(text: string): boolean {
  return text.trim().startsWith(SQL_SPEC_PREFIX);
}

/** Why: parses `sql:<file>`; throws a USAGE error naming the flag when the file is missing. */
export function parseSqlSpec(text: string, flag: string): { file: string } {
  const file = text.trim().slice(SQL_SPEC_PREFIX.length).trim();
  if (file === "") {
    throw new TwinrunError(
      "USAGE",
      `${flag}: expected sql:<file.sql> (e.g. sql:models/features.sql), got ${JSON.stringify(text)} (the file is missing)`,
    );
  }
  return { file };
}
