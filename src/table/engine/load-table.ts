// Loading one table file into the engine as a table of cells, one column `c<i>` per column, rows
// in file order (so a row's `rowid` is its position in the file, from 0). A CSV or JSON cell is
// text: a CSV cell as written (never typed by the engine), a JSON value's JSON text. A Parquet
// column keeps its declared type where typed-cells.ts says so, else its value written as JSON.
// So equal cells are equal values, and every typing rule stays ours.
import { TwinrunError } from "../../errors.ts";
import { assertReadableFile } from "../../inputs/assert-readable-file.ts";
import type { ColumnType, TableFormat, TableSourceFormat } from "../types.ts";
import { readCsvHeader } from "./csv-header.ts";
import { type FileFacts, scanFileFacts } from "./file-facts.ts";
import { declaredColumnType } from "./parquet-types.ts";
import { lineOfRow } from "./row-lines.ts";
import { firstLine, sqlString, type TableEngine } from "./table-engine.ts";
import { keepsTyped, typedTextSql } from "./typed-cells.ts";

/**
 * How a side's cells are held and read back: CSV typing rules, CSV as text, JSON text, or typed
 * (declared types kept, see `cellTypes`; a cell reaching JavaScript is JSON text).
 */
export type CellEncoding = "csv" | "csv-strings" | "json" | "typed";

/** A table file inside the engine. */
export interface LoadedTable {
  side: "old" | "new";
  /** The engine table holding the cells. */
  table: string;
  path: string;
  /** How messages name the table (its path, its reference, or e.g. "old table"). */
  name?: string;
  format: TableSourceFormat;
  /** Column names in file order (JSON: the union of the rows' keys, in order of first appearance). */
  columns: string[];
  rows: number;
  encoding: CellEncoding;
  /** True when a row may lack a column (JSON): SQL NULL is then "absent", else it is null. */
  absentCells: boolean;
  /**
   * JSON: the engine column holding a row's own text where the engine's JSON reader would round one
   * of its numbers (`-0`, more digits than a double keeps, a 3-digit exponent); NULL on other
   * rows. Undefined when no row needs it. Those rows' cells are read from this text instead.
   */
  rawColumn?: string;
  /** Declared column types (Parquet); undefined where the cells decide. */
  declared?: ColumnType[];
  /** Typed encoding: each column's engine type, or null for a column kept as JSON text. */
  cellTypes?: (string | null)[];
  facts: FileFacts;
  /** The first line of the file's first row (CSV: after the header). */
  firstLine: number;
}

const RAW_COLUMN = "raw";

/**
 * Why: the engine's JSON reader reads numbers as doubles and writes them back shortest: `-0`
 * becomes `0`, `0.1000000000000000000001` becomes `0.1`, `1e-400` becomes `0.0`. A row whose text
 * may hold such a number (an integer `-0`, 16 or more digits in a row, a 3-digit exponent; strings
 * may match too, which only costs time) keeps its own text, so no rounding can hide a change.
 */
const ROUNDED_NUMBER_SQL =
  "regexp_matches(json, '(^|[^0-9.eE])-0([^.eE0-9]|$)|([0-9]\\.?){16}|[eE][+-]?[0-9]{3}')";

/** The engine column of column i. */
export function cellColumn(index: number): string {
  return `c${index}`;
}

/** Why: SQL for a cell as the JSON or CSV text decodeCell reads, whatever the column's storage. */
export function cellTextSql(
  table: Pick<LoadedTable, "cellTypes">,
  index: number,
  alias?: string,
  cell = `${alias === undefined ? "" : `${alias}.`}${cellColumn(index)}`,
): string {
  const type = table.cellTypes?.[index] ?? null;
  return type === null ? cell : typedTextSql(cell);
}

/** Why: one entry for every format; the file is hashed in the same breath. */
export async function loadTable(
  engine: TableEngine,
  side: "old" | "new",
  path: string,
  format: TableFormat,
  csvStrings: boolean,
): Promise<LoadedTable> {
  await assertReadableFile(path);
  const table = `${side}_rows`;
  const factsPromise = scanFileFacts(path);
  // The hash runs beside the engine's read; a failed read must not leave it unobserved.
  factsPromise.catch(() => undefined);
  let loaded: Omit<LoadedTable, "facts" | "rows">;
  switch (format) {
    case "csv":
      loaded = await loadCsv(engine, side, table, path, csvStrings);
      break;
    case "jsonl":
    case "json":
      loaded = await loadJson(engine, side, table, path, format, await factsPromise);
      break;
    case "parquet":
      loaded = await loadParquet(engine, side, table, path);
      break;
  }
  const [[count]] = await engine.rows(`SELECT count(*) FROM ${table}`);
  return { ...loaded, rows: Number(count), facts: await factsPromise };
}

