// Pairing rows inside the database, as the embedded engine pairs them (engine/pair-rows.ts): by
// key, rows with the same key values pair in row order (the 1st old with the 1st new, …; the rest
// are only-old/only-new), or by position. The result is the temporary table `twinrun_pairs` (o, n:
// the rows' positions, NULL on the side without the row; idx: the trial's index).
import { TwinrunError } from "../../errors.ts";
import { parseLossless } from "../../json/parse.ts";
import type { PairCounts } from "../engine/pair-rows.ts";
import type { DuplicateKeys, RowMatch } from "../types.ts";
import { jsonTextSql, keyPartSql } from "./pg-cells.ts";
import type { PgSession } from "./pg-session.ts";
import { type PgTable, pgCell } from "./pg-tables.ts";
import { SqlParams } from "./sql-params.ts";

const DUPLICATE_EXAMPLES = 5;

/** Why: the join by key is the database's work; only counts and a few examples come back. */
export async function pairPgRows(
  session: PgSession,
  oldTable: PgTable,
  newTable: PgTable,
  match: RowMatch,
  keyRules: (column: string) => { trim: boolean; caseInsensitive: boolean },
): Promise<PairCounts> {
  await session.run("DROP TABLE IF EXISTS twinrun_pairs");
  if (match.by === "position") {
    const params = new SqlParams();
    const oldRows = params.bind(oldTable.rows, "bigint");
    const newRows = params.bind(newTable.rows, "bigint");
    await session.run(
      `CREATE TEMPORARY TABLE twinrun_pairs AS SELECT CASE WHEN i < ${oldRows} THEN i END AS o, ` +
        `CASE WHEN i < ${newRows} THEN i END AS n, i AS idx FROM generate_series(0, greatest(${oldRows}, ${newRows}) - 1) i`,
      params.values,
    );
    const matched = Math.min(oldTable.rows, newTable.rows);
    return { matched, onlyOld: oldTable.rows - matched, onlyNew: newTable.rows - matched };
  }
  const { key } = match;
  const indices = { old: keyIndices(oldTable, key), new: keyIndices(newTable, key) };
  for (const table of [oldTable, newTable]) {
    const parts = indices[table.side].map(
      (index, i) => `${keyPartSql(pgCell(index), table.columns[index], keyRules(key[i]))} AS k${i}`,
    );
    const partition = key.map((_, i) => `k${i}`).join(", ");
    await session.run(`DROP TABLE IF EXISTS twinrun_${table.side}_keys`);
    await session.run(
      `CREATE TEMPORARY TABLE twinrun_${table.side}_keys AS SELECT r, ${partition}, ` +
        `row_number() OVER (PARTITION BY ${partition} ORDER BY r) AS dup FROM (SELECT r, ${parts.join(", ")} FROM ${table.table}) t`,
    );
    await session.run(`ANALYZE twinrun_${table.side}_keys`);
  }
  const on = [...key.map((_, i) => `o.k${i} = n.k${i}`), "o.dup = n.dup"].join(" AND ");
  const params = new SqlParams();
  await session.run(
    `CREATE TEMPORARY TABLE twinrun_pairs AS SELECT o.r AS o, n.r AS n, coalesce(n.r, ${params.bind(newTable.rows, "bigint")} + o.r) AS idx ` +
      `FROM twinrun_old_keys o FULL OUTER JOIN twinrun_new_keys n ON ${on}`,
    params.values,
  );
  await session.run("ANALYZE twinrun_pairs");
  const [[matched, onlyOld, onlyNew]] = await session.rows(
    "SELECT count(*) FILTER (WHERE o IS NOT NULL AND n IS NOT NULL), count(*) FILTER (WHERE n IS NULL), " +
      "count(*) FILTER (WHERE o IS NULL) FROM twinrun_pairs",
  );
  const duplicates = {
    old: await duplicatesOf(session, oldTable, indices.old, key),
    new: await duplicatesOf(session, newTable, indices.new, key),
  };
  return { matched: Number(matched), onlyOld: Number(onlyOld), onlyNew: Number(onlyNew), duplicates };
}

/** The key columns' indices on a side; a missing key column is the user's error. */
function keyIndices(table: PgTable, key: readonly string[]): number[] {
  return key.map((column) => {
    const index = table.columns.findIndex((entry) => entry.name === column);
    if (index === -1)
      throw new TwinrunError(
        "INPUT_INVALID",
        `${table.side} ${table.name}: no key column "${column}" (--key ${key.join(",")}); its columns are ` +
          `${table.columns.length === 0 ? "none" : table.columns.map((entry) => JSON.stringify(entry.name)).join(", ")}`,
      );
    return index;
  });
}

async function duplicatesOf(
  session: PgSession,
  table: PgTable,
  indices: number[],
  key: readonly string[],
): Promise<DuplicateKeys> {
  const keys = `twinrun_${table.side}_keys`;
  const [[count, extraRows]] = await session.rows(
    `SELECT count(*) FILTER (WHERE dup = 2), count(*) FILTER (WHERE dup > 1) FROM ${keys}`,
  );
  if (Number(count) === 0) return { keys: 0, extraRows: Number(extraRows), examples: [] };
  const parts = key.map((_, i) => `k${i}`).join(", ");
  // Old: in order of each key's first row; new: in the order the keys repeat (their second row).
  const order = table.side === "old" ? "min(r)" : "min(CASE WHEN dup = 2 THEN r END)";
  const cells = indices.map((index) => jsonTextSql(`t.${pgCell(index)}`, table.columns[index])).join(", ");
  const params = new SqlParams();
  const rows = await session.rows(
    `SELECT array_to_json(g.rows)::text, ${cells} FROM (SELECT array_agg(r ORDER BY r) AS rows, min(r) AS first, ${order} AS position ` +
      `FROM ${keys} GROUP BY ${parts} HAVING count(*) > 1 ORDER BY position LIMIT ${params.bind(DUPLICATE_EXAMPLES, "int")}) g ` +
      `JOIN ${table.table} t ON t.r = g.first ORDER BY g.position`,
    params.values,
  );
  const examples = rows.map((row) => {
    const values: Record<string, unknown> = {};
    key.forEach((column, k) => {
      values[column] = row[k + 1] === null ? null : parseLossless(String(row[k + 1]));
    });
    const positions = (JSON.parse(String(row[0])) as number[]).map(Number);
    return { key: values, lines: positions.map((position) => position + 1) };
  });
  return { keys: Number(count), extraRows: Number(extraRows), examples };
}
