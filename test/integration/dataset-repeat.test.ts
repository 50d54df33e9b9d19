// Dataset mode's slowdown: `--repeat n` runs each side's batch step n times in alternating order,
// states new against old with a confidence interval, and `--max-slowdown` gates on it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

// A batch step that copies its input to its output after sleeping --sleep-ms.
const STEP = `import { copyFileSync } from "node:fs";
const arg = (name) => process.argv[process.argv.indexOf("--" + name) + 1];
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(arg("sleep-ms")));
copyFileSync(arg("in"), arg("out"));
`;

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

async function runSteps(oldSleepMs: number, newSleepMs: number, extra: string[]) {
  const created = makeWorkspace({
    "inputs.jsonl": jsonl(Array.from({ length: 20 }, (_, id) => ({ id, x: id / 4 }))),
    "step.mjs": STEP,
  });
  cleanups.push(created.cleanup);
  const step = (sleepMs: number) => `node step.mjs --in {input} --out {output} --sleep-ms ${sleepMs}`;
  const result = await runInProcess(
    [
      "run",
      "--old",
      step(oldSleepMs),
      "--new",
      step(newSleepMs),
      "--mode",
      "dataset",
      "-i",
      "inputs.jsonl",
      "--key",
      "id",
      "--no-save",
      "--json",
      "report.json",
      ...extra,
    ],
    { cwd: created.dir },
  );
  const read = () => JSON.parse(readFileSync(path.join(created.dir, "report.json"), "utf8"));
  return { ...result, read };
}

describe("dataset mode --repeat", () => {
  it("fails a batch step much slower than --max-slowdown allows, with its own gate line (exit 1)", async () => {
    // 8 pairs: one pair the wrong way round (a load spike) still leaves 7 of 8, significant at 5%.
    const result = await runSteps(0, 600, ["--repeat", "8", "--max-slowdown", "2"]);
    expect(result.stderr).toBe(
      "twinrun: dataset mode: running old and new 8 times each, in turn, on 20 records\n",
    );
    expect(result.exitCode).toBe(1);
    const report = result.read();
    expect(report.verdict).toBe("equivalent");
    expect(report.timing.slowdown).toMatchObject({ trials: 8, confidence: 0.95 });
    expect(report.timing.slowdown.ratio).toBeGreaterThan(2);
    expect(report.timing.slowdown.low).toBeGreaterThan(1);
    expect(report.gate.slowdown).toMatchObject({ maxSlowdown: 2, passed: false });
  }, 120_000);

  it("passes two equally fast batch steps under the gate (exit 0)", async () => {
    const result = await runSteps(2, 2, ["--repeat", "6", "--max-slowdown", "2"]);
    expect(result.exitCode).toBe(0);
    const report = result.read();
    expect(report.timing.slowdown).toMatchObject({ trials: 6 });
    expect(report.timing.slowdown.low).toBeLessThan(report.timing.slowdown.high);
    expect(report.gate.slowdown).toMatchObject({ maxSlowdown: 2, passed: true });
  }, 120_000);

  it("exits 2 on --max-slowdown with too few repeats to gate on, saying how many it needs", async () => {
    const result = await runSteps(2, 2, ["--max-slowdown", "2"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      "dataset mode ran each side once, too few to gate on with 95% confidence; add --repeat 5 or more (dataset.repeat)",
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects --repeat in a record run, naming the key", async () => {
    const created = makeWorkspace({ "inputs.jsonl": jsonl([{ id: 1 }]) });
    cleanups.push(created.cleanup);
    const result = await runInProcess(
      ["run", "--old", "cat", "--new", "cat", "-i", "inputs.jsonl", "--repeat", "3", "--no-save"],
      { cwd: created.dir },
    );
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("dataset.repeat (--repeat) applies to dataset mode");
  });
});
