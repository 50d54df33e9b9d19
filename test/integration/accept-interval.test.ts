// Accepted differences as confidence bounds: `twinrun accept` on a random sample writes the upper
// end of the change rate's interval, so the same code passes on the whole source, another seed and
// each shard (merged too), while a change that spread to many more inputs still fails.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { pairRunArgs, workerComponent } from "../helpers/components.ts";
import { runInProcess } from "../helpers/in-process.ts";

const records = Array.from({ length: 1000 }, (_, i) => ({ id: i, x: i * 1.5 }));
const DOUBLE = "return { id: record.id, y: record.x * 2 };";
// y changes on the 20 ids whose id·37 mod 1,000 is below 20 (2%), spread over the file, half of them odd.
const TWO_PERCENT =
  "return { id: record.id, y: (record.id * 37) % 1000 < 20 ? record.x * 2 + 1 : record.x * 2 };";
// The same change on ids ending in 7: 100 of 1,000 (10%).
const TEN_PERCENT = "return { id: record.id, y: record.id % 10 === 7 ? record.x * 2 + 1 : record.x * 2 };";

let dir = "";
let cleanup = () => {};
beforeAll(() => {
  const created = makeWorkspace({
    "inputs.jsonl": jsonl(records),
    "old.mjs": workerComponent(DOUBLE),
    "new.mjs": workerComponent(TWO_PERCENT),
    "wider.mjs": workerComponent(TEN_PERCENT),
  });
  dir = created.dir;
  cleanup = created.cleanup;
});
afterAll(() => cleanup());

const readJson = (file: string) => JSON.parse(readFileSync(path.join(dir, file), "utf8"));
const run = (...extra: string[]) =>
  runInProcess([...pairRunArgs("worker", "--accepted", "twinrun.accepted.yaml", "--no-save", ...extra)], {
    cwd: dir,
  });

describe("twinrun accept on a random sample", () => {
  it("writes the change rate's upper 95% bound: 9 of 500 of 1,000 gives maxRate 3.1%", async () => {
    // Seed 27 samples 9 of the 20 changed inputs among its 500 (2 of them cover's class picks).
    const first = await runInProcess(
      [...pairRunArgs("worker", "-n", "500", "--seed", "27", "--json", "first.json")],
      {
        cwd: dir,
      },
    );
    expect(first.exitCode).toBe(1);
    expect(readJson("first.json").summary).toMatchObject({ trials: 500, changed: 9 });
    const accept = await runInProcess(["accept", "first.json"], { cwd: dir });
    expect(accept.exitCode).toBe(0);
    expect(accept.stdout).toContain("y  [value]  at a rate of at most 3.1% (95% bound)");
    const file = parseYaml(readFileSync(path.join(dir, "twinrun.accepted.yaml"), "utf8"));
    expect(file.accepted).toEqual([
      {
        path: "y",
        kinds: ["value"],
        maxRate: "3.1%",
        note: expect.stringContaining("seen on 9 of 500 sampled inputs of 1000: with 95% confidence"),
      },
    ]);
  }, 60_000);

  it.each([
    ["all 1,000 inputs (20 of 1,000)", ["-n", "all"], 20],
    ["another seed (12 of 500, above the accepted 1.8%)", ["-n", "500", "--seed", "14"], 12],
    ["shard 1/2 of the accepted sample", ["-n", "500", "--seed", "27", "--shard", "1/2"], 4],
    ["shard 2/2 of the accepted sample", ["-n", "500", "--seed", "27", "--shard", "2/2"], 5],
    ["shard 2/2 of another seed (7 of 250)", ["-n", "500", "--seed", "14", "--shard", "2/2"], 7],
    ["shard 1/2 of all inputs", ["-n", "all", "--shard", "1/2"], 10],
  ])(
    "passes the same code on %s",
    async (_name, flags, changed) => {
      const result = await run(...flags, "--json", "rerun.json");
      expect(result.stderr).toBe("");
      expect(result.exitCode).toBe(0);
      expect(readJson("rerun.json")).toMatchObject({
        gate: { passed: true, counted: 0 },
        accepted: { coveredTrials: changed, entries: [{ path: "y", maxRate: "3.1%", status: "used" }] },
      });
    },
    60_000,
  );

  it("passes the merge of two shards, judged on the merged counts", async () => {
    const shards = await Promise.all(
      [1, 2].map((i) => run("-n", "all", "--shard", `${i}/2`, "--json", `all-${i}.json`)),
    );
    expect(shards.map((shard) => shard.exitCode)).toEqual([0, 0]);
    const merge = await runInProcess(["merge", "all-1.json", "all-2.json", "--json", "merged.json"], {
      cwd: dir,
    });
    expect(merge.stderr).toBe("");
    expect(merge.exitCode).toBe(0);
    expect(readJson("merged.json")).toMatchObject({
      summary: { trials: 1000, changed: 20 },
      accepted: { coveredTrials: 20, entries: [{ matchedTrials: 20, status: "used" }] },
    });
  }, 60_000);

  it("fails when the change spread beyond the interval: 10% of inputs on a sample of 500", async () => {
    const result = await runInProcess(
      [
        ...pairRunArgs("worker", "--accepted", "twinrun.accepted.yaml", "--no-save", "-n", "500"),
        "--new",
        "node wider.mjs",
        "--json",
        "wider.json",
      ],
      { cwd: dir },
    );
    expect(result.exitCode).toBe(1);
    expect(readJson("wider.json").accepted.entries[0]).toMatchObject({ status: "exceeded", maxRate: "3.1%" });
    expect(result.stdout).toContain("y [value] rate ≤ 3.1% (95% bound)");
  }, 60_000);

  it("keeps reading an older file's point rate: maxChanged 1.8% fails the rerun on all inputs (2%)", async () => {
    writeFileSync(
      path.join(dir, "point.yaml"),
      "accepted:\n  - { path: y, kinds: [value], maxChanged: 1.8% }\n",
    );
    const result = await runInProcess(
      [
        ...pairRunArgs(
          "worker",
          "--accepted",
          "point.yaml",
          "--no-save",
          "-n",
          "all",
          "--json",
          "point.json",
        ),
      ],
      { cwd: dir },
    );
    expect(result.exitCode).toBe(1);
    expect(readJson("point.json").accepted.entries[0]).toMatchObject({
      status: "exceeded",
      maxChanged: "1.8%",
    });
  }, 60_000);

  it("exits 2 on an entry with both limits or neither, naming the key", async () => {
    writeFileSync(
      path.join(dir, "both.yaml"),
      "accepted:\n  - { path: y, kinds: [value], maxChanged: 3, maxRate: 2% }\n",
    );
    writeFileSync(path.join(dir, "neither.yaml"), "accepted:\n  - { path: y, kinds: [value] }\n");
    const both = await runInProcess([...pairRunArgs("worker", "--accepted", "both.yaml", "--no-save")], {
      cwd: dir,
    });
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain(
      "both.yaml: accepted[0].maxRate: expected one limit, not both: drop maxRate or maxChanged",
    );
    const neither = await runInProcess(
      [...pairRunArgs("worker", "--accepted", "neither.yaml", "--no-save")],
      {
        cwd: dir,
      },
    );
    expect(neither.exitCode).toBe(2);
    expect(neither.stderr).toContain(
      "neither.yaml: accepted[0].maxRate: missing, expected a limit: maxRate (a rate bound like 2.9%) or maxChanged",
    );
    expect(neither.stderr).not.toMatch(/\n\s+at /);
  });
});
