// Dataset mode end to end: the CLI (in-process) runs real batch steps (node and python3 scripts)
// once per side on the sample written to a file, and compares their output tables.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runTwin } from "../../src/index.ts";
import { makeWorkspace, REPO_ROOT } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

const STEP_JS = path.join(REPO_ROOT, "test/fixtures/datasets/step.mjs");
const STEP_PY = path.join(REPO_ROOT, "test/fixtures/datasets/step.py");

const customers = Array.from({ length: 40 }, (_, i) => ({
  id: i + 1,
  region: ["north", "south", "east"][i % 3],
  year: 2020 + (i % 4),
  amount: (i * 7.25 + 3).toFixed(2),
  visits: (i % 5) + 1,
}));
const csv = `id,region,year,amount,visits\n${customers.map((c) => `${c.id},${c.region},${c.year},${c.amount},${c.visits}`).join("\n")}\n`;

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

const node = (variant: string, extra = "--out {output}") =>
  `node ${STEP_JS} --in {input} ${extra} --variant ${variant}`;
const python = (variant: string) => `python3 ${STEP_PY} --in {input} --out {output} --variant ${variant}`;

async function runDataset(oldCommand: string, newCommand: string, args: string[] = []) {
  const created = makeWorkspace({ "customers.csv": csv });
  cleanups.push(created.cleanup);
  const result = await runInProcess(
    [
      "run",
      "--old",
      oldCommand,
      "--new",
      newCommand,
      "--mode",
      "dataset",
      "-i",
      "customers.csv",
      "--json",
      "report.json",
      ...args,
    ],
    { cwd: created.dir },
  );
  const reportPath = path.join(created.dir, "report.json");
  const report = existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, "utf8")) : undefined;
  return { ...result, report, dir: created.dir };
}

describe("dataset mode with python3 batch steps", () => {
  it("finds two runs of the same step equivalent, saying on stderr what it waits for", async () => {
    const { exitCode, report, stdout, stderr } = await runDataset(python("same"), python("same"), [
      "--key",
      "id",
    ]);
    // A batch step reports nothing along the way.
    expect(stderr).toContain("twinrun: dataset mode: running old and new once each on 40 records");
    expect(exitCode).toBe(0);
    expect(report.verdict).toBe("equivalent");
    expect(report.table.rows).toMatchObject({ old: 40, new: 40, matched: 40, onlyOld: 0, onlyNew: 0 });
    expect(report.dataset).toMatchObject({
      inputFormat: "csv",
      outputFormat: "csv",
      old: { status: "ok", rows: 40 },
    });
    expect(stdout).toContain("✓ EQUIVALENT");
  });

  it("finds reordered rows equivalent under a key, and changed by position", async () => {
    expect((await runDataset(python("same"), python("reorder"), ["--key", "id"])).exitCode).toBe(0);
    const byPosition = await runDataset(python("same"), python("reorder"));
    expect(byPosition.exitCode).toBe(1);
    expect(byPosition.report.table.match).toEqual({ by: "position" });
  });

  it("reports a dropped row by its key", async () => {
    const { exitCode, report } = await runDataset(python("same"), python("drop"), ["--key", "id"]);
    expect(exitCode).toBe(1);
    expect(report.table.rows).toMatchObject({
      matched: 39,
      onlyOld: 1,
      onlyNew: 0,
      onlyOldExamples: [{ key: { id: 3 } }],
    });
    expect(report.summary).toMatchObject({ trials: 40, changed: 1 });
  });

  it("reports an int column written as floats as a type change", async () => {
    const { exitCode, report } = await runDataset(python("same"), python("float"), ["--key", "id"]);
    expect(exitCode).toBe(1);
    expect(report.table.schema.typeChanges).toEqual([{ column: "visits", old: "int", new: "float" }]);
    expect(report.table.columns[0]).toMatchObject({ column: "visits", changed: 40 });
    expect(report.paths).toEqual([expect.objectContaining({ path: "visits", kinds: { type: 40 } })]);
  });
});