async function loadCsv(
  engine: TableEngine,
  side: "old" | "new",
  table: string,
  path: string,
  csvStrings: boolean,
): Promise<Omit<LoadedTable, "facts" | "rows">> {
  const header = await readCsvHeader(path);
  if (header.names.length === 0) {
    await engine.run(`CREATE TABLE ${table} AS SELECT NULL::VARCHAR AS c WHERE FALSE`);
    return {
      side,
      table,
      path,
      format: "csv",
      columns: [],
      encoding: csvStrings ? "csv-strings" : "csv",
      absentCells: false,
      firstLine: header.line,
    };
  }
  const columns = header.names.map((_, i) => `${sqlString(cellColumn(i))}: 'VARCHAR'`).join(", ");
  // csvStrings keeps an empty cell as "" (no text means NULL), as the record reader does.
  const nulls = csvStrings ? ", nullstr='\u0001', allow_quoted_nulls=false" : "";
  const source =
    `read_csv(${sqlString(path)}, header=true, auto_detect=false, delim=',', quote='"', escape='"', ` +
    `strict_mode=true, null_padding=false, skip=${header.line - 1}, columns={${columns}}${nulls})`;
  await readInto(engine, path, "csv", `CREATE TABLE ${table} AS SELECT * FROM ${source}`);
  return {
    side,
    table,
    path,
    format: "csv",
    columns: namePandasIndex(header.names),
    encoding: csvStrings ? "csv-strings" : "csv",
    absentCells: false,
    firstLine: header.line + 1,
  };
}

/**
 * Why: pandas' `to_csv()` writes its index under an empty header, and `read_csv` reads that column
 * back as `Unnamed: 0`; so does twinrun, so `--key "Unnamed: 0"` pairs rows by that index.
 */
function namePandasIndex(names: string[]): string[] {
  const taken = new Set(names);
  return names.map((name, i) => (name === "" && !taken.has(`Unnamed: ${i}`) ? `Unnamed: ${i}` : name));
}

