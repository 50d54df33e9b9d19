// Dataset mode's slowdown: `--repeat n` runs each side's batch step n times in alternating order,
// states new against old with a confidence interval, and `--max-slowdown` gates on it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

// A batch step that sleeps its third argument (seconds), then copies its input to its output. A
// shell script: its start-up takes milliseconds even on a loaded machine, so the sleeps, not
// process start-up, decide the ratio (a Node step's start-up can take longer than its sleep).
const STEP = `sleep "$3"
cp "$1" "$2"
`;

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

async function runSteps(oldSleepMs: number, newSleepMs: number, extra: string[]) {
  const created = makeWorkspace({
    "inputs.jsonl": jsonl(Array.from({ length: 20 }, (_, id) => ({ id, x: id / 4 }))),
    "step.sh": STEP,
  });
  cleanups.push(created.cleanup);
  const step = (sleepMs: number) => `sh step.sh {input} {output} ${sleepMs / 1000}`;
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
  it("fails a batch step 4× slower than old under --max-slowdown 2, with its own gate line (exit 1)", async () => {
    // 400 ms against 1,600 ms: only a start-up delay above 400 ms on every pair but one could
    // bring a pair under 2×; 7 of 8 pairs above is still significant at 5%.
    const result = await runSteps(400, 1600, ["--repeat", "8", "--max-slowdown", "2"]);
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

  it("gives no false alarm in 20 runs of two identical batch steps at --repeat 5 --max-slowdown 2", async () => {
    const exitCodes: number[] = [];
    const gates: boolean[] = [];
    for (let run = 0; run < 20; run++) {
      const result = await runSteps(30, 30, ["--repeat", "5", "--max-slowdown", "2"]);
      exitCodes.push(result.exitCode);
      gates.push(result.read().gate.slowdown.passed);
    }
    expect(exitCodes).toEqual(Array(20).fill(0));
    expect(gates).toEqual(Array(20).fill(true));
  }, 300_000);

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
