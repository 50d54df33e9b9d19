// The data of bench/postgres-diff.ts: two tables of one Postgres database made by the database
// itself (generate_series), in the shape of bench/table-diff.ts (`id` + 6 int, 8 float and 5 text
// columns). New is old with one changed value in every 5,000th row (a tenth of them set to NULL),
// 1e-12 relative noise on the floats of every 20th row, every 400,000th row dropped, 5 rows added
// and the rows stored shuffled in blocks of 1,000. What was injected follows from the ids alone,
// so the expected findings are counted here without reading a row.
import type { PostgresServer } from "../test/helpers/postgres-server.ts";

export const OLD_TABLE = "features_old";
export const NEW_TABLE = "features_new";
const ADDED_ROWS = 5;
const CHANGE_EVERY = 5000;
const CHANGE_AT = 1234;
const DROP_EVERY = 400_000;
const DROP_AT = 77;
const NULL_CHANGE_EVERY = 10;
const NOISE_EVERY = 20;
const BLOCK_ROWS = 1000;

type ColumnKind = "int" | "float" | "text";

/** The columns after `id` and the SQL that makes a cell of each from random(). */
const COLUMNS: { name: string; kind: ColumnKind; sql: string }[] = [
  { name: "age", kind: "int", sql: "18 + floor(random() * 73)::int" },
  { name: "visits", kind: "int", sql: "floor(random() * 500)::int" },
  { name: "items", kind: "int", sql: "floor(random() * 50)::int" },
  { name: "tenure_days", kind: "int", sql: "floor(random() * 3650)::int" },
  { name: "clicks", kind: "int", sql: "floor(random() * 1000000)::int" },
  { name: "rank", kind: "int", sql: "1 + floor(random() * 100000)::int" },
  { name: "price", kind: "float", sql: "round((0.5 + random() * 500)::numeric, 2)::float8" },
  { name: "score", kind: "float", sql: "random()" },
  { name: "amount", kind: "float", sql: "exp(3 + random() * 6)" },
  { name: "ratio", kind: "float", sql: "random() / (0.1 + random())" },
  { name: "lat", kind: "float", sql: "round((-60 + random() * 130)::numeric, 6)::float8" },
  { name: "lon", kind: "float", sql: "round((-180 + random() * 360)::numeric, 6)::float8" },
  { name: "balance", kind: "float", sql: "(random() - 0.3) * 10000" },
  { name: "weight", kind: "float", sql: "CASE WHEN random() < 0.01 THEN NULL ELSE 40 + random() * 80 END" },
  { name: "country", kind: "text", sql: pick(["DE", "FR", "NL", "US", "GB", "ES", "IT", "JP", "BR", "IN"]) },
  {
    name: "segment",
    kind: "text",
    sql: `CASE WHEN random() < 0.005 THEN NULL ELSE ${pick(["new", "casual", "regular", "loyal", "churned"])} END`,
  },
  { name: "status", kind: "text", sql: pick(["active", "paused", "closed", "pending"]) },
  { name: "sku", kind: "text", sql: "'SKU-' || upper(to_hex(floor(random() * 100000000)::int))" },
  { name: "channel", kind: "text", sql: pick(["web", "app", "store", "phone"]) },
];

function pick(values: string[]): string {
  return `(ARRAY[${values.map((value) => `'${value}'`).join(", ")}])[1 + floor(random() * ${values.length})::int]`;
}

/** What new holds against old, in the terms of a twinrun report. */
export interface InjectedChanges {
  rows: number;
  columns: number;
  /** Rows in both tables whose value in the column changed beyond tolerance. */
  changedRows: Record<string, number>;
  onlyOld: number;
  onlyNew: number;
}

/** Why: one statement per table, so generating 2,000,000 rows is the database's work, not a client's. */
export async function createTablePair(server: PostgresServer, rows: number): Promise<InjectedChanges> {
  const generated = COLUMNS.map((column) => `${column.sql} AS ${column.name}`).join(", ");
  await server.query("SELECT setseed(0.42)");
  await server.query(
    `CREATE TABLE ${OLD_TABLE} AS SELECT id::bigint AS id, ${generated} FROM generate_series(1, $1::bigint) AS id`,
    [rows],
  );
  const changed = (k: number) =>
    `id % ${CHANGE_EVERY} = ${CHANGE_AT} AND (id / ${CHANGE_EVERY}) % ${COLUMNS.length} = ${k}`;
  const nulled = `(id / ${CHANGE_EVERY}) % ${NULL_CHANGE_EVERY} = ${NULL_CHANGE_EVERY - 1}`;
  const newCells = COLUMNS.map(({ name, kind }, k) => {
    const otherValue =
      kind === "int"
        ? `coalesce(${name}, 0) + 1`
        : kind === "float"
          ? `coalesce(${name}, 0) + 1 + abs(coalesce(${name}, 0)) * 0.001`
          : `coalesce(${name}, '') || '~'`;
    const noise = kind === "float" ? ` WHEN id % ${NOISE_EVERY} = 3 THEN ${name} * (1 + 1e-12)` : "";
    return (
      `CASE WHEN ${changed(k)} THEN (CASE WHEN ${nulled} AND ${name} IS NOT NULL THEN NULL ELSE ${otherValue} END)` +
      `${noise} ELSE ${name} END AS ${name}`
    );
  }).join(", ");
  await server.query(
    `CREATE TABLE ${NEW_TABLE} AS SELECT * FROM (` +
      `SELECT id, ${newCells} FROM ${OLD_TABLE} WHERE id % ${DROP_EVERY} <> ${DROP_AT} ` +
      `UNION ALL SELECT id::bigint, ${generated} FROM generate_series($1::bigint + 1, $1::bigint + ${ADDED_ROWS}) AS id` +
      `) s ORDER BY hashint8(id / ${BLOCK_ROWS}), id`,
    [rows],
  );
  // Fresh statistics and visibility maps, so no autovacuum runs while the tools are measured.
  await server.query(`VACUUM ANALYZE ${OLD_TABLE}`);
  await server.query(`VACUUM ANALYZE ${NEW_TABLE}`);
  return injectedChanges(rows);
}

/** The findings the ids imply: a changed row is never a dropped one (their residues differ). */
function injectedChanges(rows: number): InjectedChanges {
  const changedRows: Record<string, number> = {};
  for (let id = CHANGE_AT; id <= rows; id += CHANGE_EVERY) {
    const name = COLUMNS[Math.floor(id / CHANGE_EVERY) % COLUMNS.length].name;
    changedRows[name] = (changedRows[name] ?? 0) + 1;
  }
  const onlyOld = rows < DROP_AT ? 0 : Math.floor((rows - DROP_AT) / DROP_EVERY) + 1;
  return { rows, columns: COLUMNS.length + 1, changedRows, onlyOld, onlyNew: ADDED_ROWS };
}