async function loadJson(
  engine: TableEngine,
  side: "old" | "new",
  table: string,
  path: string,
  format: "jsonl" | "json",
  facts: FileFacts,
): Promise<Omit<LoadedTable, "facts" | "rows">> {
  const raw = `${side}_json`;
  const layout = format === "jsonl" ? "newline_delimited" : "array";
  await readInto(
    engine,
    path,
    format,
    `CREATE TABLE ${raw} AS SELECT json FROM read_json_objects(${sqlString(path)}, format='${layout}')`,
  );
  const unit = format === "jsonl" ? "line" : "array element";
  const [notObject] = await engine.rows(
    `SELECT rowid, json_type(json) FROM ${raw} WHERE json_type(json) <> 'OBJECT' ORDER BY rowid LIMIT 1`,
  );
  if (notObject !== undefined) {
    const line = await lineOfRow({ path, format, facts, firstLine: 1 }, Number(notObject[0]));
    throw new TwinrunError(
      "INPUT_INVALID",
      `${path}:${line}: expected a JSON object (one row per ${unit}, columns as keys), found ${describeJsonType(String(notObject[1]))}; ` +
        `write each row as {"column": value, …}`,
    );
  }
  const keySets = await engine.rows(
    `SELECT keys FROM (SELECT json_keys(json) AS keys, min(rowid) AS first FROM ${raw} GROUP BY keys) ORDER BY first`,
  );
  const seen = new Set<string>();
  const columns: string[] = [];
  for (const [keys] of keySets) {
    for (const key of listItems(keys)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  const pointers = columns.map((name) => sqlString(`/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`));
  const cells = columns.map((_, i) => `cells[${i + 1}]::VARCHAR AS ${cellColumn(i)}`);
  const [[rounded]] = await engine.rows(`SELECT count(*) FROM ${raw} WHERE ${ROUNDED_NUMBER_SQL}`);
  const rawCells =
    Number(rounded) > 0 ? `, CASE WHEN ${ROUNDED_NUMBER_SQL} THEN json END AS ${RAW_COLUMN}` : "";
  const extracted =
    columns.length === 0
      ? `SELECT NULL AS c FROM ${raw} ORDER BY rowid`
      : `SELECT ${cells.join(", ")}${rawCells} FROM (SELECT rowid AS position, json, json_extract(json, [${pointers.join(", ")}]) AS cells FROM ${raw}) ORDER BY position`;
  await engine.run(`CREATE TABLE ${table} AS ${extracted}`);
  await engine.run(`DROP TABLE ${raw}`);
  return {
    side,
    table,
    path,
    format,
    columns,
    encoding: "json",
    absentCells: true,
    ...(rawCells !== "" && { rawColumn: RAW_COLUMN }),
    firstLine: 1,
  };
}

async function loadParquet(
  engine: TableEngine,
  side: "old" | "new",
  table: string,
  path: string,
): Promise<Omit<LoadedTable, "facts" | "rows">> {
  const described = await readRows(
    engine,
    path,
    "parquet",
    `DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`,
  );
  const columns = described.map((row) => String(row[0]));
  const declared = described.map((row) => declaredColumnType(String(row[1])));
  const types = described.map((row) => String(row[1]));
  const cellTypes = types.map((type) => (keepsTyped(type) ? type : null));
  const cells = columns.map(
    (name, i) => `${storedCellSql(quoteIdentifier(name), types[i])} AS ${cellColumn(i)}`,
  );
  // The file is read where it lies, only the columns each query needs: decoding a compressed
  // column again costs less than holding a copy (and the memory stays the engine's for its own
  // work, whatever the file's size). A row keeps its position in the file as `rowid`.
  await readInto(
    engine,
    path,
    "parquet",
    `CREATE VIEW ${table} AS SELECT file_row_number AS rowid, ${cells.length === 0 ? "NULL AS c" : cells.join(", ")} ` +
      `FROM read_parquet(${sqlString(path)}, file_row_number=true)`,
  );
  return {
    side,
    table,
    path,
    format: "parquet",
    columns,
    encoding: "typed",
    absentCells: false,
    declared,
    cellTypes,
    firstLine: 1,
  };
}

/** Why: a declared column as typed storage keeps it: its own type where typed-cells.ts allows, else JSON text. */
export function storedCellSql(column: string, type: string): string {
  return keepsTyped(type) ? column : parquetCellSql(column, type);
}

/** A Parquet (or DuckDB database) value as JSON text; timestamps as ISO 8601 text in UTC with their own precision. */
export function parquetCellSql(column: string, type: string): string {
  const iso = (fraction: string) => `to_json(strftime(${column}, '%Y-%m-%dT%H:%M:%S.${fraction}Z'))::VARCHAR`;
  switch (type) {
    case "TIMESTAMP_MS":
      return iso("%g");
    case "TIMESTAMP_NS": {
      // strftime's %n does not write a TIMESTAMP_NS value's nanoseconds; they come from epoch_ns.
      const nanos = `((epoch_ns(${column}) % 1000000000 + 1000000000) % 1000000000)`;
      const seconds = `make_timestamp((epoch_ns(${column}) - ${nanos}) // 1000)`;
      return `to_json(strftime(${seconds}, '%Y-%m-%dT%H:%M:%S.') || lpad(CAST(${nanos} AS VARCHAR), 9, '0') || 'Z')::VARCHAR`;
    }
    case "TIMESTAMP":
    case "TIMESTAMP WITH TIME ZONE":
      return iso("%f");
    case "TIMESTAMP_S":
      return `to_json(strftime(${column}, '%Y-%m-%dT%H:%M:%SZ'))::VARCHAR`;
    default:
      return `to_json(${column})::VARCHAR`;
  }
}

/** A quoted SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs a statement that reads the file; the engine's complaint becomes an error naming the file. */
async function readInto(engine: TableEngine, path: string, format: TableFormat, sql: string): Promise<void> {
  try {
    await engine.run(sql);
  } catch (error) {
    throw unreadable(path, format, error);
  }
}

async function readRows(engine: TableEngine, path: string, format: TableFormat, sql: string) {
  try {
    return await engine.rows(sql);
  } catch (error) {
    throw unreadable(path, format, error);
  }
}

/** The engine's complaint about a file, in the words of the record readers where one applies. */
function unreadable(path: string, format: TableFormat, error: unknown): unknown {
  if (error instanceof TwinrunError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const line = /(?:on Line:|in line) (\d+)/.exec(message)?.[1];
  const where = line === undefined ? path : `${path}:${line}`;
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  let detail: string;
  if (columns !== null) {
    detail =
      `expected ${columns[1]} fields (as in the header), found ${columns[2]}; ` +
      "quote cells that contain a comma and give every row the header's number of fields";
  } else if (/unterminated quote/i.test(message)) {
    detail =
      'a quoted field opened in this record is never closed; fix the quoting (a quote inside a quoted field is written as "")';
  } else if (/Malformed JSON/i.test(message)) {
    const reason = /: ([^:]+)$/.exec(firstLine(message))?.[1] ?? "malformed";
    detail =
      format === "jsonl"
        ? `expected one JSON object per line, found invalid JSON (${reason.replace(/\.$/, "")})`
        : `expected a JSON array of objects, found invalid JSON (${reason.replace(/\.$/, "")})`;
  } else if (/Expected top-level JSON array/.test(message)) {
    detail =
      "expected the file to hold one JSON array of row objects, found another JSON value; write [{...}, {...}] or use JSONL";
  } else if (format === "parquet") {
    detail = `expected a Parquet file, but it could not be read as one (${firstLine(message).replace(/^[A-Za-z ]+Error: /, "")})`;
  } else {
    detail = `the file could not be read as a ${format} table: ${firstLine(message).replace(/^[A-Za-z ]+Error: /, "")}`;
  }
  return new TwinrunError("INPUT_INVALID", `${where}: ${detail}`, { cause: error });
}

function listItems(value: unknown): string[] {
  const items = (value as { items?: unknown[] } | null)?.items ?? [];
  return items.map(String);
}

function describeJsonType(type: string): string {
  switch (type) {
    case "ARRAY":
      return "an array";
    case "VARCHAR":
      return "a string";
    case "BOOLEAN":
      return "a boolean";
    case "NULL":
      return "null";
    default:
      return "a number";
  }
}
