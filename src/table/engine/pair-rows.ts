// Pairing rows in the engine: by key, rows with the same key values pair in file order (the 1st
// old with the 1st new, …; the rest are only-old/only-new), or by position. The result is the
// table `pairs` (o, n: the rows' positions, NULL on the side without the row; idx: the trial's
// index — the new row's position, or for a row only in old, the new row count plus its own).
import { TwinrunError } from "../../errors.ts";
import type { DuplicateKeys, RowMatch } from "../types.ts";
import { columnEncoding, type KeyStringRules, keyPartSql } from "./cell-sql.ts";
import { ABSENT, decodeCell } from "./decode-cell.ts";
import { cellColumn, cellTextSql, type LoadedTable } from "./load-table.ts";
import { linesOfRows } from "./row-lines.ts";
import type { TableEngine } from "./table-engine.ts";
import { typedKind } from "./typed-cells.ts";

const DUPLICATE_EXAMPLES = 5;

export interface PairCounts {
  matched: number;
  onlyOld: number;
  onlyNew: number;
  duplicates?: { old: DuplicateKeys; new: DuplicateKeys };
}

/** Why: the join by key is the engine's work; only counts and a few examples come back. */
export async function pairRows(
  engine: TableEngine,
  oldTable: LoadedTable,
  newTable: LoadedTable,
  match: RowMatch,
  keyRules: (column: string) => KeyStringRules,
): Promise<PairCounts> {
  if (match.by === "position") {
    await engine.run(
      `CREATE TABLE pairs AS SELECT CASE WHEN i < ${oldTable.rows} THEN i END AS o, ` +
        `CASE WHEN i < ${newTable.rows} THEN i END AS n, i AS idx FROM range(${Math.max(oldTable.rows, newTable.rows)}) t(i)`,
    );
    const matched = Math.min(oldTable.rows, newTable.rows);
    return { matched, onlyOld: oldTable.rows - matched, onlyNew: newTable.rows - matched };
  }
  const key = match.key;
  const indices = {
    old: await keyIndices(engine, oldTable, key),
    new: await keyIndices(engine, newTable, key),
  };
  // A key column both sides declare as integers pairs by the integer itself (NULL with NULL),
  // which is what its key text would say, without making the text.
  const integral = key.map((_, i) =>
    (["old", "new"] as const).every((side) => {
      const index = indices[side][i];
      const encoding = index === -1 ? undefined : columnEncoding(side === "old" ? oldTable : newTable, index);
      return typeof encoding === "object" && typedKind(encoding.typed) === 1;
    }),
  );
  for (const side of ["old", "new"] as const) {
    const table = side === "old" ? oldTable : newTable;
    const parts = indices[side].map((index, i) => {
      if (integral[i]) return `CAST(${cellColumn(index)} AS HUGEINT) AS k${i}`;
      return `${index === -1 ? "'z'" : keyPartSql(cellColumn(index), columnEncoding(table, index), keyRules(key[i]))} AS k${i}`;
    });
    const partition = key.map((_, i) => `k${i}`).join(", ");
    await engine.runUnordered(
      `CREATE TABLE ${side}_keys AS SELECT r, ${partition}, row_number() OVER (PARTITION BY ${partition} ORDER BY r) AS dup ` +
        `FROM (SELECT rowid AS r, ${parts.join(", ")} FROM ${table.table})`,
    );
  }
  const on = [
    ...key.map((_, i) => (integral[i] ? `o.k${i} IS NOT DISTINCT FROM n.k${i}` : `o.k${i} = n.k${i}`)),
    "o.dup = n.dup",
  ].join(" AND ");
  await engine.runUnordered(
    `CREATE TABLE pairs AS SELECT o.r AS o, n.r AS n, coalesce(n.r, ${newTable.rows} + o.r) AS idx ` +
      `FROM old_keys o FULL OUTER JOIN new_keys n ON ${on}`,
  );
  const [[matched, onlyOld, onlyNew]] = await engine.rows(
    "SELECT count(*) FILTER (WHERE o IS NOT NULL AND n IS NOT NULL), count(*) FILTER (WHERE n IS NULL), count(*) FILTER (WHERE o IS NULL) FROM pairs",
  );
  const duplicates = {
    old: await duplicatesOf(engine, oldTable, "old", indices.old, key),
    new: await duplicatesOf(engine, newTable, "new", indices.new, key),
  };
  await engine.run("DROP TABLE old_keys");
  await engine.run("DROP TABLE new_keys");
  return { matched: Number(matched), onlyOld: Number(onlyOld), onlyNew: Number(onlyNew), duplicates };
}

