// The sql kind: a query in a file, run in a database (`--database`); its result is the side's
// output table. Both sides' results are compared where they live: inside Postgres when both are
// in one database (pushdown), else streamed into the embedded engine. No input source is read.
import path from "node:path";
import { defineAdapterKind } from "../kind.ts";
import { isSqlSpec, parseSqlSpec, SQL_SPEC_PREFIX } from "./component-spec.ts";
import { sqlTableReference } from "./query-table.ts";
import { describeSqlComponent, resolveSqlComponent, settingsOfSqlComponent } from "./resolve-component.ts";
import { type SqlSection, sqlComponentSchema } from "./schema.ts";
import type { ResolvedSqlComponent } from "./types.ts";

/** Why: one definition says everything twinrun knows about SQL components. */
export const sqlKind = defineAdapterKind<"sql", SqlSection, ResolvedSqlComponent>({
  name: "sql",
  summary: "a SQL query in a file, run in a database (--database); its result is the output table",
  spec: {
    grammar: `${SQL_SPEC_PREFIX}<file.sql> (e.g. sql:models/features.sql, with --database <url>)`,
    matches: isSqlSpec,
    parse(text, flag, cwd) {
      return { adapter: "sql", file: path.resolve(cwd, parseSqlSpec(text, flag).file) };
    },
  },
  schema: sqlComponentSchema,
  resolvePaths(section, baseDir) {
    const resolved = { ...section };
    if (section.file !== undefined) resolved.file = path.resolve(baseDir, section.file);
    if (section.database?.startsWith("duckdb:"))
      resolved.database = `duckdb:${path.resolve(baseDir, section.database.slice("duckdb:".length))}`;
    return resolved;
  },
  resolve: resolveSqlComponent,
  settingsOf: settingsOfSqlComponent,
  describe: describeSqlComponent,
  // The database is where the query runs, not code of the ref.
  rebase: { keep: ["database"] },
  shapeOf: () => "query",
  tableReferenceOf: sqlTableReference,
});