describe("dataset mode with node batch steps", () => {
  it("reports an added column in the schema", async () => {
    const { exitCode, report } = await runDataset(node("same"), node("addcol"), ["--key", "id"]);
    expect(exitCode).toBe(1);
    expect(report.table.schema).toMatchObject({ onlyOld: [], onlyNew: ["flag"] });
  });

  it("matches composite keys and reports duplicate keys without collapsing them", async () => {
    const { exitCode, report } = await runDataset(node("same"), node("dup"), ["--key", "region,id"]);
    expect(exitCode).toBe(1);
    expect(report.table.match).toEqual({ by: "key", key: ["region", "id"] });
    expect(report.table.rows.duplicates.new).toMatchObject({
      keys: 1,
      extraRows: 1,
      examples: [{ key: { region: "south", id: 5 } }],
    });
    expect(report.table.rows).toMatchObject({ matched: 40, onlyNew: 1 });
  });

  it("reads stdout when the command has no {output}, in the format asked for", async () => {
    const { exitCode, report } = await runDataset(
      node("same", "--format jsonl"),
      node("reorder", "--format jsonl"),
      ["--key", "id", "--output-format", "jsonl"],
    );
    expect(exitCode).toBe(0);
    expect(report.dataset.outputFormat).toBe("jsonl");
    expect(report.table.rows.matched).toBe(40);
  });

  it("reads Parquet output", async () => {
    const same = await runDataset(node("same"), node("reorder"), [
      "--key",
      "id",
      "--output-format",
      "parquet",
    ]);
    expect(same.exitCode).toBe(0);
    expect(same.report.dataset.outputFormat).toBe("parquet");
    expect(same.report.table.schema.types.new).toMatchObject({ id: "int", region: "string", ratio: "float" });
    const dropped = await runDataset(node("same"), node("drop"), [
      "--key",
      "id",
      "--output-format",
      "parquet",
    ]);
    expect(dropped.exitCode).toBe(1);
    expect(dropped.report.table.rows).toMatchObject({
      matched: 39,
      onlyOld: 1,
      onlyOldExamples: [{ key: { id: 3 } }],
    });
  });

  it("writes the sample in another format when asked (--dataset-format jsonl)", async () => {
    const { exitCode, report } = await runDataset(node("same"), node("same"), [
      "--key",
      "id",
      "--dataset-format",
      "jsonl",
      "--output-format",
      "csv",
    ]);
    expect(exitCode).toBe(0);
    expect(report.dataset).toMatchObject({ inputFormat: "jsonl", outputFormat: "csv" });
  });

  it("gates on PSI when values may move but their distribution must not", async () => {
    const shifted = await runDataset(node("same"), node("shift"), [
      "--key",
      "id",
      "--ignore",
      "amount_x2",
      "--psi-max",
      "0.1",
    ]);
    expect(shifted.exitCode).toBe(1);
    expect(shifted.report.summary.changed).toBe(0);
    expect(shifted.report.gate.reason).toMatch(/PSI above 0.1: amount_x2/);
    const stable = await runDataset(node("same"), node("reorder"), ["--key", "id", "--psi-max", "0.1"]);
    expect(stable.exitCode).toBe(0);
  });

  it("keeps the sample and outputs with --keep-temp, and names the folder", async () => {
    const { exitCode, report } = await runDataset(node("same"), node("same"), [
      "--key",
      "id",
      "--sample",
      "10",
      "--keep-temp",
    ]);
    expect(exitCode).toBe(0);
    const folder = report.dataset.keptTemp;
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    expect(readdirSync(folder).sort()).toEqual(["new-output.csv", "old-output.csv", "sample.csv"]);
    const sampleLines = readFileSync(path.join(folder, "sample.csv"), "utf8").trim().split("\n");
    expect(sampleLines[0]).toBe("id,region,year,amount,visits");
    expect(sampleLines).toHaveLength(11);
    for (const line of sampleLines.slice(1)) expect(csv).toContain(`${line}\n`);
  });

  it("removes its temporary files by default", async () => {
    const { report } = await runDataset(node("same"), node("same"), ["--key", "id"]);
    expect(report.dataset.keptTemp).toBeUndefined();
  });
});

