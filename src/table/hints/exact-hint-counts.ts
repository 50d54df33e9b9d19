// Counting hints found on a sample again over every matched row pair, in the engine's rows: the
// changed paths of each old row as bits (table `hint_bits`), then per set of columns the
// conditions read, the distinct cell values with their bits and row counts, streamed in
// batches and summarised like the sample was. Memory stays one batch whatever the table's size.
import { type ColumnLookup, conditionHolds } from "../../hints/condition-holds.ts";
import { FieldColumns, MAX_STRINGS_PER_FIELD } from "../../hints/field-columns.ts";
import type { HintCondition } from "../../hints/types.ts";
import { columnOfPath } from "../column-of.ts";
import type { LoadedTable } from "../engine/load-table.ts";
import type { TableEngine } from "../engine/table-engine.ts";
import { CHANGED_PATHS_TABLE } from "./changed-paths-log.ts";
import { type HintColumn, oldRowOf, rowSelect } from "./hint-rows.ts";

/** One condition to count, for the rows where one path (by its log id) changed. */
export interface CountRequest {
  pathId: number;
  condition: HintCondition;
}

/** Rows the condition holds for, and of those, rows where the path changed. */
export interface ExactCounts {
  count: number;
  covered: number;
}

/** Groups summarised at a time: at most as many as a field remembers strings, so every string compares. */
const BATCH_ROWS = MAX_STRINGS_PER_FIELD;
const BITS_TABLE = "hint_bits";

/** Why: a sample finds conditions; the figures shown are the whole table's. */
export async function countHintsExactly(
  engine: TableEngine,
  oldTable: LoadedTable,
  hintColumns: readonly HintColumn[],
  requests: readonly CountRequest[],
  parentOf: (path: string) => string | null,
): Promise<ExactCounts[]> {
  const counts = requests.map(() => ({ count: 0, covered: 0 }));
  if (requests.length === 0) return counts;
  const pathIds = [...new Set(requests.map((request) => request.pathId))];
  const bitOf = new Map(pathIds.map((id, i) => [id, 2 ** i]));
  const bitCase = `CASE path ${pathIds.map((id, i) => `WHEN ${id} THEN ${2 ** i}`).join(" ")} END`;
  await engine.run(
    `CREATE OR REPLACE TABLE ${BITS_TABLE} AS SELECT o, bit_or(${bitCase})::BIGINT AS bits ` +
      `FROM ${CHANGED_PATHS_TABLE} WHERE path IN (${pathIds.join(", ")}) GROUP BY o`,
  );
  // Requests reading the same columns share one pass; most read one column of few values.
  const bySet = new Map<string, number[]>();
  for (const [r, request] of requests.entries()) {
    const names = new Set(fieldsOf(request.condition).map(columnOfPath));
    const set = hintColumns
      .filter((column) => names.has(column.name))
      .map((column) => column.index)
      .join(",");
    bySet.set(set, [...(bySet.get(set) ?? []), r]);
  }
  for (const [set, members] of bySet) {
    const indices = new Set(set.split(",").map(Number));
    const columns = hintColumns.filter((column) => indices.has(column.index));
    const sql =
      `SELECT ${rowSelect(oldTable, columns, "t")}, coalesce(b.bits, 0), count(*) FROM pairs p ` +
      `JOIN ${oldTable.table} t ON t.rowid = p.o LEFT JOIN ${BITS_TABLE} b ON b.o = p.o ` +
      `WHERE p.o IS NOT NULL AND p.n IS NOT NULL GROUP BY ALL`;
    const tally = (inputs: FieldColumns, bits: number[], weights: number[]) => {
      const byPath = new Map(inputs.list().map((column) => [column.path, column]));
      const lookup: ColumnLookup = (path) => byPath.get(path);
      for (const r of members) {
        const bit = bitOf.get(requests[r].pathId) ?? 0;
        for (let o = 0; o < bits.length; o++) {
          if (!conditionHolds(requests[r].condition, lookup, parentOf, o)) continue;
          counts[r].count += weights[o];
          if ((bits[o] & bit) !== 0) counts[r].covered += weights[o];
        }
      }
    };
    await streamGroups(engine, sql, oldTable, columns, tally);
  }
  await engine.run(`DROP TABLE ${BITS_TABLE}`);
  return counts;
}

/** Streams the groups of one pass in batches of BATCH_ROWS summarised rows. */
async function streamGroups(
  engine: TableEngine,
  sql: string,
  oldTable: LoadedTable,
  columns: readonly HintColumn[],
  tally: (inputs: FieldColumns, bits: number[], weights: number[]) => void,
): Promise<void> {
  let inputs = new FieldColumns();
  let bits: number[] = [];
  let weights: number[] = [];
  const bitsAt = columns.length + 1;
  for await (const batch of engine.stream(sql)) {
    for (const row of batch) {
      inputs.add(oldRowOf(oldTable, columns, row, 0));
      bits.push(Number(row[bitsAt]));
      weights.push(Number(row[bitsAt + 1]));
      if (bits.length === BATCH_ROWS) {
        tally(inputs, bits, weights);
        inputs = new FieldColumns();
        bits = [];
        weights = [];
      }
    }
  }
  if (bits.length > 0) tally(inputs, bits, weights);
}

function fieldsOf(condition: HintCondition): string[] {
  return condition.op === "and" ? condition.conditions.map((part) => part.field) : [condition.field];
}
