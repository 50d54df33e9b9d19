// Loading a table or a query's rows from a DuckDB database file into the engine, with the same
// cells as a Parquet file: the database declares its column types, kept as typed-cells.ts says.
// The file is attached read-only for the copy and detached after, so both sides may name one file.
import { TwinrunError } from "../../errors.ts";
import { assertReadableFile } from "../../inputs/assert-readable-file.ts";
import { type DuckdbReference, describeDuckdbReference } from "../table-reference.ts";
import { scanFileFacts } from "./file-facts.ts";
import { cellColumn, type LoadedTable, quoteIdentifier, storedCellSql } from "./load-table.ts";
import { declaredColumnType } from "./parquet-types.ts";
import { firstLine, sqlString, type TableEngine } from "./table-engine.ts";
import { keepsTyped } from "./typed-cells.ts";

/** Why: a database table becomes the same loaded table as a file, so every later step is shared. */
export async function loadDuckdbTable(
  engine: TableEngine,
  side: "old" | "new",
  reference: DuckdbReference,
): Promise<LoadedTable> {
  const name = describeDuckdbReference(reference);
  await assertReadableFile(reference.path);
  const facts = await scanFileFacts(reference.path);
  const table = `${side}_rows`;
  const database = `${side}_database`;
  const [[home]] = await engine.rows("SELECT current_database()");
  try {
    await engine.run(`ATTACH ${sqlString(reference.path)} AS ${database} (READ_ONLY, TYPE DUCKDB)`);
  } catch (error) {
    throw new TwinrunError(
      "INPUT_INVALID",
      `${side} ${name}: expected a DuckDB database file, but it could not be opened as one (${cleanMessage(error)})`,
      { cause: error },
    );
  }
  try {
    // The query runs with the attached database as its default, so it names tables as in it.
    await engine.run(`USE ${database}`);
    const source = await describeSource(engine, side, name, reference);
    const columns = source.map((row) => String(row[0]));
    const types = source.map((row) => String(row[1]));
    const cells = columns.map(
      (column, i) => `${storedCellSql(quoteIdentifier(column), types[i])} AS ${cellColumn(i)}`,
    );
    const target = `${quoteIdentifier(String(home))}.main.${table}`;
    await engine.run(
      `CREATE TABLE ${target} AS SELECT ${cells.length === 0 ? "NULL AS c" : cells.join(", ")} FROM (${selectSql(reference)})`,
    );
    await engine.run(`USE ${quoteIdentifier(String(home))}`);
    const [[count]] = await engine.rows(`SELECT count(*) FROM ${table}`);
    return {
      side,
      table,
      path: reference.path,
      name,
      format: "duckdb",
      columns,
      rows: Number(count),
      encoding: "typed",
      absentCells: false,
      declared: types.map(declaredColumnType),
      cellTypes: types.map((type) => (keepsTyped(type) ? type : null)),
      facts,
      firstLine: 1,
    };
  } finally {
    await engine.run(`USE ${quoteIdentifier(String(home))}`);
    await engine.run(`DETACH ${database}`);
  }
}

function selectSql(reference: DuckdbReference): string {
  const { selection } = reference;
  if ("query" in selection) return selection.query;
  const parts = selection.table.split(".").map(quoteIdentifier);
  return `SELECT * FROM ${parts.join(".")}`;
}

/** The source's columns and their types; a missing table or a bad query is the user's to fix. */
async function describeSource(
  engine: TableEngine,
  side: "old" | "new",
  name: string,
  reference: DuckdbReference,
) {
  try {
    return await engine.rows(`DESCRIBE SELECT * FROM (${selectSql(reference)})`);
  } catch (error) {
    const { selection } = reference;
    if ("table" in selection) {
      const tables = await engine.rows(
        "SELECT DISTINCT table_schema, table_name FROM information_schema.tables WHERE table_catalog = current_database() ORDER BY 1, 2",
      );
      const names = tables.map(([schema, table]) =>
        schema === "main" ? String(table) : `${schema}.${table}`,
      );
      throw new TwinrunError(
        "INPUT_INVALID",
        `${side} ${name}: no table "${selection.table}" in the database ` +
          `(${names.length === 0 ? "it holds no tables" : `tables: ${names.join(", ")}`})`,
        { cause: error },
      );
    }
    throw new TwinrunError("INPUT_INVALID", `${side} ${name}: the query failed: ${cleanMessage(error)}`, {
      cause: error,
    });
  }
}

function cleanMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return firstLine(message).replace(/^[A-Za-z ]+Error: /, "");
}
