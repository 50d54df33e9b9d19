// The report's trust figures end to end: the change-rate bound and the slowdown gate, through the
// real CLI on real components.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RecordsReport } from "../../src/report/types.ts";
import { jsonl, makeWorkspace, runCli } from "../helpers/cli.ts";
import { pairRunArgs, workerComponent } from "../helpers/components.ts";

const records = Array.from({ length: 2000 }, (_, i) => ({ id: i, x: i % 97 }));
const SAME = "return { id: record.id, y: record.x * 2 };";
// Blocks for a fixed time per input: a deterministic duration, far apart between the two sides.
const sleeping = (ms: number) =>
  `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});\n  return { id: record.id, y: record.x * 2 };`;

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function workspace(oldBody: string, newBody: string, inputs = records) {
  const created = makeWorkspace({
    "inputs.jsonl": jsonl(inputs),
    "old.mjs": workerComponent(oldBody),
    "new.mjs": workerComponent(newBody),
  });
  cleanups.push(created.cleanup);
  return created.dir;
}

const run = (dir: string, extra: string[]) =>
  runCli([...pairRunArgs("worker"), ...extra], {
    cwd: dir,
  });

function readReport(dir: string, file = "report.json"): RecordsReport {
  return JSON.parse(readFileSync(path.join(dir, file), "utf8"));
}

describe("the change-rate bound", () => {
  it("states what 0 changes in 500 random inputs of 2,000 rule out, in JSON, terminal and Markdown", async () => {
    const dir = workspace(SAME, SAME);
    const result = await run(dir, [
      "-n",
      "500",
      "--strategy",
      "random",
      "--json",
      "report.json",
      "--markdown",
      "summary.md",
      "--target-rate",
      "0.1%",
    ]);
    expect(result.exitCode).toBe(0);
    const rate = readReport(dir).summary.changeRate;
    expect(rate).toMatchObject({
      applies: true,
      method: "hypergeometric",
      population: 2000,
      sampled: 500,
      changed: 0,
      low: 0,
      highCount: 10,
      high: 0.005,
    });
    expect(rate?.target).toEqual({ rate: 0.001, sampleSize: 1553 });
    const sentence =
      "0 of 500 inputs sampled changed: with 95% confidence at most 10 of the 2,000 inputs (0.5%) change.";
    expect(result.stdout).toContain(sentence);
    expect(result.stdout).toContain("takes 1,553 random inputs with no change among them (this run: 500)");
    expect(readFileSync(path.join(dir, "summary.md"), "utf8")).toContain(sentence);
  });

  it("says no bound applies to the first inputs", async () => {
    const dir = workspace(SAME, SAME);
    const result = await run(dir, ["-n", "50", "--strategy", "first", "--json", "report.json"]);
    expect(result.exitCode).toBe(0);
    expect(readReport(dir).summary.changeRate).toMatchObject({ applies: false });
    expect(result.stdout).toContain(
      "No bound on the source's change rate: the sample is the first inputs of the source, not a random sample.",
    );
  });
});

describe("the slowdown gate", () => {
  const few = records.slice(0, 40);

  it("fails a new side that sleeps 40 ms per input against 2 ms, on its own gate line", async () => {
    const dir = workspace(sleeping(2), sleeping(40), few);
    const result = await run(dir, [
      "--sample",
      "all",
      "--max-slowdown",
      "2",
      "--json",
      "report.json",
      "--junit",
      "junit.xml",
    ]);
    expect(result.exitCode).toBe(1);
    const junit = readFileSync(path.join(dir, "junit.xml"), "utf8");
    expect(junit).toMatch(
      /<testcase classname="twinrun" name="slowdown \(max 2x\)" time="0">\s*<failure type="slowdown"/,
    );
    expect(junit).toContain('<property name="timing.slowdown.ratio"');
    const report = readReport(dir);
    expect(report.verdict).toBe("equivalent");
    expect(report.summary.changed).toBe(0);
    expect(report.timing.slowdown!.low!).toBeGreaterThan(2);
    expect(report.gate).toMatchObject({
      passed: false,
      exitCode: 1,
      slowdown: { maxSlowdown: 2, passed: false },
    });
    expect(result.stdout).toMatch(
      /slowdown: new is [\d.]+× old \(95% CI [\d.]+×–[\d.]+×, \d+ trials\), beyond the max slowdown 2×/,
    );
  });

  it("passes the same component against itself", async () => {
    const dir = workspace(sleeping(2), sleeping(2), few);
    const result = await run(dir, ["--sample", "all", "--max-slowdown", "2", "--json", "report.json"]);
    expect(result.exitCode).toBe(0);
    expect(readReport(dir).gate.slowdown).toMatchObject({ passed: true });
  });
});
