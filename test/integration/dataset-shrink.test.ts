// Shrinking in dataset mode end to end: real batch steps (node scripts) on a CSV sample; the
// changed example's input shrinks to the fewest rows and simplest cells that still change the
// same column the same way, and its repro config runs exactly those rows.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorkspace } from "../helpers/cli.ts";
import { runInProcess as runCli } from "../helpers/in-process.ts";

// A batch step: input CSV in, a bucket per row out; "new" changes the bucket of a few ages.
const STEP = `import { readFileSync, writeFileSync } from "node:fs";
const [input, output, variant] = process.argv.slice(2);
const [header, ...lines] = readFileSync(input, "utf8").trim().split("\\n");
const names = header.split(",");
const rows = lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i], cell])));
const out = rows.map((row) => {
  const age = Number(row.age);
  const changed = variant === "new" && [25, 40, 65].includes(age);
  return [row.id, age, changed ? -1 : Math.floor(age / 10)].join(",");
});
writeFileSync(output, "id,age,bucket\\n" + out.join("\\n") + "\\n");
`;

const ages = [22, 31, 47, 25, 58, 70, 33, 40, 19, 65];
const people = `id,age,income,city\n${Array.from({ length: 40 }, (_, i) => `${i},${ages[i % ages.length]},${1000 + i * 137},c${i % 3}`).join("\n")}\n`;

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = makeWorkspace({ "step.mjs": STEP, "people.csv": people }));
});
afterAll(() => cleanup());

const datasetArgs = [
  "run",
  "--old",
  "node step.mjs {input} {output} old",
  "--new",
  "node step.mjs {input} {output} new",
  "--mode",
  "dataset",
  "-i",
  "people.csv",
  "--key",
  "id",
];

describe("--shrink in dataset mode", () => {
  it("shrinks the first changed row's input to one row of one cell, and the repro shows the change", async () => {
    const result = await runCli([...datasetArgs, "--shrink", "--json", "report.json"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8"));
    const [first, second] = report.examples;
    // Row id=3 (age 25) is the first changed one.
    expect(first.old.output).toMatchObject({ id: 3, bucket: 2 });
    const minimal = first.minimalInput;
    expect(minimal).toMatchObject({ target: { path: "bucket", kind: "value" }, stopped: "done" });
    expect(minimal.input).toEqual([{ age: 25 }]);
    expect(minimal.steps).toBeGreaterThan(0);
    expect(second.minimalInput).toBeUndefined();
    expect(result.stdout).toContain("minimal input (bucket value; ");
    expect(readFileSync(path.join(dir, minimal.file), "utf8")).toBe('{"age":25}\n');

    const repro = await runCli(["run", "-c", path.join(dir, ".twinrun/minimal/input-3.config.json")], {
      cwd: dir,
    });
    expect(repro.exitCode).toBe(1);
    const reproReport = JSON.parse(
      readFileSync(path.join(dir, ".twinrun/minimal/input-3.report.json"), "utf8"),
    );
    expect(reproReport.dataset).toMatchObject({ inputFormat: "csv", outputFormat: "csv" });
    expect(reproReport.paths).toEqual([expect.objectContaining({ path: "bucket", changed: 1 })]);
  });

  it("stops at its step budget", async () => {
    const result = await runCli(
      [...datasetArgs, "--shrink", "--shrink-steps", "2", "--json", "budget.json"],
      {
        cwd: dir,
      },
    );
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(path.join(dir, "budget.json"), "utf8"));
    expect(report.examples[0].minimalInput).toMatchObject({ steps: 2, stopped: "steps" });
  });
});

describe("shrinking where there is nothing to run", () => {
  it("says a diff of two files has no components to shrink with", async () => {
    const same = "id,age\n1,2\n";
    const changed = "id,age\n1,3\n";
    const files = makeWorkspace({ "old.csv": same, "new.csv": changed });
    try {
      const diff = await runCli(["diff", "old.csv", "new.csv", "--json", "diff.json"], { cwd: files.dir });
      expect(diff.exitCode).toBe(1);
      const shrink = await runCli(["shrink", "diff.json", "0"], { cwd: files.dir });
      expect(shrink.exitCode).toBe(2);
      expect(shrink.stderr).toContain("a diff of two files has no components to shrink an input with");
      expect(existsSync(path.join(files.dir, ".twinrun/minimal"))).toBe(false);
    } finally {
      files.cleanup();
    }
  });
});
