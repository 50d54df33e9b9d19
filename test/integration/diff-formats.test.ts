// `twinrun diff` on one table pair written in every table format (CSV, JSONL, a JSON array,
// Parquet with gzip and zstd, two tables of a DuckDB database): the same schema, row, per-column
// and example findings in each.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, describe, expect, it } from "vitest";
import { sqlString } from "../../src/table/engine/table-engine.ts";
import { makeWorkspace, runCli } from "../helpers/cli.ts";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

type Cell = string | number | null;
type Table = { columns: [string, string][]; rows: Cell[][] };

// region+year is the key; old has a duplicate key (south 2022) and a row only in old (east 2020);
// new drops `legacy`, adds `channel`, writes `sales` as floats, moves `score` by float noise on
// one row and beyond tolerance on another, and changes `note` (ignored) on one row.
const oldTable: Table = {
  columns: [
    ["region", "VARCHAR"],
    ["year", "BIGINT"],
    ["sales", "BIGINT"],
    ["score", "DOUBLE"],
    ["note", "VARCHAR"],
    ["legacy", "VARCHAR"],
  ],
  rows: [
    ["north", 2021, 10, 0.5, "a", "x"],
    ["north", 2022, 12, 0.25, "b", "x"],
    ["south", 2021, 7, 0.125, "c", "x"],
    ["south", 2022, 9, 1.5, "d", "x"],
    ["south", 2022, 9, 1.5, "d2", "x"],
    ["east", 2020, 1, 1, "e", "x"],
  ],
};
const newTable: Table = {
  columns: [
    ["region", "VARCHAR"],
    ["year", "BIGINT"],
    ["sales", "DOUBLE"],
    ["score", "DOUBLE"],
    ["note", "VARCHAR"],
    ["channel", "VARCHAR"],
  ],
  rows: [
    ["south", 2021, 7, 0.125, "c", "web"],
    ["north", 2021, 10, 0.5000001, "a", "web"],
    ["north", 2022, 12, 0.35, "B", "web"],
    ["south", 2022, 9, 1.5, "d", "web"],
    ["west", 2023, 3, 2, "f", "shop"],
  ],
};

/** A cell as a text format writes it: DOUBLE columns always with a fraction (`7.0`), as pandas does. */
function textOf(cell: Cell, type: string): string {
  if (cell === null) return "null";
  if (typeof cell === "string") return JSON.stringify(cell);
  return type === "DOUBLE" && Number.isInteger(cell) ? `${cell}.0` : String(cell);
}

function toJsonRows(table: Table): string[] {
  return table.rows.map(
    (row) =>
      `{${table.columns.map(([name, type], i) => `${JSON.stringify(name)}: ${textOf(row[i], type)}`).join(", ")}}`,
  );
}

function toCsv(table: Table): string {
  const lines = table.rows.map((row) =>
    row.map((cell, i) => (typeof cell === "string" ? cell : textOf(cell, table.columns[i][1]))).join(","),
  );
  return `${[table.columns.map(([name]) => name).join(","), ...lines].join("\n")}\n`;
}

/** The table as a SELECT of typed VALUES. */
function selectOf(table: Table): string {
  const values = table.rows.map(
    (row) =>
      `(${row.map((cell, i) => `${typeof cell === "string" ? sqlString(cell) : String(cell)}::${table.columns[i][1]}`).join(", ")})`,
  );
  const names = table.columns.map(([name]) => `"${name}"`).join(", ");
  return `SELECT * FROM (VALUES ${values.join(", ")}) t(${names})`;
}