describe("dataset mode when a side fails", () => {
  it("reports a failing side with its exit status and stderr, as a change", async () => {
    const { exitCode, report, stdout } = await runDataset(node("same"), node("fail"), ["--key", "id"]);
    expect(exitCode).toBe(1);
    expect(report.dataset.new).toMatchObject({ status: "failure", failure: { kind: "exit", exitCode: 2 } });
    expect(report.dataset.new.failure.stderr).toContain("boom: the feature store is unreachable");
    expect(report.table).toBeUndefined();
    expect(stdout).toContain("boom: the feature store is unreachable");
  });

  it("reports an output that cannot be read as that side's failure", async () => {
    const { exitCode, report } = await runDataset(node("same"), node("garbage"), ["--key", "id"]);
    expect(exitCode).toBe(1);
    expect(report.dataset.new).toMatchObject({ status: "failure", failure: { kind: "unparsable" } });
    expect(report.dataset.new.failure.message).toContain("new-output.csv");
  });

  it("reports two unreadable outputs as two failures, not as a change", async () => {
    const { exitCode, report } = await runDataset(node("garbage"), node("garbage"), ["--key", "id"]);
    expect(exitCode).toBe(3);
    expect(report.dataset.old).toMatchObject({ status: "failure", failure: { kind: "unparsable" } });
    expect(report.dataset.new).toMatchObject({ status: "failure", failure: { kind: "unparsable" } });
  });

  it("exits 3 when both sides fail, since nothing was compared", async () => {
    const { exitCode, report } = await runDataset(node("fail"), node("fail"), ["--key", "id"]);
    expect(exitCode).toBe(3);
    expect(report.verdict).toBe("error");
    expect(report.error).toContain("both sides failed");
  });
});

describe("dataset mode with accepted differences", () => {
  it("passes once a reviewer accepted the dropped row, and fails again on a further change", async () => {
    const created = makeWorkspace({ "customers.csv": csv });
    cleanups.push(created.cleanup);
    const run = (newVariant: string) =>
      runInProcess(
        [
          "run",
          "--old",
          node("same"),
          "--new",
          node(newVariant),
          "--mode",
          "dataset",
          "-i",
          "customers.csv",
          "--key",
          "id",
          "--json",
          "report.json",
        ],
        { cwd: created.dir },
      );
    expect((await run("drop")).exitCode).toBe(1);
    const accept = await runInProcess(["accept", "report.json", "--out", "twinrun.accepted.yaml"], {
      cwd: created.dir,
    });
    expect(accept.exitCode).toBe(0);
    const accepted = await run("drop");
    expect(accepted.exitCode).toBe(0);
    const report = JSON.parse(readFileSync(path.join(created.dir, "report.json"), "utf8"));
    expect(report.accepted.entries).toEqual([expect.objectContaining({ path: "$", status: "used" })]);
    expect((await run("addcol")).exitCode).toBe(1);
  });
});

describe("dataset mode through the programmatic API", () => {
  it("takes the table and dataset sections like the config file", async () => {
    const created = makeWorkspace({ "customers.csv": csv });
    cleanups.push(created.cleanup);
    const report = await runTwin({
      old: { command: node("same"), mode: "dataset" },
      new: { command: node("drop"), mode: "dataset" },
      input: { path: "customers.csv" },
      table: { key: "id" },
      dataset: { outputFormat: "jsonl" },
      cwd: created.dir,
    });
    expect(report.verdict).toBe("changed");
    expect(report.dataset?.outputFormat).toBe("jsonl");
    expect(report.table?.rows).toMatchObject({ matched: 39, onlyOld: 1 });
  });
});