/** The key columns' indices on a side; a missing key column (or a row without it) is the user's error. */
async function keyIndices(
  engine: TableEngine,
  table: LoadedTable,
  key: readonly string[],
): Promise<number[]> {
  const indices: number[] = [];
  for (const column of key) {
    const index = table.columns.indexOf(column);
    // A table without rows names no columns (a failed dataframe batch): nothing to pair.
    if (index === -1 && table.rows === 0) {
      indices.push(-1);
      continue;
    }
    if (index === -1) {
      throw new TwinrunError(
        "INPUT_INVALID",
        `${table.name ?? table.path}: the table has no key column "${column}" (--key ${key.join(",")}); its columns are ` +
          `${table.columns.length === 0 ? "none" : table.columns.map((name) => JSON.stringify(name)).join(", ")}; name columns every row has, or match rows by position (no --key)`,
      );
    }
    if (table.absentCells) {
      const [missing] = await engine.rows(
        `SELECT rowid FROM ${table.table} WHERE ${cellColumn(index)} IS NULL ORDER BY rowid LIMIT 1`,
      );
      if (missing !== undefined) {
        const lines = await linesOfRows(table, [Number(missing[0])]);
        throw new TwinrunError(
          "INPUT_INVALID",
          `${table.name ?? table.path}:${lines.get(Number(missing[0]))}: the row has no key column "${column}" (--key ${key.join(",")}); ` +
            `name columns every row has, or match rows by position (no --key)`,
        );
      }
    }
    indices.push(index);
  }
  return indices;
}

async function duplicatesOf(
  engine: TableEngine,
  table: LoadedTable,
  side: "old" | "new",
  indices: number[],
  key: readonly string[],
): Promise<DuplicateKeys> {
  const [[keys, extraRows]] = await engine.rows(
    `SELECT count(*) FILTER (WHERE dup = 2), count(*) FILTER (WHERE dup > 1) FROM ${side}_keys`,
  );
  // Most tables have none: then there is nothing to group.
  if (Number(keys) === 0) return { keys: 0, extraRows: Number(extraRows), examples: [] };
  const parts = key.map((_, i) => `k${i}`).join(", ");
  // Old: in order of each key's first row; new: in the order the keys repeat (their second row).
  const order = side === "old" ? "min(r)" : "min(CASE WHEN dup = 2 THEN r END)";
  const cells = indices
    .map((index) => (index === -1 ? "NULL::VARCHAR" : cellTextSql(table, index, "t")))
    .join(", ");
  const rows = await engine.rows(
    `SELECT g.rows, ${cells} FROM (SELECT list(r ORDER BY r) AS rows, min(r) AS first, ${order} AS position ` +
      `FROM ${side}_keys GROUP BY ${parts} HAVING count(*) > 1 ORDER BY position LIMIT ${DUPLICATE_EXAMPLES}) g ` +
      `JOIN ${table.table} t ON t.rowid = g.first ORDER BY g.position`,
  );
  const positions = rows.map((row) => ((row[0] as { items: unknown[] }).items ?? []).map(Number));
  const lines = await linesOfRows(table, positions.flat());
  const examples = rows.map((row, i) => {
    const values: Record<string, unknown> = {};
    key.forEach((column, k) => {
      const value = decodeCell(row[k + 1] as string | null, table.encoding, table.absentCells);
      values[column] = value === ABSENT ? null : value;
    });
    return { key: values, lines: positions[i].map((position) => lines.get(position) ?? position + 1) };
  });
  return { keys: Number(keys), extraRows: Number(extraRows), examples };
}