async function writeParquet(file: string, table: Table, compression: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (${selectOf(table)}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION ${compression})`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Both tables in one DuckDB database file, as tables `old_t` and `new_t`. */
async function writeDuckdb(file: string): Promise<void> {
  const instance = await DuckDBInstance.create(file, { threads: "1" });
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TABLE old_t AS ${selectOf(oldTable)}`);
    await connection.run(`CREATE TABLE new_t AS ${selectOf(newTable)}`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function writePair(dir: string, format: string): Promise<[string, string]> {
  if (format === "duckdb") {
    await writeDuckdb(path.join(dir, "tables.duckdb"));
    return ["duckdb:tables.duckdb?table=old_t", "duckdb:tables.duckdb?table=new_t"];
  }
  const names: [string, string] = [`old.${format}`, `new.${format}`];
  const tables = [oldTable, newTable];
  const files: Record<string, (table: Table) => string> = {
    csv: toCsv,
    jsonl: (table) => `${toJsonRows(table).join("\n")}\n`,
    json: (table) => `[\n  ${toJsonRows(table).join(",\n  ")}\n]\n`,
  };
  for (const [i, name] of names.entries()) {
    if (format.startsWith("parquet")) {
      names[i] = name.replace(/parquet.*$/, "parquet");
      await writeParquet(path.join(dir, names[i]), tables[i], format.split("-")[1]);
    } else {
      writeFileSync(path.join(dir, name), files[format](tables[i]));
    }
  }
  return names;
}

async function diffFormat(format: string, extra: string[]) {
  const created = makeWorkspace({});
  cleanups.push(created.cleanup);
  const [oldName, newName] = await writePair(created.dir, format);
  const result = await runCli(
    ["diff", oldName, newName, "--key", "region,year", ...extra, "--json", "report.json", "--no-save"],
    { cwd: created.dir },
  );
  expect(result.stderr).toBe("");
  const report = JSON.parse(readFileSync(path.join(created.dir, "report.json"), "utf8"));
  return { ...result, report };
}

const rules = ["--tol", "score=rel:1e-6", "--ignore", "note"];

describe.each(["csv", "jsonl", "json", "parquet-gzip", "parquet-zstd", "duckdb"])(
  "twinrun diff on %s tables",
  (format) => {
    it("reports the schema, the rows, each column and example rows alike", async () => {
      const { exitCode, report, stdout } = await diffFormat(format, rules);
      expect(exitCode).toBe(1);
      expect(report.table.files.new.format).toBe(format.replace(/-.*/, ""));
      expect(report.table.schema).toMatchObject({
        onlyOld: ["legacy"],
        onlyNew: ["channel"],
        typeChanges: [{ column: "sales", old: "int", new: "float" }],
      });
      expect(report.table.rows).toMatchObject({ old: 6, new: 5, matched: 4, onlyOld: 2, onlyNew: 1 });
      expect(report.table.rows.onlyOldExamples.map((row: { key: unknown }) => row.key)).toEqual([
        { region: "south", year: 2022 },
        { region: "east", year: 2020 },
      ]);
      expect(report.table.rows.onlyNewExamples.map((row: { key: unknown }) => row.key)).toEqual([
        { region: "west", year: 2023 },
      ]);
      expect(report.table.rows.duplicates.old).toMatchObject({
        keys: 1,
        extraRows: 1,
        examples: [{ key: { region: "south", year: 2022 } }],
      });
      expect(report.table.rows.duplicates.new).toMatchObject({ keys: 0, extraRows: 0 });
      const columns = Object.fromEntries(
        report.table.columns.map((column: { column: string; changed: number; ignored?: boolean }) => [
          column.column,
          [column.changed, column.ignored ?? false],
        ]),
      );
      expect(columns).toEqual({
        sales: [4, false],
        legacy: [4, false],
        channel: [4, false],
        score: [1, false],
        region: [0, false],
        year: [0, false],
        note: [0, true],
      });
      const score = report.table.columns.find((column: { column: string }) => column.column === "score");
      expect(score.maxAbs).toBeCloseTo(0.1, 9);
      expect(report.summary).toMatchObject({ trials: 7, changed: 7 });
      expect(report.paths.find((stats: { path: string }) => stats.path === "score")).toMatchObject({
        changed: 1,
        kinds: { value: 1 },
      });
      expect(report.paths.find((stats: { path: string }) => stats.path === "sales")).toMatchObject({
        changed: 4,
        kinds: { type: 4 },
      });
      const shown = report.examples.map((example: { input: string }) => example.input);
      expect(shown).toContainEqual(
        expect.stringMatching(/^region="north", year=2022 · old line \d+ · new line \d+$/),
      );
      expect(stdout.indexOf("only in new: channel")).toBeLessThan(stdout.indexOf("Differing rows"));
    });

    it("is equivalent under rules that cover every change, with the schema changes ignored", async () => {
      const { exitCode, report } = await diffFormat(format, [
        "--tol",
        "score=abs:0.2",
        "--ignore",
        "note",
        "--ignore",
        "legacy",
        "--ignore",
        "channel",
        "--ignore",
        "sales",
        "--max-changed",
        "3",
      ]);
      expect(report.table.rows).toMatchObject({ matched: 4, onlyOld: 2, onlyNew: 1 });
      expect(report.summary.changed).toBe(3);
      expect(exitCode).toBe(0);
    });
  },
);

describe("twinrun diff path rules on table columns", () => {
  it("compares timestamps as instants under a timestamps rule: CSV dates against a Parquet timestamp", async () => {
    const created = makeWorkspace({
      "old.csv": "id,at\n1,2017-01-01\n2,2017-01-02 06:30:00\n3,2017-01-03T00:00:00+01:00\n",
      "rules.yaml": "compare: { rules: [{ path: at, timestamps: true }] }\n",
    });
    cleanups.push(created.cleanup);
    const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM (VALUES (1, TIMESTAMP '2017-01-01 00:00:00'), (2, TIMESTAMP '2017-01-02 06:30:00'), ` +
        `(3, TIMESTAMP '2017-01-03 00:00:00')) t(id, "at")) TO ${sqlString(path.join(created.dir, "new.parquet"))} (FORMAT parquet, COMPRESSION zstd)`,
    );
    connection.closeSync();
    instance.closeSync();
    const run = (extra: string[]) =>
      runCli(
        ["diff", "old.csv", "new.parquet", "--key", "id", "--json", "report.json", "--no-save", ...extra],
        {
          cwd: created.dir,
        },
      );
    expect((await run([])).exitCode).toBe(1);
    const asText = JSON.parse(readFileSync(path.join(created.dir, "report.json"), "utf8"));
    expect(asText.table.columns.find((column: { column: string }) => column.column === "at").changed).toBe(3);
    const asInstants = await run(["-c", "rules.yaml"]);
    expect(asInstants.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(path.join(created.dir, "report.json"), "utf8"));
    // Row 3 is midnight at +01:00, an hour before the Parquet value: the one real change.
    expect(report.table.columns.find((column: { column: string }) => column.column === "at")).toMatchObject({
      changed: 1,
    });
    expect(report.examples[0].input).toMatch(/^id=3 /);
  });

  it("pairs rows by the pandas index that to_csv() writes under an empty header, as Unnamed: 0", async () => {
    // What `df.to_csv("old.csv")` writes for a DataFrame with a default index.
    const created = makeWorkspace({
      "old.csv": ",name,score\n0,ada,0.5\n1,bob,1.5\n2,cy,2.5\n",
      "new.csv": ",name,score\n2,cy,2.5\n0,ada,0.75\n1,bob,1.5\n",
    });
    cleanups.push(created.cleanup);
    const result = await runCli(
      ["diff", "old.csv", "new.csv", "--key", "Unnamed: 0", "--json", "report.json", "--no-save"],
      { cwd: created.dir },
    );
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(path.join(created.dir, "report.json"), "utf8"));
    expect(report.table.schema.columns.old).toEqual(["Unnamed: 0", "name", "score"]);
    expect(report.table.rows).toMatchObject({ matched: 3, onlyOld: 0, onlyNew: 0 });
    expect(report.paths).toEqual([expect.objectContaining({ path: "score", changed: 1 })]);
    expect(report.examples[0].input).toMatch(/^Unnamed: 0=0 · /);
  });

  it("matches column names ignoring case with --ignore-column-case, key columns too, and says so", async () => {
    const created = makeWorkspace({
      "old.csv": "ID,Score,name\n1,0.5,ada\n2,1.5,bob\n",
      "new.csv": "id,score,name\n2,1.5,bob\n1,0.75,ada\n",
    });
    cleanups.push(created.cleanup);
    const run = (extra: string[]) =>
      runCli(["diff", "old.csv", "new.csv", "--key", "id", "--json", "report.json", "--no-save", ...extra], {
        cwd: created.dir,
      });
    const strict = await run([]);
    expect(strict.exitCode).toBe(2);
    expect(strict.stderr).toContain('the table has no key column "id"');
    const matched = await run(["--ignore-column-case"]);
    expect(matched.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(path.join(created.dir, "report.json"), "utf8"));
    expect(report.table.schema).toMatchObject({
      onlyOld: [],
      onlyNew: [],
      typeChanges: [],
      caseMatched: [
        { old: "ID", new: "id" },
        { old: "Score", new: "score" },
      ],
    });
    expect(report.table.rows).toMatchObject({ matched: 2, onlyOld: 0, onlyNew: 0 });
    expect(report.paths).toEqual([expect.objectContaining({ path: "Score", changed: 1 })]);
    expect(matched.stdout).toContain("matched ignoring case: id as ID, score as Score");
  });

  it("pairs key cells under the key column's trim and caseInsensitive rules", async () => {
    const created = makeWorkspace({
      "old.csv": "code,v\nab,1\ncd,2\n",
      "new.csv": "code,v\n AB ,1\ncd ,3\n",
      "rules.yaml": "compare: { rules: [{ path: code, trim: true, caseInsensitive: true }] }\n",
    });
    cleanups.push(created.cleanup);
    const run = (extra: string[]) =>
      runCli(
        ["diff", "old.csv", "new.csv", "--key", "code", "--json", "report.json", "--no-save", ...extra],
        {
          cwd: created.dir,
        },
      );
    const report = async (extra: string[]) => {
      const result = await run(extra);
      return {
        exitCode: result.exitCode,
        ...JSON.parse(readFileSync(path.join(created.dir, "report.json"), "utf8")),
      };
    };
    const strict = await report([]);
    expect(strict.table.rows).toMatchObject({ matched: 0, onlyOld: 2, onlyNew: 2 });
    const trimmed = await report(["-c", "rules.yaml"]);
    expect(trimmed.exitCode).toBe(1);
    expect(trimmed.table.rows).toMatchObject({ matched: 2, onlyOld: 0, onlyNew: 0 });
    expect(trimmed.paths).toEqual([expect.objectContaining({ path: "v", changed: 1 })]);
  });
});
