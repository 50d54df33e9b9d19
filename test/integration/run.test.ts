// twinrun run end to end: the CLI in-process on real child processes and real files; a spawned
// twinrun (help, a changed pair, Ctrl-C) checks that the real process gives the same.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { jsonl, makeWorkspace, runCli } from "../helpers/cli.ts";
import { pairRunArgs, perInputComponent, workerComponent } from "../helpers/components.ts";
import { runInProcess } from "../helpers/in-process.ts";

const records = Array.from({ length: 30 }, (_, i) => ({ id: i, x: i * 1.5, group: i % 3 === 0 ? "a" : "b" }));
const DOUBLE = "return { id: record.id, y: record.x * 2 };";
// Float noise far below the default tolerance: must never be reported.
const DOUBLE_NOISY = "return { id: record.id, y: record.x * 2 * (1 + 1e-13) };";
// A real change on ids 3, 13, 23.
const DOUBLE_CHANGED = "return { id: record.id, y: record.id % 10 === 3 ? record.x * 2 + 1 : record.x * 2 };";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function workspace(files: Record<string, string>) {
  const created = makeWorkspace({ "inputs.jsonl": jsonl(records), ...files });
  cleanups.push(created.cleanup);
  return created.dir;
}

function readReport(dir: string, file = ".twinrun/last-report.json") {
  return JSON.parse(readFileSync(path.join(dir, file), "utf8"));
}

