// The rows hints look at: every matched row pair when there are at most HINT_SAMPLE_ROWS of
// them, else a deterministic sample that keeps changed and unchanged pairs both (half each,
// where there are enough of each), chosen in the engine. The old rows are summarised as
// FieldColumns over their non-key columns; which paths changed in each comes from the log.
import { FieldColumns, MAX_TRIALS } from "../../hints/field-columns.ts";
import { decodeCell, setCell } from "../engine/decode-cell.ts";
import { rawRow } from "../engine/handover.ts";
import { cellTextSql, type LoadedTable } from "../engine/load-table.ts";
import type { TableEngine } from "../engine/table-engine.ts";
import { CHANGED_PATHS_TABLE } from "./changed-paths-log.ts";

/** Row pairs the hint search reads at most (the record hints' own bound). */
export const HINT_SAMPLE_ROWS = MAX_TRIALS;

/** The engine table of the chosen rows: old row position `o` and ordinal `ord` (0…). */
const SAMPLE_TABLE = "hint_rows";

/** The old table's columns hints speak of: all but the key columns. */
export interface HintColumn {
  name: string;
  index: number;
}

/** What the hint search reads: the summarised rows and, per path id, the ordinals where it changed. */
export interface HintRows {
  inputs: FieldColumns;
  changedAt: Map<number, number[]>;
  /** True when every matched row pair is in (the search's counts are then the table's). */
  complete: boolean;
}

/** Why: one bounded read of old rows, whatever the table's size. */
export async function readHintRows(
  engine: TableEngine,
  oldTable: LoadedTable,
  columns: readonly HintColumn[],
  matched: number,
): Promise<HintRows> {
  const complete = matched <= HINT_SAMPLE_ROWS;
  await engine.run(`CREATE TABLE ${SAMPLE_TABLE} AS ${await sampleSql(engine, complete, matched)}`);
  const inputs = new FieldColumns();
  const select = rowSelect(oldTable, columns, "t");
  for await (const batch of engine.stream(
    `SELECT ${select} FROM ${SAMPLE_TABLE} r JOIN ${oldTable.table} t ON t.rowid = r.o ORDER BY r.ord`,
  )) {
    for (const row of batch) inputs.add(oldRowOf(oldTable, columns, row, 0));
  }
  const changedAt = new Map<number, number[]>();
  for await (const batch of engine.stream(
    `SELECT h.path, r.ord FROM ${SAMPLE_TABLE} r JOIN ${CHANGED_PATHS_TABLE} h ON h.o = r.o ORDER BY h.path, r.ord`,
  )) {
    for (const [path, ord] of batch) {
      const id = Number(path);
      let list = changedAt.get(id);
      if (list === undefined) {
        list = [];
        changedAt.set(id, list);
      }
      list.push(Number(ord));
    }
  }
  return { inputs, changedAt, complete };
}

/** The chosen rows: all matched pairs, or changed and unchanged ones in a seeded hash order. */
async function sampleSql(engine: TableEngine, complete: boolean, matched: number): Promise<string> {
  const matchedPairs = "SELECT o FROM pairs WHERE o IS NOT NULL AND n IS NOT NULL";
  if (complete) return `SELECT o, row_number() OVER (ORDER BY o) - 1 AS ord FROM (${matchedPairs})`;
  const changed = `SELECT DISTINCT o FROM ${CHANGED_PATHS_TABLE}`;
  const [[count]] = await engine.rows(`SELECT count(*) FROM (${changed})`);
  const changedRows = Number(count);
  // Half of the sample for each, the other's unused share to whichever has more.
  const half = Math.floor(HINT_SAMPLE_ROWS / 2);
  const unchangedTaken = Math.max(half, HINT_SAMPLE_ROWS - changedRows);
  const changedTaken = Math.max(half, HINT_SAMPLE_ROWS - (matched - changedRows));
  const order = "ORDER BY hash(o + 7919), o";
  return (
    `SELECT o, row_number() OVER (${order}) - 1 AS ord FROM (` +
    `(SELECT o FROM (${changed}) ${order} LIMIT ${changedTaken}) UNION ALL ` +
    `(SELECT o FROM (${matchedPairs}) m WHERE NOT EXISTS (SELECT 1 FROM ${CHANGED_PATHS_TABLE} h WHERE h.o = m.o) ` +
    `${order} LIMIT ${unchangedTaken}))`
  );
}

/** The SQL list of a row's raw text (or NULL) then its hint columns' cells, under `alias`. */
export function rowSelect(table: LoadedTable, columns: readonly HintColumn[], alias: string): string {
  const raw = table.rawColumn === undefined ? "NULL::VARCHAR" : `${alias}.${table.rawColumn}`;
  return [raw, ...columns.map((column) => cellTextSql(table, column.index, alias))].join(", ");
}

/** An old row as the record readers would have read it, with only the hint columns (from `start` in `row`). */
export function oldRowOf(
  table: LoadedTable,
  columns: readonly HintColumn[],
  row: readonly unknown[],
  start: number,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const own = rawRow(row[start]);
  for (const [i, column] of columns.entries()) {
    if (own !== undefined) {
      if (Object.hasOwn(own, column.name)) setCell(values, column.name, own[column.name]);
      continue;
    }
    setCell(
      values,
      column.name,
      decodeCell(row[start + 1 + i] as string | null, table.encoding, table.absentCells),
    );
  }
  return values;
}
