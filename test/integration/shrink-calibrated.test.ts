// Shrinking under calibration: old's own noise on the changed path is not "still changed", so a
// candidate that lost the real change is never kept. Real components (a worker, a batch step)
// whose score carries random noise of about 1e-6 relative, and a real change on flagged inputs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { workerComponent } from "../helpers/components.ts";
import { runInProcess } from "../helpers/in-process.ts";

// Twenty inputs of a dozen fields; only #13 is flagged.
const records = Array.from({ length: 20 }, (_, i) => {
  const record: Record<string, unknown> = { id: i, x: 3 + i, flag: i === 13 };
  for (let f = 0; f < 10; f++) record[`f${f}`] = (i * 7 + f) % 11;
  return record;
});

const NOISY_SCORE = "(record.x ?? 1) * (1 + Math.random() * 1e-6)";
// `unit` is stable: an old that differs from itself on every path could not be calibrated.
const OLD_JS = `return { unit: "m", score: ${NOISY_SCORE} };`;
const NEW_JS = `return { unit: "m", score: ${NOISY_SCORE} * (record.flag === true ? 2 : 1) };`;

// The same as a batch step: JSONL in, JSONL out; `new` doubles the flagged rows' score.
const STEP = `import { readFileSync, writeFileSync } from "node:fs";
const [input, output, variant] = process.argv.slice(2);
const rows = readFileSync(input, "utf8").split("\\n").filter(Boolean).map((line) => JSON.parse(line));
const out = rows.map((record) => ({
  id: record.id,
  unit: "m",
  score: ${NOISY_SCORE} * (variant === "new" && record.flag === true ? 2 : 1),
}));
writeFileSync(output, out.map((row) => JSON.stringify(row) + "\\n").join(""));
`;

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function workspace(): string {
  const created = makeWorkspace({
    "inputs.jsonl": jsonl(records),
    "old.mjs": workerComponent(OLD_JS),
    "new.mjs": workerComponent(NEW_JS),
    "step.mjs": STEP,
  });
  cleanups.push(created.cleanup);
  return created.dir;
}

const readReport = (dir: string) => JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8"));
const common = [
  "-i",
  "inputs.jsonl",
  "-n",
  "all",
  "--calibrate",
  "--shrink",
  "--no-save",
  "--json",
  "report.json",
];

describe("--shrink with --calibrate", () => {
  it("keeps what makes a record's change real: noise alone on the path is not the change", async () => {
    const dir = workspace();
    const sides = ["--old", "node old.mjs", "--new", "node new.mjs", "--mode", "worker"];
    const result = await runInProcess(["run", ...sides, ...common], { cwd: dir });
    expect(result.exitCode).toBe(1);
    const report = readReport(dir);
    expect(report.calibration.paths.map((noisy: { path: string }) => noisy.path)).toEqual(["score"]);
    expect(report.summary.changed).toBe(1);
    const [example] = report.examples;
    expect(example.index).toBe(13);
    const minimal = example.minimalInput;
    expect(minimal.target).toEqual({ path: "score", kind: "value" });
    // Without the noise judge, dropping `flag` would still "differ at score" (by noise) and win.
    expect(minimal.input).toMatchObject({ flag: true });
    expect(Object.keys(minimal.input).length).toBeLessThan(Object.keys(records[13]).length);
  }, 120_000);

  it("keeps the flagged row in dataset mode: rows that differ only by noise do not show the change", async () => {
    const dir = workspace();
    const step = (variant: string) => `node step.mjs {input} {output} ${variant}`;
    const sides = ["--old", step("old"), "--new", step("new"), "--mode", "dataset", "--key", "id"];
    const result = await runInProcess(["run", ...sides, ...common], { cwd: dir });
    expect(result.exitCode).toBe(1);
    const report = readReport(dir);
    expect(report.calibration.paths.map((noisy: { path: string }) => noisy.path)).toEqual(["score"]);
    expect(report.summary.changed).toBe(1);
    const minimal = report.examples[0].minimalInput;
    expect(minimal.target).toEqual({ path: "score", kind: "value" });
    // One row is left, and it is the flagged one; any other row still differs by noise.
    expect(minimal.input).toHaveLength(1);
    expect(minimal.input[0]).toMatchObject({ flag: true });
  }, 180_000);
});
