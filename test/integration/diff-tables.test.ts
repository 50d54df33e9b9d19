// `twinrun diff` on table files: schema, rows and per-column findings through the CLI (in-process).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import { afterEach, describe, expect, it } from "vitest";
import { makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

async function diff(files: Record<string, string>, args: string[], prepare?: (dir: string) => void) {
  const created = makeWorkspace(files);
  cleanups.push(created.cleanup);
  prepare?.(created.dir);
  const result = await runInProcess(["diff", ...args, "--json", "report.json"], { cwd: created.dir });
  const report =
    result.exitCode <= 1
      ? JSON.parse(readFileSync(path.join(created.dir, "report.json"), "utf8"))
      : undefined;
  return { ...result, report };
}

const header = "region,year,sales,score,updated_at";
const oldCsv = `${header}\nnorth,2021,10,0.5,2024-01-01\nnorth,2022,12,0.25,2024-01-01\nsouth,2021,7,0.125,2024-01-01\nsouth,2022,9,1.5,2024-01-01\n`;

describe("twinrun diff on CSV tables", () => {
  it("is equivalent for rows reordered under a composite key", async () => {
    const reordered = `${header}\nsouth,2022,9,1.5,2024-01-01\nnorth,2021,10,0.5,2024-01-01\nsouth,2021,7,0.125,2024-01-01\nnorth,2022,12,0.25,2024-01-01\n`;
    const { exitCode, report } = await diff({ "old.csv": oldCsv, "new.csv": reordered }, [
      "old.csv",
      "new.csv",
      "--key",
      "region,year",
    ]);
    expect(exitCode).toBe(0);
    expect(report.table.rows).toMatchObject({ old: 4, new: 4, matched: 4 });
  });

  it("reports a dropped row, an added column and an int column that became float, schema first", async () => {
    const changed = `region,year,sales,score,updated_at,channel\nnorth,2021,10.0,0.5,2024-01-01,web\nnorth,2022,12.0,0.25,2024-01-01,web\nsouth,2022,9.0,1.5,2024-01-01,shop\n`;
    const { exitCode, report, stdout } = await diff({ "old.csv": oldCsv, "new.csv": changed }, [
      "old.csv",
      "new.csv",
      "--key",
      "region,year",
    ]);
    expect(exitCode).toBe(1);
    expect(report.table.schema).toMatchObject({
      onlyOld: [],
      onlyNew: ["channel"],
      typeChanges: [{ column: "sales", old: "int", new: "float" }],
    });
    expect(report.table.rows).toMatchObject({
      matched: 3,
      onlyOld: 1,
      onlyOldExamples: [{ key: { region: "south", year: 2021 } }],
    });
    const sales = report.table.columns.find((column: { column: string }) => column.column === "sales");
    expect(sales).toMatchObject({ compared: 3, changed: 3, maxAbs: 0 });
    expect(stdout.indexOf("channel")).toBeLessThan(stdout.indexOf("south"));
  });

  it("applies column tolerances and ignores by column name", async () => {
    const drifted = oldCsv.replace("0.5,", "0.5000001,").replaceAll("2024-01-01", "2024-02-02");
    const strict = await diff({ "old.csv": oldCsv, "new.csv": drifted }, [
      "old.csv",
      "new.csv",
      "--key",
      "region,year",
    ]);
    expect(strict.exitCode).toBe(1);
    expect(strict.report.paths.map((stats: { path: string }) => stats.path)).toEqual(["updated_at", "score"]);
    const tolerant = await diff({ "old.csv": oldCsv, "new.csv": drifted }, [
      "old.csv",
      "new.csv",
      "--key",
      "region,year",
      "--tol",
      "score=rel:1e-6",
      "--ignore",
      "updated_at",
    ]);
    expect(tolerant.exitCode).toBe(0);
    const score = tolerant.report.table.columns.find(
      (column: { column: string }) => column.column === "score",
    );
    expect(score.maxAbs).toBeCloseTo(1e-7, 12);
  });

  it("compares a column to N significant digits with --tol <column>=sig:N", async () => {
    const prices = (values: string[]) =>
      `id,price\n${values.map((value, id) => `${id},${value}`).join("\n")}\n`;
    const files = {
      "old.csv": prices(["1234.561", "0.00123456", "99.5"]),
      "new.csv": prices(["1234.564", "0.00123457", "99.5"]),
    };
    const strict = await diff(files, ["old.csv", "new.csv", "--key", "id"]);
    expect(strict.exitCode).toBe(1);
    expect(strict.report.table.columns[0]).toMatchObject({ column: "price", changed: 2 });
    const five = await diff(files, ["old.csv", "new.csv", "--key", "id", "--tol", "price=sig:5"]);
    expect(five.exitCode).toBe(0);
    const six = await diff(files, ["old.csv", "new.csv", "--key", "id", "--tol", "price=sig:6"]);
    expect(six.exitCode).toBe(1);
    expect(six.report.table.columns[0]).toMatchObject({ column: "price", changed: 1 });
    expect(six.report.examples[0].input).toMatch(/^id=1 /);
  });

  it("says in the summary and the gate line when only the schema changed", async () => {
    const files = {
      "old.jsonl": '{"id": 1, "v": 2}\n',
      "new.jsonl": '{"id": 1, "v": 2, "w": null}\n',
      "twinrun.config.yaml": "compare: { nullEqualsMissing: true }\n",
    };
    const { exitCode, stdout, report } = await diff(files, ["old.jsonl", "new.jsonl", "--key", "id"]);
    expect(exitCode).toBe(1);
    expect(report.summary.changed).toBe(0);
    expect(stdout.split("\n")[0]).toBe("✗ CHANGED  0 of 1 rows changed (0%) · 1 same · schema changed");
    expect(stdout).toMatch(/^ {2}gate {3}failed \(the schema changed; max changed 0\) → exit 1/m);
  });

  it("reports column order only when asked", async () => {
    const swapped = oldCsv
      .split("\n")
      .map((line) => (line === "" ? line : line.split(",").reverse().join(",")))
      .join("\n");
    expect(
      (await diff({ "old.csv": oldCsv, "new.csv": swapped }, ["old.csv", "new.csv", "--key", "region,year"]))
        .exitCode,
    ).toBe(0);
    const asked = await diff({ "old.csv": oldCsv, "new.csv": swapped }, [
      "old.csv",
      "new.csv",
      "--key",
      "region,year",
      "--column-order",
    ]);
    expect(asked.exitCode).toBe(1);
    expect(asked.report.table.schema.orderChanged).toBe(true);
  });

  it("gives the distribution view and gates on --psi-max", async () => {
    const rows = (shift: number) =>
      `id,x\n${Array.from({ length: 200 }, (_, i) => `${i},${(i % 50) + shift}`).join("\n")}\n`;
    const args = ["old.csv", "new.csv", "--key", "id", "--ignore", "x", "--psi-max", "0.2"];
    const moved = await diff({ "old.csv": rows(0), "new.csv": rows(30) }, args);
    expect(moved.exitCode).toBe(1);
    const x = moved.report.table.distribution.find((stats: { column: string }) => stats.column === "x");
    expect(x.psi).toBeGreaterThan(0.2);
    expect(x.old).toMatchObject({ count: 200, min: 0, max: 49 });
    const still = await diff({ "old.csv": rows(0), "new.csv": rows(0) }, args);
    expect(still.exitCode).toBe(0);
  });

  it("finds two tables without rows but with the same header equivalent, and different headers changed", async () => {
    expect((await diff({ "old.csv": "a,b\n", "new.csv": "a,b\n" }, ["old.csv", "new.csv"])).exitCode).toBe(0);
    const changed = await diff({ "old.csv": "a,b\n", "new.csv": "a,c\n" }, ["old.csv", "new.csv"]);
    expect(changed.exitCode).toBe(1);
    expect(changed.report.table.schema).toMatchObject({ onlyOld: ["b"], onlyNew: ["c"] });
  });
});

describe("twinrun diff reports for CI", () => {
  it("writes a Markdown summary of the table comparison with --markdown", async () => {
    const created = makeWorkspace({ "old.csv": "id,x\n1,1\n2,2\n", "new.csv": "id,x\n1,1\n2,3\n" });
    cleanups.push(created.cleanup);
    const result = await runInProcess(
      ["diff", "old.csv", "new.csv", "--key", "id", "--markdown", "summary.md"],
      {
        cwd: created.dir,
      },
    );
    expect(result.exitCode).toBe(1);
    const markdown = readFileSync(path.join(created.dir, "summary.md"), "utf8");
    expect(markdown).toContain("Schema and rows");
    expect(markdown).toMatch(/`x`/);
  });
});

describe("twinrun diff on Parquet tables", () => {
  it("compares a Parquet file with a CSV file of the same table, and finds a changed value", async () => {
    const write = (dir: string) => {
      const buffer = parquetWriteBuffer({
        columnData: [
          { name: "id", data: [1, 2, 3], type: "INT32" },
          { name: "name", data: ["a", "b", "c"], type: "STRING" },
          { name: "score", data: [0.5, 1.5, 2.75], type: "DOUBLE" },
        ],
      });
      writeFileSync(path.join(dir, "new.parquet"), Buffer.from(buffer));
    };
    const same = await diff(
      { "old.csv": "id,name,score\n3,c,2.75\n1,a,0.5\n2,b,1.5\n" },
      ["old.csv", "new.parquet", "--key", "id"],
      write,
    );
    expect(same.exitCode).toBe(0);
    expect(same.report.table.files.new.format).toBe("parquet");
    const changed = await diff(
      { "old.csv": "id,name,score\n1,a,0.5\n2,b,1.5\n3,c,2.5\n" },
      ["old.csv", "new.parquet", "--key", "id"],
      write,
    );
    expect(changed.exitCode).toBe(1);
    expect(changed.report.table.columns[0]).toMatchObject({ column: "score", changed: 1, maxAbs: 0.25 });
  });
});
