// The module adapter on real worker threads and real TypeScript/JavaScript files, and one run of
// the real CLI with `js:` specs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createModuleAdapter } from "../../adapters/module/index.ts";
import type { ModuleAdapterOptions } from "../../adapters/module/types.ts";
import type { Outcome, RecordAdapter } from "../../adapters/types.ts";
import { ComponentStartError } from "../../src/errors.ts";
import { jsonl, makeWorkspace, REPO_ROOT, runCli } from "../helpers/cli.ts";

const MODULES = path.join(REPO_ROOT, "test/fixtures/modules");
const TIMEOUT_MS = 800;

const started: RecordAdapter[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((adapter) => adapter.stop()));
});

async function startAdapter(options: Partial<ModuleAdapterOptions> & { file: string; export: string }) {
  const adapter = createModuleAdapter({
    side: "new",
    env: {},
    timeoutMs: TIMEOUT_MS,
    concurrency: 1,
    ...options,
    file: path.join(MODULES, options.file),
  });
  started.push(adapter);
  await adapter.start();
  return adapter;
}

function run(adapter: RecordAdapter, record: unknown, index = 0): Promise<Outcome> {
  return adapter.run({ index, text: JSON.stringify(record) });
}

describe("module adapter: one TypeScript component that misbehaves on request", () => {
  let adapter: RecordAdapter;
  beforeAll(async () => {
    adapter = createModuleAdapter({
      side: "old",
      file: path.join(MODULES, "behave.ts"),
      export: "behave",
      env: {},
      timeoutMs: TIMEOUT_MS,
      concurrency: 1,
    });
    await adapter.start();
  });
  afterAll(() => adapter.stop());

  it("runs a TypeScript export and returns Map, Set, Date and BigInt in their comparable form", async () => {
    const outcome = await run(adapter, { x: 3 });
    expect(outcome).toMatchObject({
      status: "ok",
      text: '{"y":6,"tags":{"$set":["a","b"]},"lookup":{"$map":{"k":3}},"at":{"$datetime":"2024-01-01T00:00:00+00:00"},"big":18446744073709551619}',
      value: { y: 6, big: 2n ** 64n + 3n },
    });
  });

  it("turns a throw into an exception failure with the error's name, message and stack", async () => {
    const outcome = await run(adapter, { x: 5, throws: true, log: true });
    expect(outcome.status).toBe("failure");
    if (outcome.status !== "failure") return;
    expect(outcome.failure).toMatchObject({
      kind: "exception",
      errorType: "RangeError",
      message: "RangeError: x out of range: 5",
    });
    expect(outcome.failure.stderr).toContain("log line for x=5");
    expect(outcome.failure.stderr).toMatch(/at behave \(.*behave\.ts:\d+:\d+\)/);
    expect(outcome.failure.stderr).not.toContain("call-function.ts");
    expect(await run(adapter, { x: 1 })).toMatchObject({ status: "ok" });
  });

  it.each(["sync", "async"] as const)(
    "terminates a call that hangs (%s) at the timeout and answers the next input from a fresh thread",
    async (hang) => {
      const outcome = await run(adapter, { x: 1, hang });
      expect(outcome).toMatchObject({
        status: "failure",
        failure: { kind: "timeout", message: `no result within ${TIMEOUT_MS} ms` },
      });
      expect(outcome.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
      expect(await run(adapter, { x: 2 })).toMatchObject({ status: "ok", value: { y: 4 } });
    },
  );

  it("marks an output past the depth limit as not observed (the trial is inconclusive), and goes on", async () => {
    // Walking 200,000 levels takes a while on a loaded machine: no timeout may decide this outcome.
    const patient = await startAdapter({ file: "behave.ts", export: "behave", timeoutMs: 120_000 });
    const outcome = await run(patient, { x: 1, endless: true });
    expect(outcome).toMatchObject({
      status: "failure",
      failure: { kind: "unparsable", unobserved: "depth" },
    });
    if (outcome.status !== "failure") return;
    expect(outcome.failure.message).toContain(
      "nested deeper than twinrun's depth limit for JavaScript values (200,000 levels)",
    );
    expect(await run(patient, { x: 4 })).toMatchObject({ status: "ok", value: { y: 8 } });
  });

  it("returns a 100,000-deep output from its thread whole (too deep to clone, it travels as text)", async () => {
    const patient = await startAdapter({ file: "behave.ts", export: "behave", timeoutMs: 120_000 });
    const outcome = await run(patient, { x: 1, deep: 100_000 });
    expect(outcome.status).toBe("ok");
    if (outcome.status !== "ok") return;
    expect(outcome.text).toBe(`${"[".repeat(100_000)}1${"]".repeat(100_000)}`);
    let value = outcome.value;
    for (let level = 0; level < 100_000; level++) value = (value as unknown[])[0];
    expect(value).toBe(1);
  });

  it("reports a thread that exits mid-input as a crash and replaces it", async () => {
    const outcome = await run(adapter, { x: 1, exit: true });
    expect(outcome).toMatchObject({
      status: "failure",
      failure: { kind: "crash", message: "the worker thread exited with code 7 while running this input" },
    });
    expect(await run(adapter, { x: 4 })).toMatchObject({ status: "ok", value: { y: 8 } });
  });
});

describe("module adapter", () => {
  it.each([
    { kind: "a synchronous CommonJS", file: "js/double-sync.cjs" },
    { kind: "an asynchronous ES module", file: "js/double-async.mjs" },
  ])("runs $kind JavaScript export", async ({ file }) => {
    const adapter = await startAdapter({ file, export: "double" });
    expect(await run(adapter, { x: 21 })).toMatchObject({ status: "ok", text: '{"y":42}', value: { y: 42 } });
  });

  it("keeps old and new apart: same-named relative imports and a shared module's state", async () => {
    const oldAdapter = await startAdapter({ side: "old", file: "old/score.ts", export: "score" });
    const newAdapter = await startAdapter({ side: "new", file: "new/score.ts", export: "score" });
    const outputs: unknown[] = [];
    for (let x = 1; x <= 3; x++) {
      const [oldOutcome, newOutcome] = await Promise.all([run(oldAdapter, { x }), run(newAdapter, { x })]);
      outputs.push([
        oldOutcome.status === "ok" && oldOutcome.value,
        newOutcome.status === "ok" && newOutcome.value,
      ]);
    }
    expect(outputs).toEqual([
      [
        { version: "old", call: 1, y: 2 },
        { version: "new", call: 1, y: 2 },
      ],
      [
        { version: "old", call: 2, y: 4 },
        { version: "new", call: 2, y: 4 },
      ],
      [
        { version: "old", call: 3, y: 6 },
        { version: "new", call: 3, y: 6 },
      ],
    ]);
  });

  it.each([
    {
      name: "an export that does not exist, listing the exports",
      file: "behave.ts",
      exportName: "score",
      message: 'behave.ts#score: it has no export named "score" (its exports: behave, threshold)',
    },
    {
      name: "an export that is not a function",
      file: "behave.ts",
      exportName: "threshold",
      message: '"threshold" is a number, not a function',
    },
    {
      name: "the module's own error while loading",
      file: "broken.ts",
      exportName: "default",
      message: "broken.ts#default (Error: cannot load the model file)",
    },
    {
      name: "a file that does not exist",
      file: "missing.ts",
      exportName: "default",
      message: "new component could not start: module file not found:",
    },
  ])("refuses to start on $name", async ({ file, exportName, message }) => {
    const attempt = startAdapter({ file, export: exportName });
    await expect(attempt).rejects.toBeInstanceOf(ComponentStartError);
    await expect(attempt).rejects.toThrow(message);
  });
});

describe("twinrun run with js: specs", () => {
  it("compares two TypeScript functions end to end: Set order is no change, a moved boundary is (exit 1)", async () => {
    const body = (
      boundary: string,
      tags: string,
    ) => `export function score(record: { id: number; x: number }) {
  return { band: record.x ${boundary} 5 ? "high" : "low", tags: new Set(${tags}), at: new Date(0) };
}
`;
    const records = Array.from({ length: 10 }, (_, id) => ({ id, x: id }));
    const workspace = makeWorkspace({
      "inputs.jsonl": jsonl(records),
      "old/score.ts": body(">", '["a", "b"]'),
      "new/score.ts": body(">=", '["b", "a"]'),
    });
    try {
      const result = await runCli(
        [
          "run",
          "--old",
          "js:old/score.ts#score",
          "--new",
          "js:new/score.ts#score",
          "-i",
          "inputs.jsonl",
          "-n",
          "all",
          "--concurrency",
          "1",
        ],
        { cwd: workspace.dir },
      );
      expect(result.stderr).toBe("");
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain("js:old/score.ts#score (worker thread)");
      const report = JSON.parse(readFileSync(path.join(workspace.dir, ".twinrun/last-report.json"), "utf8"));
      expect(report.summary).toMatchObject({ trials: 10, changed: 1 });
      expect(report.paths.filter((stats: { changed: number }) => stats.changed > 0)).toMatchObject([
        { path: "band", changed: 1, exampleIndices: [5] },
      ]);
      expect(report.settings.old).toMatchObject({
        adapter: "module",
        file: path.join(workspace.dir, "old/score.ts"),
        export: "score",
      });
    } finally {
      workspace.cleanup();
    }
  });
});
