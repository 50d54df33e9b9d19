// One generated table pair, loaded into Postgres and written as Parquet, compared three ways:
// inside the database (pushdown), streamed into the embedded engine (--no-pushdown), and from the
// Parquet files. All three must report the same findings: the same rows changed, the same
// columns changed and how, the same one-sided and duplicate rows, the same schema, the same
// distributions and top values.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Report } from "../../../src/report/types.ts";
import type { TableReport } from "../../../src/table/types.ts";
import { makeWorkspace, runCli } from "../../helpers/cli.ts";
import { describeWithPostgres } from "../../helpers/postgres-server.ts";

/** Column name, Postgres type, DuckDB type. */
const OLD_COLUMNS = [
  ["id", "int8", "BIGINT"],
  ["score", "float8", "DOUBLE"],
  ["visits", "int4", "INTEGER"],
  ["amount", "numeric(10,2)", "DECIMAL(10,2)"],
  ["label", "text", "VARCHAR"],
  ["active", "bool", "BOOLEAN"],
  ["day", "date", "DATE"],
  ["rank", "int4", "INTEGER"],
] as const;
const NEW_COLUMNS = OLD_COLUMNS.map((column) =>
  column[0] === "rank" ? (["rank", "float8", "DOUBLE"] as const) : column,
);

type Row = (string | number | boolean | null)[];

/** A reproducible generator (mulberry32), so the pair is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Old and new rows: noise within tolerance, changes beyond it, NaN, ±Infinity, −0, nulls, keys on one side, duplicates. */
function generatePair(): { old: Row[]; new: Row[] } {
  const next = random(42);
  const labels = ["red", "green", "blue", "amber"];
  const oldRows: Row[] = [];
  const newRows: Row[] = [];
  for (let id = 1; id <= 400; id++) {
    const score = Math.round(next() * 1e6) / 1e3;
    const special = id % 97 === 0 ? "NaN" : id % 89 === 0 ? "Infinity" : id % 83 === 0 ? "-0" : score;
    const old: Row = [
      id,
      special,
      Math.floor(next() * 100),
      (Math.floor(next() * 1e5) / 100).toFixed(2),
      id % 31 === 0 ? null : labels[id % 4],
      id % 3 === 0,
      `2024-01-${String((id % 28) + 1).padStart(2, "0")}`,
      id % 5,
    ];
    const changed = [...old];
    if (typeof special === "number") {
      // Float noise far inside 1e-6 relative on most rows; a real change on every 13th.
      changed[1] = id % 13 === 0 ? special + 0.5 : special * (1 + 1e-12);
    }
    if (id % 89 === 0 && id % 2 === 1) changed[1] = "-Infinity";
    if (id % 17 === 0) changed[2] = (old[2] as number) + 1;
    if (id % 23 === 0) changed[4] = "purple";
    if (id % 29 === 0) changed[3] = null;
    if (id % 41 === 0) changed[5] = !(old[5] as boolean);
    if (id % 101 !== 0) oldRows.push(old);
    if (id % 103 !== 0) newRows.push(changed);
  }
  // Duplicate keys on each side.
  oldRows.push([7, 1.5, 1, "1.00", "red", true, "2024-02-01", 1]);
  newRows.push(
    [8, 2.5, 2, "2.00", "blue", false, "2024-02-02", 2],
    [8, 2.5, 2, "2.00", "blue", false, "2024-02-02", 2],
  );
  return { old: oldRows, new: newRows };
}