describe("twinrun run", () => {
  it.each(["per-input", "worker"] as const)(
    "passes an equivalent pair with float noise in %s mode (exit 0)",
    async (mode) => {
      const make = mode === "worker" ? workerComponent : perInputComponent;
      const dir = workspace({ "old.mjs": make(DOUBLE), "new.mjs": make(DOUBLE_NOISY) });
      const result = await runInProcess([...pairRunArgs(mode), "-n", "all"], { cwd: dir });
      expect(result.stderr).toBe("");
      expect(result.exitCode).toBe(0);
      const report = readReport(dir);
      expect(report.verdict).toBe("equivalent");
      expect(report.summary).toMatchObject({
        trials: 30,
        same: 30,
        changed: 0,
        failures: { old: 0, new: 0, both: 0 },
      });
      expect(report.sample).toMatchObject({ strategy: "all", size: 30, seed: 0 });
      expect(report.sample.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(result.stdout).toContain("✓ EQUIVALENT  no behavioural change in 30 inputs");
    },
  );

  it.each(["per-input", "worker"] as const)(
    "reports a changed pair in %s mode with paths, examples and exit 1",
    async (mode) => {
      const make = mode === "worker" ? workerComponent : perInputComponent;
      const dir = workspace({ "old.mjs": make(DOUBLE), "new.mjs": make(DOUBLE_CHANGED) });
      // The worker case runs twinrun as a real process: exit code, files and stdout as a shell sees them.
      const run = mode === "worker" ? runCli : runInProcess;
      const result = await run([...pairRunArgs(mode), "-n", "all", "--json", "out/report.json"], {
        cwd: dir,
      });
      expect(result.exitCode).toBe(1);
      const report = JSON.parse(readFileSync(path.join(dir, "out/report.json"), "utf8"));
      expect(report.verdict).toBe("changed");
      expect(report.summary).toMatchObject({ trials: 30, same: 27, changed: 3 });
      expect(report.paths).toEqual([
        expect.objectContaining({
          path: "y",
          compared: 30,
          changed: 3,
          kinds: { value: 3 },
          exampleIndices: [3, 13, 23],
        }),
      ]);
      expect(report.examples.map((example: { index: number }) => example.index)).toEqual([3, 13, 23]);
      expect(report.examples[0].differences[0]).toMatchObject({
        path: "y",
        kind: "value",
        old: 9,
        new: 10,
        abs: 1,
      });
      expect(report.timing.old).toEqual(
        expect.objectContaining({ p50: expect.any(Number), p95: expect.any(Number) }),
      );
      expect(result.stdout).toContain("changed");
      expect(result.stdout).toContain("npx twinrun run --replay out/report.json --only 3");
    },
  );

  it("records crashes on some inputs as failures and goes on", async () => {
    const dir = workspace({
      "old.mjs": perInputComponent(DOUBLE),
      "new.mjs": perInputComponent(
        'if (record.id % 10 === 5) { process.stderr.write("ValueError: bad row " + record.id); process.exit(1); }\n' +
          DOUBLE,
      ),
    });
    const result = await runInProcess(
      ["run", "--old", "node old.mjs", "--new", "node new.mjs", "-i", "inputs.jsonl", "-n", "all"],
      {
        cwd: dir,
      },
    );
    expect(result.exitCode).toBe(1);
    const report = readReport(dir);
    expect(report.summary).toMatchObject({ trials: 30, changed: 3, failures: { old: 0, new: 3, both: 0 } });
    expect(report.paths[0]).toMatchObject({ path: "$", changed: 3, kinds: { failure: 3 } });
    expect(report.examples[0].new.failure).toMatchObject({ kind: "exit", exitCode: 1 });
    expect(report.examples[0].new.failure.stderr).toContain("ValueError: bad row 5");
    expect(result.stdout).toContain("ValueError: bad row 5");
  });

  it("treats the same crash on both sides as the same behaviour", async () => {
    const crash = 'if (record.id === 4) { process.stderr.write("boom"); process.exit(2); }\n' + DOUBLE;
    // Ten inputs are enough (one process per input and side).
    const dir = workspace({
      "inputs.jsonl": jsonl(records.slice(0, 10)),
      "old.mjs": perInputComponent(crash),
      "new.mjs": perInputComponent(crash),
    });
    const result = await runInProcess(
      ["run", "--old", "node old.mjs", "--new", "node new.mjs", "-i", "inputs.jsonl", "-n", "all"],
      {
        cwd: dir,
      },
    );
    expect(result.exitCode).toBe(0);
    expect(readReport(dir).summary.failures).toEqual({ old: 0, new: 0, both: 1 });
  });

  it("kills a component that hangs past --timeout and reports a timeout", async () => {
    const dir = workspace({
      "old.mjs": workerComponent(DOUBLE),
      "new.mjs": workerComponent("if (record.id === 2) { for (;;) {} }\n" + DOUBLE),
    });
    const result = await runInProcess([...pairRunArgs("worker"), "-n", "all", "--timeout", "1000"], {
      cwd: dir,
    });
    expect(result.exitCode).toBe(1);
    const report = readReport(dir);
    expect(report.summary).toMatchObject({ trials: 30, changed: 1, failures: { new: 1 } });
    expect(report.examples[0]).toMatchObject({ index: 2, new: { failure: { kind: "timeout" } } });
  });

  it("reports garbage output as an unparsable failure", async () => {
    const dir = workspace({
      "inputs.jsonl": jsonl(records.slice(0, 10)),
      "old.mjs": perInputComponent(DOUBLE),
      "new.mjs": perInputComponent('if (record.id === 7) return "Traceback? not json";\n' + DOUBLE),
    });
    const result = await runInProcess(
      ["run", "--old", "node old.mjs", "--new", "node new.mjs", "-i", "inputs.jsonl", "-n", "all"],
      {
        cwd: dir,
      },
    );
    expect(result.exitCode).toBe(1);
    expect(readReport(dir).examples[0]).toMatchObject({ index: 7, new: { failure: { kind: "unparsable" } } });
  });

  it("exits 3 naming the side and the command when a component does not exist", async () => {
    const dir = workspace({ "old.mjs": perInputComponent(DOUBLE) });
    for (const mode of ["per-input", "worker"]) {
      const result = await runInProcess(
        [
          "run",
          "--old",
          "node old.mjs",
          "--new",
          "no-such-command-xyz --flag",
          "--mode",
          mode,
          "-i",
          "inputs.jsonl",
        ],
        { cwd: dir },
      );
      expect(result.exitCode).toBe(3);
      expect(result.stderr).toContain("new");
      expect(result.stderr).toContain("no-such-command-xyz");
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it("exits 2 on a bad config value, naming the file and the key", async () => {
    const dir = workspace({
      "twinrun.config.yaml":
        'input: { path: inputs.jsonl }\nold: { command: node old.mjs }\nnew: { command: node new.mjs }\ncompare:\n  tolerance: { rel: "1e-6x" }\n',
    });
    const result = await runInProcess(["run"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      'twinrun.config.yaml: compare.tolerance.rel: expected a number >= 0, got "1e-6x"',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on a malformed input line, naming the file and the line", async () => {
    const dir = workspace({
      "old.mjs": perInputComponent(DOUBLE),
      "new.mjs": perInputComponent(DOUBLE),
      "bad.jsonl": '{"id": 1, "x": 1}\n{"id": 2, "x": 2}\n{"id": 3, x: 3}\n',
    });
    const result = await runInProcess(
      ["run", "--old", "node old.mjs", "--new", "node new.mjs", "-i", "bad.jsonl"],
      { cwd: dir },
    );
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("bad.jsonl:3");
    const skipped = await runInProcess(
      ["run", "--old", "node old.mjs", "--new", "node new.mjs", "-i", "bad.jsonl", "--on-bad-input", "skip"],
      { cwd: dir },
    );
    expect(skipped.exitCode).toBe(0);
    expect(readReport(dir).sample).toMatchObject({ skipped: 1, size: 2 });
  });

  it("passes every component the input line byte for byte and the same environment", async () => {
    // Echoes its raw stdin and environment, so the test sees exactly what a component receives.
    const echo = `let text = "";
process.stdin.on("data", (chunk) => (text += chunk));
process.stdin.on("end", () => {
  const { TZ, TWINRUN_SEED, PYTHONHASHSEED } = process.env;
  process.stdout.write(JSON.stringify({ raw: text, TZ, TWINRUN_SEED, PYTHONHASHSEED }));
});
`;
    const line = '{"id": 12345678901234567890, "x": 3.0,   "s": "caf\\u00e9"}';
    const dir = workspace({
      "echo.mjs": echo,
      "empty.mjs": 'process.stdout.write("{}")',
      "exact.jsonl": `${line}\n`,
    });
    const same = await runInProcess(
      ["run", "--old", "node echo.mjs", "--new", "node echo.mjs", "-i", "exact.jsonl", "--seed", "42"],
      {
        cwd: dir,
      },
    );
    expect(same.exitCode).toBe(0);
    const changed = await runInProcess(
      ["run", "--old", "node echo.mjs", "--new", "node empty.mjs", "-i", "exact.jsonl", "--seed", "42"],
      {
        cwd: dir,
      },
    );
    expect(changed.exitCode).toBe(1);
    expect(readReport(dir).examples[0].old.output).toEqual({
      raw: `${line}\n`,
      TZ: "UTC",
      TWINRUN_SEED: "42",
      PYTHONHASHSEED: "0",
    });
  });

  it("replays exactly the inputs of an earlier report, narrowed with --only", async () => {
    const dir = workspace({ "old.mjs": workerComponent(DOUBLE), "new.mjs": workerComponent(DOUBLE_CHANGED) });
    const first = await runInProcess([...pairRunArgs("worker"), "-n", "20", "--seed", "7"], { cwd: dir });
    const original = readReport(dir);
    expect(original.sample.indices).toHaveLength(20);

    const replay = await runInProcess(["run", "--replay", ".twinrun/last-report.json"], { cwd: dir });
    expect(replay.exitCode).toBe(first.exitCode);
    const replayed = readReport(dir, ".twinrun/last-replay.json");
    expect(replayed.sample.indices).toEqual(original.sample.indices);
    const { changeRate: replayedRate, ...replayedCounts } = replayed.summary;
    const { changeRate: originalRate, ...originalCounts } = original.summary;
    expect(replayedCounts).toEqual(originalCounts);
    // The cover sample bounds the source's change rate; a replay names its inputs, so it cannot.
    expect(originalRate?.applies).toBe(true);
    expect(replayedRate).toMatchObject({ applies: false, reason: expect.stringMatching(/replay/) });

    const only = await runInProcess(["run", "--replay", ".twinrun/last-report.json", "--only", "13"], {
      cwd: dir,
    });
    expect(only.exitCode).toBe(original.sample.indices.includes(13) ? 1 : 2);
    if (only.exitCode === 1) {
      expect(readReport(dir, ".twinrun/last-replay.json").sample.indices).toEqual([13]);
    }
    // The original report is kept, so every printed repro command keeps working.
    expect(readReport(dir).sample.indices).toEqual(original.sample.indices);
  });

  it("samples reproducibly: the same seed chooses the same inputs", async () => {
    const dir = workspace({ "old.mjs": workerComponent(DOUBLE), "new.mjs": workerComponent(DOUBLE) });
    const args = [...pairRunArgs("worker"), "-n", "10"];
    await runInProcess([...args, "--seed", "3"], { cwd: dir });
    const first = readReport(dir).sample.indices;
    await runInProcess([...args, "--seed", "3"], { cwd: dir });
    expect(readReport(dir).sample.indices).toEqual(first);
    await runInProcess([...args, "--seed", "4"], { cwd: dir });
    expect(readReport(dir).sample.indices).not.toEqual(first);
  });

  it("lets flags win over the config and resolves config paths against the config's folder", async () => {
    const dir = workspace({
      "project/old.mjs": workerComponent(DOUBLE),
      "project/new.mjs": workerComponent(DOUBLE_CHANGED),
      "project/data/inputs.jsonl": jsonl(records),
      "project/twinrun.config.yaml":
        "input: { path: data/inputs.jsonl, sample: all }\nold: { command: node old.mjs, mode: worker }\nnew: { command: node new.mjs, mode: worker }\ngate: { maxChanged: 0 }\n",
    });
    const fromElsewhere = await runInProcess(["run", "-c", "project/twinrun.config.yaml", "--no-save"], {
      cwd: dir,
    });
    expect(fromElsewhere.exitCode).toBe(1);
    expect(existsSync(path.join(dir, ".twinrun"))).toBe(false);
    const tolerated = await runInProcess(
      ["run", "-c", "project/twinrun.config.yaml", "--max-changed", "10%"],
      {
        cwd: dir,
      },
    );
    expect(tolerated.exitCode).toBe(0);
    expect(readReport(dir)).toMatchObject({ verdict: "changed", gate: { passed: true, maxChanged: "10%" } });
  });

  it("honours --ignore and --tol rules from the command line", async () => {
    const dir = workspace({
      "old.mjs": workerComponent("return { y: record.x, at: Date.now() + Math.random() };"),
      "new.mjs": workerComponent("return { y: record.x * (1 + 1e-7), at: Date.now() };"),
    });
    const base = [...pairRunArgs("worker"), "-n", "5"];
    expect((await runInProcess(base, { cwd: dir })).exitCode).toBe(1);
    expect((await runInProcess([...base, "--ignore", "at"], { cwd: dir })).exitCode).toBe(1);
    expect(
      (await runInProcess([...base, "--ignore", "at", "--tol", "y=rel:1e-6"], { cwd: dir })).exitCode,
    ).toBe(0);
  });

  it("lists a rule that matched no path in any output, with the path it likely meant", async () => {
    const dir = workspace({
      "inputs.jsonl": jsonl(records.slice(0, 5)),
      "old.mjs": workerComponent(DOUBLE),
      "new.mjs": workerComponent(DOUBLE),
    });
    const result = await runInProcess(
      [...[...pairRunArgs("worker")], ...["--ignore", "idd", "--tol", "y=abs:1", "--markdown", "summary.md"]],
      { cwd: dir },
    );
    // A typo changes no verdict (there is nothing to ignore), but it must not pass unseen.
    expect(result.exitCode).toBe(0);
    expect(readReport(dir).unusedRules).toEqual([{ path: "idd", options: ["ignore"], suggestion: "id" }]);
    expect(result.stdout).toContain(
      "Unused ignore rule idd: it matched no path in any output; did you mean id?",
    );
    expect(readFileSync(path.join(dir, "summary.md"), "utf8")).toContain("> ⚠️ Unused ignore rule `idd`");
  });

  it("writes a commented starter config with init that validates", async () => {
    const dir = workspace({});
    const init = await runInProcess(["init"], { cwd: dir });
    expect(init.exitCode).toBe(0);
    const text = readFileSync(path.join(dir, "twinrun.config.yaml"), "utf8");
    expect(text).toContain("#");
    expect((await runInProcess(["init"], { cwd: dir })).exitCode).toBe(2);
  });

  it("prints help with the exit codes", async () => {
    const result = await runCli(["--help"], { cwd: process.cwd() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Exit codes:");
  });
});

describe("twinrun run, interrupted", () => {
  it("stops the components on Ctrl-C and still writes the partial report, marked incomplete", async () => {
    const { execa } = await import("execa");
    const { CLI } = await import("../helpers/cli.ts");
    // Each input takes 100 ms; the first one leaves a marker file, so the test knows the run is under way.
    const slow = workerComponent(
      'process.getBuiltinModule("node:fs").writeFileSync("started", "");\n' +
        "const until = Date.now() + 100; while (Date.now() < until) {}\n" +
        DOUBLE,
    );
    const dir = workspace({ "old.mjs": slow, "new.mjs": slow });
    const child = execa(
      process.execPath,
      [CLI, ...pairRunArgs("worker"), "-n", "all", "--concurrency", "1"],
      { cwd: dir, env: { NO_COLOR: "1" }, reject: false },
    );
    const { existsSync: exists } = await import("node:fs");
    while (!exists(path.join(dir, "started"))) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill("SIGINT");
    const result = await child;
    expect(result.exitCode).toBe(130);
    const report = readReport(dir);
    expect(report.complete).toBe(false);
    expect(report.summary.trials).toBeLessThan(30);
    expect(result.stderr).toContain("interrupted");
  });
});
