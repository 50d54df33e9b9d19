// Root-cause hints end to end: the real CLI on real worker processes, with changes that follow
// a field's values (and one that follows a hash of the id, which must give no hint).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { workerComponent } from "../helpers/components.ts";
import { runInProcess as runCli } from "../helpers/in-process.ts";

/** 500 nested records of 30 fields, from a seeded generator; ages 25, 40 and 65 exactly 20 times. */
function makeRecords(): Record<string, unknown>[] {
  let state = 12345;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: 500 }, (_, i) => {
    let age = 18 + Math.floor(random() * 60);
    if (i % 25 === 0) age = [25, 40, 65][(i / 25) % 3];
    else if ([25, 40, 65].includes(age)) age = 30;
    const record: Record<string, unknown> = {
      id: `user-${i}`,
      age,
      income: Math.round(random() * 200_000),
      name: random() < 0.15 ? ["Zoë", "José", "Łukasz"][i % 3] : ["Bob", "Ann", "Lee"][i % 3],
      profile: { city: ["Lyon", "Oslo", "Kyiv"][i % 3], score: random(), address: { zip: `${10_000 + i}` } },
      tags: random() < 0.1 ? [] : ["a", "b"],
    };
    if (i % 9 === 4) delete (record.profile as Record<string, unknown>).city;
    for (let f = 0; f < 22; f++) record[`f${f}`] = Math.floor(random() * 1000);
    return record;
  });
}

const OLD = `return {
  bucket: Math.floor(record.age / 10),
  rich: record.income > 100000,
  city: record.profile.city ?? "none",
  initial: record.name.slice(0, 1),
  lucky: 0,
};`;
// Each output field changes for one reason: a few ages, an income threshold, a missing key,
// a non-ASCII name, and (lucky) a hash of the id, which no condition on the fields explains.
const NEW = `let hash = [...record.id].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
hash = (hash ^ (hash >>> 16)) >>> 0;
return {
  bucket: [25, 40, 65].includes(record.age) ? -1 : Math.floor(record.age / 10),
  rich: record.income > 100000 ? 1 : false,
  city: record.profile.city ?? "?",
  initial: /[^\\x00-\\x7f]/.test(record.name) ? "?" : record.name.slice(0, 1),
  lucky: hash % 10 < 2 ? 1 : 0,
};`;
// Crashes on an empty tags array.
const NEW_CRASHING = `if (record.tags.length === 0) process.exit(3);
${OLD}`;

interface HintJson {
  text: string;
  covered: number;
  total: number;
  unchangedCovered: number;
  unchangedTotal: number;
  precision: number;
  failure?: string;
}
interface PathJson {
  path: string;
  changed: number;
  hints?: HintJson[];
}

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = makeWorkspace({
    "inputs.jsonl": jsonl(makeRecords()),
    // A worker that dies is restarted for the next input: fewer inputs keep the crash test quick.
    "few.jsonl": jsonl(makeRecords().slice(0, 150)),
    "old.mjs": workerComponent(OLD),
    "new.mjs": workerComponent(NEW),
    "crashing.mjs": workerComponent(NEW_CRASHING),
  }));
});
afterAll(() => cleanup());

async function run(newComponent: string, report: string, input = "inputs.jsonl") {
  const args = ["run", "--old", "node old.mjs", "--new", `node ${newComponent}`, "--mode", "worker"];
  const result = await runCli([...args, "-i", input, "-n", "all", "--json", report], { cwd: dir });
  const json = JSON.parse(readFileSync(path.join(dir, report), "utf8")) as { paths: PathJson[] };
  return { result, paths: new Map(json.paths.map((stats) => [stats.path, stats])) };
}

describe("root-cause hints (real components)", () => {
  it("names the field and values, threshold, missing key and non-ASCII string behind each change", async () => {
    const { result, paths } = await run("new.mjs", "hints.json");
    expect(result.exitCode).toBe(1);
    expect(paths.get("bucket")?.hints?.[0]).toEqual({
      text: "age ∈ {25, 40, 65}",
      condition: { field: "age", op: "in", values: [25, 40, 65] },
      covered: 20,
      total: 20,
      precision: 1,
      unchangedCovered: 0,
      unchangedTotal: 480,
    });
    expect(paths.get("rich")?.hints?.map((hint) => hint.text)).toContain("income > 100000");
    expect(paths.get("city")?.hints?.[0]).toMatchObject({ text: "profile.city is missing", precision: 1 });
    expect(paths.get("initial")?.hints?.[0]).toMatchObject({
      text: "name has non-ASCII characters",
      unchangedCovered: 0,
    });
    // The hash of the id changed about a fifth of the inputs: real changes, but no explanation.
    expect(paths.get("lucky")?.changed).toBeGreaterThan(50);
    expect(paths.get("lucky")?.hints).toBeUndefined();
    expect(result.stdout).toContain("age ∈ {25, 40, 65}");
    expect(result.stdout).toContain("20/20 changed, 0/480 unchanged");
  });

  it("explains a crash by its failure kind: an empty tags array", async () => {
    const { paths } = await run("crashing.mjs", "crash.json", "few.jsonl");
    const [hint] = paths.get("$")?.hints ?? [];
    expect(hint).toMatchObject({ text: "tags is empty", failure: "new crash", unchangedCovered: 0 });
    expect(hint.covered).toBe(hint.total);
  });
});
