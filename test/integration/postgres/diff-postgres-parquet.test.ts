// Cross-source: one generated table pair, loaded into Postgres and written as Parquet with the
// same types, gives the same findings whichever source each side is read from (Postgres vs
// Postgres, Postgres vs Parquet, Parquet vs Postgres) as the Parquet files alone.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeWorkspace, runCli } from "../../helpers/cli.ts";
import { describeWithPostgres } from "../../helpers/postgres-server.ts";

type Row = (string | null)[];
const NAMES = ["id", "score", "amount", "name", "active", "seen", "day"];
const PG_TYPES = ["int8", "float8", "numeric(12,2)", "text", "bool", "timestamptz", "date"];
const DUCKDB_TYPES = ["BIGINT", "DOUBLE", "DECIMAL(12,2)", "VARCHAR", "BOOLEAN", "TIMESTAMPTZ", "DATE"];

/** Old rows, and new rows with changed scores, names, an amount, a removed and an added row. */
function generateRows(): { old: Row[]; new: Row[] } {
  const specials = ["NaN", "Infinity", "-Infinity", "-0"];
  const old: Row[] = [];
  for (let i = 1; i <= 300; i += 1) {
    old.push([
      String(i === 300 ? 9007199254740993n : BigInt(i)),
      i <= specials.length ? specials[i - 1] : i % 17 === 0 ? null : String(i / 8),
      (i * 1.25).toFixed(2),
      i % 13 === 0 ? null : `name-${i % 7}`,
      i % 11 === 0 ? null : String(i % 2 === 0),
      `2024-01-${String((i % 28) + 1).padStart(2, "0")} 0${i % 10}:30:00.${String(i * 1001)
        .padStart(6, "0")
        .slice(-6)}+00`,
      `2023-12-${String((i % 28) + 1).padStart(2, "0")}`,
    ]);
  }
  const changed = old.map((row) => [...row]);
  for (const i of [10, 20, 30, 40]) changed[i][1] = String(Number(changed[i][1]) + 0.5);
  changed[51][1] = String(Number(changed[51][1]) * (1 + 1e-12)); // within tolerance: no change
  changed[60][3] = "renamed";
  changed[70][2] = "999.99";
  changed[80][5] = null;
  changed.splice(90, 1);
  changed.push(["100000", "1.5", "1.00", "added", "true", null, "2024-02-01"]);
  return { old, new: changed };
}

function valuesSql(rows: Row[]): string {
  const literal = (cell: string | null) => (cell === null ? "NULL" : `'${cell}'`);
  return rows.map((row) => `(${row.map(literal).join(", ")})`).join(",\n");
}

function castSelect(rows: Row[], types: string[]): string {
  const casts = NAMES.map((name, i) => `CAST(${name} AS ${types[i]}) AS ${name}`);
  return `SELECT ${casts.join(", ")} FROM (VALUES ${valuesSql(rows)}) AS v(${NAMES.join(", ")})`;
}

describeWithPostgres("Postgres and Parquet sides give the same findings", (server) => {
  let dir: string;
  let cleanup: () => void;

  beforeAll(async () => {
    ({ dir, cleanup } = makeWorkspace({}));
    const rows = generateRows();
    const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
    const connection = await instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
    for (const side of ["old", "new"] as const) {
      await server().query(`CREATE TABLE ${side}_features AS ${castSelect(rows[side], PG_TYPES)}`);
      const file = path.join(dir, `${side}.parquet`).replaceAll("'", "''");
      await connection.run(`COPY (${castSelect(rows[side], DUCKDB_TYPES)}) TO '${file}' (FORMAT parquet)`);
    }
    connection.closeSync();
    instance.closeSync();
  });
  afterAll(() => cleanup());

  /** What a diff found, without where the tables came from (files, hashes, timings). */
  async function findings(oldRef: string, newRef: string) {
    const result = await runCli(
      ["diff", oldRef, newRef, "--key", "id", "--json", "report.json", "--no-save"],
      {
        cwd: dir,
      },
    );
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8"));
    return {
      summary: report.summary,
      paths: report.paths,
      columns: report.table.columns,
      rows: report.table.rows,
      types: report.table.schema.types,
      typeChanges: report.table.schema.typeChanges,
      examples: report.examples.map((example: { input: string; differences: unknown }) => ({
        input: example.input,
        differences: example.differences,
      })),
    };
  }

  const postgres = (side: string) => `${server().url}?table=${side}_features`;
  let fromFiles: Awaited<ReturnType<typeof findings>>;

  it("finds the changes in the Parquet files", async () => {
    fromFiles = await findings("old.parquet", "new.parquet");
    expect(fromFiles.rows).toMatchObject({ matched: 299, onlyOld: 1, onlyNew: 1 });
    const changed = Object.fromEntries(
      fromFiles.columns.map((column: { column: string; changed: number }) => [column.column, column.changed]),
    );
    expect(changed).toMatchObject({ score: 4, name: 1, amount: 1, seen: 1, active: 0, day: 0 });
  });

  it.each([
    ["Postgres vs Postgres", "old", "new"],
    ["Postgres vs Parquet", "old", "new.parquet"],
    ["Parquet vs Postgres", "old.parquet", "new"],
  ])("finds the same in %s", async (_, oldSide, newSide) => {
    const side = (name: string) => (name.endsWith(".parquet") ? name : postgres(name));
    expect(fromFiles).toBeDefined();
    expect(await findings(side(oldSide), side(newSide))).toEqual(fromFiles);
  });
});
