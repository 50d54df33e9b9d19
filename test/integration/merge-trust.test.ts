// `twinrun merge` keeps what makes the verdict trustworthy: the shards' calibration (old's noise)
// and their slowdown figures, combined from real sharded runs of real components.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { pairRunArgs, workerComponent } from "../helpers/components.ts";
import { runInProcess } from "../helpers/in-process.ts";

const records = Array.from({ length: 30 }, (_, i) => ({ id: i, x: i * 1.5 }));
// A random request id on every output: noise old shows against itself.
const OLD = "return { id: record.id, y: record.x * 2, request_id: crypto.randomUUID() };";
// The same, with a real change of y on ids 4 and 19.
const NEW =
  "return { id: record.id, y: [4, 19].includes(record.id) ? -1 : record.x * 2, request_id: crypto.randomUUID() };";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

const RUN = [...pairRunArgs("worker"), "-n", "all", "--calibrate", "--max-slowdown", "3", "--no-save"];

describe("twinrun merge of calibrated, timed shards", () => {
  it("keeps the noisy paths with their counts combined, and the slowdown combined from every shard's pairs", async () => {
    const created = makeWorkspace({
      "inputs.jsonl": jsonl(records),
      "old.mjs": workerComponent(OLD),
      "new.mjs": workerComponent(NEW),
    });
    cleanups.push(created.cleanup);
    const dir = created.dir;
    const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), "utf8"));
    const whole = await runInProcess([...RUN, "--json", "whole.json"], { cwd: dir });
    for (const i of [1, 2, 3]) {
      const shard = await runInProcess([...RUN, "--shard", `${i}/3`, "--json", `shard-${i}.json`], {
        cwd: dir,
      });
      expect(shard.exitCode).not.toBe(2);
    }
    const merge = await runInProcess(
      ["merge", "shard-2.json", "shard-3.json", "shard-1.json", "--json", "merged.json"],
      { cwd: dir },
    );
    expect(whole.exitCode).toBe(1);
    expect(merge.exitCode).toBe(1);
    const unsharded = read("whole.json");
    const shards = [1, 2, 3].map((i) => read(`shard-${i}.json`));
    const merged = read("merged.json");

    // Each shard calibrated on all of its inputs, so together they calibrated on the whole sample.
    expect(merged.calibration.trials).toBe(30);
    expect(merged.calibration.indices).toEqual(unsharded.calibration.indices);
    expect(merged.calibration.noiseTrials).toBe(unsharded.calibration.noiseTrials);
    expect(merged.calibration.paths).toEqual([
      expect.objectContaining({
        path: "request_id",
        differed: 30,
        compared: 30,
        kinds: { value: 30 },
        flag: "--ignore request_id",
        run: expect.objectContaining({ differed: 30, compared: 30, noise: 30, beyond: 0, rateBeyond: false }),
      }),
    ]);
    expect(merged.paths.map((stats: { path: string }) => stats.path)).toEqual(["y"]);
    expect(merged.summary.changed).toBe(2);
    expect(merge.stdout).toContain("Noisy paths (old differs from itself here)");

    // The slowdown: every shard's paired trials, counted once, and the gate judged on their sum.
    const sum = (pick: (slowdown: Record<string, number>) => number) =>
      shards.reduce((total, shard) => total + pick(shard.timing.slowdown), 0);
    const slowdown = merged.timing.slowdown;
    expect(slowdown.trials).toBe(sum((s) => s.trials));
    expect(slowdown.warmUp).toBe(sum((s) => s.warmUp));
    const threshold = (s: Record<string, unknown>) => s.threshold as Record<string, number>;
    expect(slowdown.threshold.above).toBe(
      shards.reduce((total, shard) => total + threshold(shard.timing.slowdown).above, 0),
    );
    expect(slowdown.threshold.below).toBe(
      shards.reduce((total, shard) => total + threshold(shard.timing.slowdown).below, 0),
    );
    expect(merged.gate.slowdown).toMatchObject({ maxSlowdown: 3 });
    expect(merged.gate.slowdown.line).toContain(
      `${slowdown.threshold.above} of ${slowdown.threshold.above + slowdown.threshold.below} trials above 3×`,
    );
  }, 180_000);
});