describeWithPostgres("pushdown, streaming and Parquet agree", (server) => {
  let dir: string;
  let cleanup: () => void;
  const pair = generatePair();

  beforeAll(async () => {
    ({ dir, cleanup } = makeWorkspace({}));
    for (const [side, columns] of [
      ["old", OLD_COLUMNS],
      ["new", NEW_COLUMNS],
    ] as const) {
      const rows = pair[side];
      await server().query(
        `CREATE TABLE ${side}_features (${columns.map(([name, type]) => `${name} ${type}`).join(", ")})`,
      );
      const width = columns.length;
      const placeholders = rows.map(
        (_, r) => `(${columns.map(([, type], c) => `$${r * width + c + 1}::${type}`).join(", ")})`,
      );
      await server().query(
        `INSERT INTO ${side}_features VALUES ${placeholders.join(", ")}`,
        rows.flat().map((value) => (value === null ? null : String(value))),
      );
    }
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    for (const [side, columns] of [
      ["old", OLD_COLUMNS],
      ["new", NEW_COLUMNS],
    ] as const) {
      await connection.run(
        `CREATE TABLE t (${columns.map(([name, , type]) => `"${name}" ${type}`).join(", ")})`,
      );
      for (const row of pair[side]) {
        const values = row.map((value, c) =>
          value === null ? "NULL" : `'${String(value) === "-0" ? "-0.0" : String(value)}'::${columns[c][2]}`,
        );
        await connection.run(`INSERT INTO t VALUES (${values.join(", ")})`);
      }
      await connection.run(`COPY t TO '${path.join(dir, `${side}.parquet`)}' (FORMAT parquet)`);
      await connection.run("DROP TABLE t");
    }
    connection.closeSync();
    instance.closeSync();
  }, 120_000);
  afterAll(() => cleanup());

  async function diff(oldRef: string, newRef: string, extra: string[]) {
    const result = await runCli(
      [
        "diff",
        oldRef,
        newRef,
        "--key",
        "id",
        "--rel",
        "1e-6",
        "--json",
        "report.json",
        "--no-save",
        ...extra,
      ],
      { cwd: dir },
    );
    expect(result.stderr).toBe("");
    return {
      exitCode: result.exitCode,
      stdout: result.stdout,
      report: JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8")),
    };
  }

  /** What a report finds, without the parts that name where it ran (sources, lines, timings). */
  function findings(report: Report) {
    const { summary, paths } = report;
    const table = report.table as TableReport;
    const duplicates = table.rows.duplicates ?? {
      old: { keys: -1, extraRows: -1 },
      new: { keys: -1, extraRows: -1 },
    };
    const near = (value: number | undefined) =>
      value === undefined ? undefined : Number(value.toPrecision(9));
    return {
      summary: { trials: summary.trials, same: summary.same, changed: summary.changed },
      paths: paths.map((entry) => ({ path: entry.path, changed: entry.changed, kinds: entry.kinds })),
      rows: {
        ...table.rows,
        onlyOldExamples: table.rows.onlyOldExamples.map((entry) => entry.key),
        onlyNewExamples: table.rows.onlyNewExamples.map((entry) => entry.key),
        duplicates: {
          old: { keys: duplicates.old.keys, extraRows: duplicates.old.extraRows },
          new: { keys: duplicates.new.keys, extraRows: duplicates.new.extraRows },
        },
      },
      columns: table.columns.map((entry) => ({
        ...entry,
        maxAbs: near(entry.maxAbs),
        maxRel: near(entry.maxRel),
        meanAbs: near(entry.meanAbs),
      })),
      schema: { typeChanges: table.schema.typeChanges, types: table.schema.types },
      distribution: table.distribution.map((entry) => ({
        column: entry.column,
        psi: near(entry.psi ?? undefined),
        bins: entry.bins,
        old: Object.fromEntries(Object.entries(entry.old).map(([k, v]) => [k, near(v as number)])),
        new: Object.fromEntries(Object.entries(entry.new).map(([k, v]) => [k, near(v as number)])),
      })),
      categories: table.categories,
      exampleKeys: report.examples.map((example) => example.inputText.split(" · ")[0]),
    };
  }

  it("reports the same findings inside the database, streamed, and from Parquet", async () => {
    const table = (name: string) => `${server().url}?table=${name}`;
    const pushed = await diff(table("old_features"), table("new_features"), [
      "--markdown",
      "report.md",
      "--html",
      "report.html",
    ]);
    const streamed = await diff(table("old_features"), table("new_features"), ["--no-pushdown"]);
    const parquet = await diff("old.parquet", "new.parquet", []);
    expect(pushed.report.table.engine).toMatchObject({ kind: "pushdown" });
    expect(streamed.report.table.engine).toEqual({ kind: "embedded", streamed: ["old", "new"] });
    expect(parquet.report.table.engine).toBeUndefined();
    // Every report says where the comparison ran.
    const where = `compared inside the database (pushdown) at postgresql://twinrun@127.0.0.1:${server().port}/twinrun`;
    expect(pushed.stdout).toContain(where);
    expect(readFileSync(path.join(dir, "report.md"), "utf8")).toContain(where);
    expect(readFileSync(path.join(dir, "report.html"), "utf8")).toContain(where);
    expect(streamed.stdout).toContain("compared in the embedded engine; old and new streamed from Postgres");
    expect(pushed.exitCode).toBe(1);
    expect(findings(pushed.report)).toEqual(findings(parquet.report));
    expect(findings(streamed.report)).toEqual(findings(parquet.report));
    // The changes generated are all there: noise is not counted, real changes are.
    const changed = Object.fromEntries(
      pushed.report.table.columns.map((entry: { column: string; changed: number }) => [
        entry.column,
        entry.changed,
      ]),
    );
    expect(changed.rank).toBeGreaterThan(390);
    expect(changed.label).toBe(17);
    expect(changed.active).toBe(9);
    expect(pushed.report.table.rows).toMatchObject({ onlyOld: 4, onlyNew: 5 });
  }, 180_000);
});
