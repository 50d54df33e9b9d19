// Sharding end to end: `--shard i/n` runs, merged with `twinrun merge`, against an unsharded run.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { pairRunArgs, workerComponent } from "../helpers/components.ts";
import { runInProcess } from "../helpers/in-process.ts";

const records = Array.from({ length: 40 }, (_, i) => ({ id: i, x: i * 1.5, group: i % 4 }));
const DOUBLE = "return { id: record.id, y: record.x * 2, g: record.group };";
// Changes y on ids ending in 3 and g (a type change) on ids ending in 7.
const CHANGED =
  'return { id: record.id, y: record.id % 10 === 3 ? record.x * 2 + 1 : record.x * 2, g: record.id % 10 === 7 ? "x" : record.group };';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

const RUN = [...pairRunArgs("worker"), "-n", "25", "--seed", "11", "--no-save"];

function readJson(dir: string, file: string) {
  return JSON.parse(readFileSync(path.join(dir, file), "utf8"));
}

describe("twinrun run --shard and twinrun merge", () => {
  it("merges the shards of a sample into the report and verdict of the unsharded run", async () => {
    const created = makeWorkspace({
      "inputs.jsonl": jsonl(records),
      "old.mjs": workerComponent(DOUBLE),
      "new.mjs": workerComponent(CHANGED),
    });
    cleanups.push(created.cleanup);
    const dir = created.dir;

    const [whole, ...shards] = await Promise.all([
      runInProcess([...RUN, "--json", "whole.json"], { cwd: dir }),
      ...[1, 2, 3].map((i) =>
        runInProcess([...RUN, "--shard", `${i}/3`, "--json", `shard-${i}.json`], { cwd: dir }),
      ),
    ]);
    expect(whole.exitCode).toBe(1);
    const unsharded = readJson(dir, "whole.json");
    const parts = [1, 2, 3].map((i) => readJson(dir, `shard-${i}.json`));
    expect(parts.map((part) => part.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
    expect(parts.map((part) => part.sample.indices.length)).toEqual([9, 8, 8]);
    expect(shards.map((result) => result.stdout).join("\n")).toContain(
      "Shard 2/3: 8 of the 25 sampled inputs",
    );

    const merge = await runInProcess(
      [
        "merge",
        "shard-3.json",
        "shard-1.json",
        "shard-2.json",
        "--json",
        "merged.json",
        "--markdown",
        "merged.md",
      ],
      { cwd: dir },
    );
    expect(merge.exitCode).toBe(whole.exitCode);
    const merged = readJson(dir, "merged.json");
    expect(merged.sample.indices).toEqual(unsharded.sample.indices);
    expect(merged.verdict).toBe(unsharded.verdict);
    expect(merged.summary).toEqual(unsharded.summary);
    const counts = (report: { paths: Record<string, unknown>[] }) =>
      report.paths.map(({ path, compared, changed, kinds, exampleIndices, maxAbs }) => ({
        path,
        compared,
        changed,
        kinds,
        exampleIndices,
        maxAbs,
      }));
    expect(counts(merged)).toEqual(counts(unsharded));
    expect(merged.examples.map((example: { index: number }) => example.index)).toEqual(
      unsharded.examples.map((example: { index: number }) => example.index),
    );
    expect(merged.gate).toEqual(unsharded.gate);
    expect(readFileSync(path.join(dir, "merged.md"), "utf8")).toMatch(/^## ❌ twinrun: behavioural change/);

    // Overlapping shards and shards of another sample are refused (exit 2).
    const twice = await runInProcess(["merge", "shard-1.json", "shard-2.json", "shard-2.json"], { cwd: dir });
    expect(twice.exitCode).toBe(2);
    const otherSeed = { ...parts[1], sample: { ...parts[1].sample, seed: 12 } };
    writeFileSync(path.join(dir, "other.json"), JSON.stringify(otherSeed));
    const mixed = await runInProcess(["merge", "shard-1.json", "other.json", "shard-3.json"], { cwd: dir });
    expect(mixed.exitCode).toBe(2);
    expect(mixed.stderr).toContain(
      "shard-1.json and other.json are shards of different samples (seed 11 vs 12)",
    );
    const overlapping = await runInProcess(["merge", "shard-1.json", "whole.json"], { cwd: dir });
    expect(overlapping.exitCode).toBe(2);
    expect(overlapping.stderr).toContain("whole.json is not a shard report");
  }, 120_000);
});
