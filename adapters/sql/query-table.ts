// A SQL component's output table: its file read when the run starts (with --base, the ref's copy
// in the worktree), checked in its database, and handed on as a `?query=` reference, so the
// comparison is the one every database table gets.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { TwinrunError } from "../../src/errors.ts";
import type { TableReference } from "../../src/table/table-reference.ts";
import type { Side } from "../types.ts";
import { checkPostgresQuery } from "./check-query.ts";
import { queryReference } from "./database.ts";
import type { ResolvedSqlComponent } from "./types.ts";

/** Why: a missing or empty SQL file is the user's to fix (exit 2), named before the database is asked. */
export async function sqlTableReference(
  side: Side,
  component: ResolvedSqlComponent,
): Promise<TableReference> {
  const shownFile = path.relative(component.cwd, component.file) || component.file;
  let query: string;
  try {
    query = await readFile(component.file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? `no such SQL file (${component.file})`
        : code === "EISDIR"
          ? "a folder, not a SQL file"
          : `the SQL file cannot be read (${code ?? String(error)})`;
    throw new TwinrunError("USAGE", `${side} sql:${shownFile}: ${why}`);
  }
  if (query.replace(/[\s;]+/g, "") === "") {
    throw new TwinrunError(
      "USAGE",
      `${side} sql:${shownFile}: the SQL file holds no query; write one SELECT whose rows are the ${side} output table`,
    );
  }
  const reference = queryReference(component.database, query, shownFile);
  if (reference.kind === "postgres") await checkPostgresQuery(side, shownFile, reference);
  return reference;
}
