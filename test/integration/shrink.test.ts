// Shrinking end to end: the real CLI, real components of every record kind (a process per
// input, workers, py:, js:, http:), each step a real run; the minimal input is written with a
// config that reproduces the change in one command.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAIN_PYTHON } from "../fixtures/python/python-env.ts";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { perInputComponent, workerComponent } from "../helpers/components.ts";
import { runInProcess as runCli } from "../helpers/in-process.ts";

/** 30 nested records of 30 fields; the first is 25 years old, then one in ten is 25, 40 or 65. */
function makeRecords(): Record<string, unknown>[] {
  return Array.from({ length: 30 }, (_, i) => {
    const record: Record<string, unknown> = {
      id: `user-${i}`,
      age: i % 10 === 0 ? [25, 40, 65][(i / 10) % 3] : 30 + (i % 7),
      income: 1000 * i,
      name: `name ${i}`,
      profile: { city: "Lyon", address: { zip: `${10_000 + i}`, street: "Rue de la Paix" } },
      tags: i % 13 === 5 ? [] : ["a", "b", "c"],
    };
    for (let f = 0; f < 22; f++) record[`f${f}`] = (i * 31 + f) % 97;
    return record;
  });
}

const OLD_JS = "return { bucket: Math.floor((record.age ?? 0) / 10), n: (record.tags ?? []).length };";
const NEW_JS =
  "return { bucket: [25, 40, 65].includes(record.age) ? -1 : Math.floor((record.age ?? 0) / 10), n: (record.tags ?? []).length };";
const CRASHING_JS = `if (Array.isArray(record.tags) && record.tags.length === 0) process.exit(3);
${OLD_JS}`;
// About 300 ms per input: shrinking must stop at its time budget, not run all its steps.
const SLOW_JS = `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
${NEW_JS}`;

const PY_OLD = `def features(record):
    return {"bucket": (record.get("age") or 0) // 10, "n": len(record.get("tags") or [])}
`;
const PY_NEW = `def features(record):
    age = record.get("age") or 0
    return {"bucket": -1 if age in (25, 40, 65) else age // 10, "n": len(record.get("tags") or [])}
`;
const jsModule = (body: string) => `export function features(record) {\n${body}\n}\n`;
const httpServer = (body: string) => `import http from "node:http";
http.createServer((request, response) => {
  if (request.method === "GET") { response.end("{}"); return; }
  let text = "";
  request.on("data", (chunk) => (text += chunk));
  request.on("end", () => {
    const record = JSON.parse(text);
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(features(record)));
  });
}).listen(Number(process.env.TWINRUN_PORT), "127.0.0.1");
function features(record) {
${body}
}
`;
// twinrun fills in the port it picked; the placeholder is twinrun's, not a template's.
const SERVICE = `http://127.0.0.1:${"$"}{TWINRUN_PORT}`;
const httpSide = (script: string) => ({
  adapter: "http",
  url: `${SERVICE}/score`,
  start: { command: `node ${script}`, healthUrl: `${SERVICE}/health` },
});

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = makeWorkspace({
    "inputs.jsonl": jsonl(makeRecords()),
    "old-once.mjs": perInputComponent(OLD_JS),
    "new-once.mjs": perInputComponent(NEW_JS),
    "old-worker.mjs": workerComponent(OLD_JS),
    "new-worker.mjs": workerComponent(NEW_JS),
    "crashing-worker.mjs": workerComponent(CRASHING_JS),
    "slow-worker.mjs": workerComponent(SLOW_JS),
    "feat_old.py": PY_OLD,
    "feat_new.py": PY_NEW,
    "old-module.mjs": jsModule(OLD_JS),
    "new-module.mjs": jsModule(NEW_JS),
    "old-server.mjs": httpServer(OLD_JS),
    "new-server.mjs": httpServer(NEW_JS),
    "http.config.json": JSON.stringify({
      input: { path: "inputs.jsonl", sample: "all" },
      old: httpSide("old-server.mjs"),
      new: httpSide("new-server.mjs"),
    }),
  }));
});
afterAll(() => cleanup());

interface MinimalJson {
  input: unknown;
  inputText: string;
  target: { path: string; kind: string; failure?: string };
  steps: number;
  stopped: string;
  file: string;
  repro: string;
}

function readJson(file: string) {
  return JSON.parse(readFileSync(path.join(dir, file), "utf8"));
}

/** Runs the repro command a minimal input came with (`npx twinrun run -c <file>`). */
async function runRepro(repro: string) {
  const [, , ...args] = repro.split(" ");
  return runCli(args, { cwd: dir, env: { TWINRUN_PYTHON: PLAIN_PYTHON } });
}

const SIDES: [string, string[]][] = [
  [
    "a process per input",
    ["--old", "node old-once.mjs", "--new", "node new-once.mjs", "--mode", "per-input"],
  ],
  ["workers", ["--old", "node old-worker.mjs", "--new", "node new-worker.mjs", "--mode", "worker"]],
  ["py: functions", ["--old", "py:feat_old.py:features", "--new", "py:feat_new.py:features"]],
  ["js: modules", ["--old", "js:old-module.mjs#features", "--new", "js:new-module.mjs#features"]],
  ["http: services", ["-c", "http.config.json"]],
];

