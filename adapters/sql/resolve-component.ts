// Resolving a SQL component's section into the fully populated ResolvedSqlComponent: its file
// made absolute and its database, the section's own or the run's (`--database` / `database`).
import path from "node:path";
import { stringifyEnv } from "../../src/config/shared-env.ts";
import { TwinrunError } from "../../src/errors.ts";
import type { ResolveContext } from "../kind.ts";
import type { Side } from "../types.ts";
import { parseDatabase, redactDatabase } from "./database.ts";
import type { SqlSection } from "./schema.ts";
import type { ResolvedSqlComponent } from "./types.ts";

/** Why: a SQL file needs a database to run in; without one the run says which flag or key to give. */
export function resolveSqlComponent(
  side: Side,
  section: SqlSection,
  context: ResolveContext,
): ResolvedSqlComponent {
  const { file } = section as Partial<SqlSection>;
  if (file === undefined) {
    throw new TwinrunError(
      "USAGE",
      `the ${side} component is a SQL query but its file is missing: give --${side} sql:<file.sql> or ${side}.file in ${context.configName}`,
    );
  }
  const given = section.database ?? context.database;
  if (given === undefined) {
    throw new TwinrunError(
      "USAGE",
      `the ${side} component sql:${path.relative(context.cwd, file) || file} runs in a database, but none is given: add --database <postgresql://… or duckdb:file> (or database: in ${context.configName})`,
    );
  }
  const where = section.database === undefined ? "database (--database)" : `${side}.database`;
  const database = parseDatabase(given, where, context.baseDir);
  return {
    adapter: "sql",
    file: path.resolve(context.baseDir, file),
    database,
    cwd: section.cwd ?? context.baseDir,
    env: stringifyEnv(section.env),
    label: section.label ?? side,
    ...(section.setup !== undefined && { setup: section.setup }),
  };
}

/** Why: a report keeps the section for --replay, its database without a password. */
export function settingsOfSqlComponent(component: ResolvedSqlComponent): SqlSection {
  return {
    adapter: "sql",
    file: component.file,
    database: redactDatabase(component.database),
    cwd: component.cwd,
    ...(Object.keys(component.env).length > 0 && { env: { ...component.env } }),
    label: component.label,
    ...(component.setup !== undefined && { setup: component.setup }),
  };
}

/** Why: reports say which file ran where, e.g. `sql:models/new.sql in postgresql://me@db/warehouse`. */
export function describeSqlComponent(component: ResolvedSqlComponent): string {
  const file = path.relative(component.cwd, component.file) || component.file;
  return `sql:${file} in ${redactDatabase(component.database)}`;
}
