// Where a table comparison ran, in one sentence for every reporter: inside the database (pushdown)
// or in the embedded engine with rows streamed from a database.
import type { TableEngineUse } from "../table/types.ts";

/** Why: the terminal, Markdown and HTML reports say which engine ran in the same words. */
export function describeTableEngine(engine: TableEngineUse | undefined): string | undefined {
  if (engine === undefined) return undefined;
  if (engine.kind === "pushdown") {
    const seconds = (engine.databaseMs / 1000).toFixed(engine.databaseMs < 10_000 ? 2 : 1);
    return `compared inside the database (pushdown) at ${engine.database}; database time ${seconds} s`;
  }
  const sides = engine.streamed.length === 2 ? "old and new" : engine.streamed.join(" and ");
  const streamed = `compared in the embedded engine; ${sides} streamed from Postgres`;
  return engine.declined === undefined ? streamed : `${streamed}, not pushed down: ${engine.declined}`;
}