describe("twinrun run --shrink (real components)", () => {
  it.each(SIDES)(
    "shrinks a 30-field record to the one key that matters, with %s",
    async (name, sides) => {
      const report = `shrink-${name.replaceAll(/\W+/g, "-")}.json`;
      const args = ["run", ...sides, "-i", "inputs.jsonl", "-n", "all", "--shrink", "--json", report];
      const result = await runCli(args, { cwd: dir, env: { TWINRUN_PYTHON: PLAIN_PYTHON } });
      expect(result.exitCode).toBe(1);
      const [example] = readJson(report).examples;
      const minimal = example.minimalInput as MinimalJson;
      expect(minimal.target).toEqual({ path: "bucket", kind: "value" });
      expect(minimal.input).toEqual({ age: 25 });
      expect(minimal.stopped).toBe("done");
      expect(readFileSync(path.join(dir, minimal.file), "utf8")).toBe('{"age":25}\n');
      expect(result.stdout).toContain("minimal input (bucket value; ");
      expect(result.stdout).toContain(`reproduce: ${minimal.repro}`);
      // The repro runs exactly the minimal input and shows the same change.
      const repro = await runRepro(minimal.repro);
      expect(repro.exitCode).toBe(1);
      const reproReport = readJson(`.twinrun/minimal/input-${example.index}.report.json`);
      expect(reproReport.summary).toMatchObject({ trials: 1, changed: 1 });
      expect(reproReport.paths[0].path).toBe("bucket");
    },
    120_000,
  );
});

describe("twinrun shrink <report.json> <index>", () => {
  it("shrinks a crash on an empty tags array to that empty array, and records it in the report", async () => {
    const run = await runCli(
      ["run", "--old", "node old-worker.mjs", "--new", "node crashing-worker.mjs", "--mode", "worker"].concat(
        ["-i", "inputs.jsonl", "-n", "all", "--json", "crash.json"],
      ),
      { cwd: dir },
    );
    expect(run.exitCode).toBe(1);
    const index = readJson("crash.json").examples[0].index as number;
    const result = await runCli(["shrink", "crash.json", String(index)], { cwd: dir });
    expect(result.stderr).toContain(`twinrun: shrinking input #${index}`);
    expect(result.exitCode).toBe(1);
    const minimal = readJson("crash.json").examples[0].minimalInput as MinimalJson;
    expect(minimal.input).toEqual({ tags: [] });
    expect(minimal.target).toEqual({ path: "$", kind: "failure", failure: "new crash" });
    expect(result.stdout).toContain("minimal input ($ new crash; ");
    expect(result.stdout).toContain(`recorded in crash.json (examples[].minimalInput)`);
    expect(existsSync(path.join(dir, minimal.file))).toBe(true);
  });

  it("says so and exits 0 when the input no longer changes, and 2 for an index not in the sample", async () => {
    const run = await runCli(
      ["run", "--old", "node old-worker.mjs", "--new", "node new-worker.mjs", "--mode", "worker"].concat([
        "-i",
        "inputs.jsonl",
        "-n",
        "all",
        "--json",
        "same.json",
      ]),
      { cwd: dir },
    );
    expect(run.exitCode).toBe(1);
    const unchanged = await runCli(["shrink", "same.json", "1"], { cwd: dir });
    expect(unchanged.exitCode).toBe(0);
    expect(unchanged.stdout).toContain("Input #1 shows no change any more: nothing to shrink.");
    const missing = await runCli(["shrink", "same.json", "999"], { cwd: dir });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("<index> 999: input 999 is not in the sample of same.json");
    const notAPath = await runCli(["shrink", "same.json", "0", "--path", "nope"], { cwd: dir });
    expect(notAPath.exitCode).toBe(2);
    expect(notAPath.stderr).toContain("--path nope: input 0 did not change there; it changed at bucket");
  });

  it("stops at its step budget and at its time budget on a slow component", async () => {
    const args = ["--old", "node old-worker.mjs", "--new", "node slow-worker.mjs", "--mode", "worker"];
    // The first three inputs only: the first one changes, and a slow run stays short.
    const sample = ["-i", "inputs.jsonl", "--strategy", "first", "-n", "3"];
    const base = ["run", ...args, ...sample, "--shrink", "--examples", "1"];
    const bySteps = await runCli([...base, "--shrink-steps", "3", "--json", "steps.json"], { cwd: dir });
    expect(bySteps.exitCode).toBe(1);
    const steps = readJson("steps.json").examples[0].minimalInput as MinimalJson;
    expect(steps).toMatchObject({ steps: 3, stopped: "steps" });
    expect(bySteps.stdout).toContain("3 steps, stopped by the step budget");
    const byTime = await runCli([...base, "--shrink-time", "1000", "--json", "time.json"], { cwd: dir });
    expect(byTime.exitCode).toBe(1);
    const timed = readJson("time.json").examples[0].minimalInput as MinimalJson;
    expect(timed.stopped).toBe("time");
    // Each step takes at least 300 ms, so a one-second budget leaves room for a few steps only.
    expect(timed.steps).toBeLessThanOrEqual(4);
    expect(timed.steps).toBeGreaterThan(0);
  });
});
