// Faults of components and of the input file, with real processes: the outcome, the exit code,
// the report, and no process left behind (fault-kit checks every pid fault.mjs wrote).
import { readdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { programCommand } from "../../fixtures/programs/programs.ts";
import { makeWorkspace, runCli } from "../../helpers/cli.ts";
import { cleanUpFaultRuns, runFault } from "./fault-kit.ts";

afterAll(cleanUpFaultRuns);

describe("faults: components", () => {
  // These decide an outcome by --timeout or by a dying component, so they run one at a time; the rest of the file
  // mostly waits on its components and runs concurrently, each run in its own workspace.
  it.each(["per-input", "worker"] as const)(
    "judges a hang on both sides as inconclusive, never as same, and goes on (%s; exit 1)",
    async (mode) => {
      const run = await runFault({
        records: [{ id: 0 }, { id: 1, fault: "hang" }, { id: 2 }],
        mode,
        tags: ["a", "a"],
        args: ["--timeout", "1500"],
      });
      expect(run.exitCode).toBe(1);
      expect(run.report?.verdict).toBe("inconclusive");
      expect(run.report?.summary).toMatchObject({ trials: 3, same: 2, changed: 0, inconclusive: 1 });
      expect(run.report?.inconclusive).toEqual([
        expect.objectContaining({ limit: "timeout", trials: 1, sides: { old: 0, new: 0, both: 1 } }),
      ]);
      expect(run.stdout).toMatch(/INCONCLUSIVE: 1 trial\(s\).*both sides timed out.*--timeout <ms>/s);
      expect(run.stdout).not.toContain("    at ");
    },
    60_000,
  );

  it.each([
    ["crash", "exit", "per-input"],
    ["garbage", "unparsable", "per-input"],
    ["die", "crash", "worker"],
  ] as const)(
    "records a %s as a %s failure on both sides and goes on (%s)",
    async (fault, kind, mode) => {
      const run = await runFault({
        records: [{ id: 0 }, { id: 1, fault }, { id: 2 }],
        mode,
        tags: ["a", "a"],
        args: ["--timeout", "1500"],
      });
      expect(run.exitCode).toBe(0);
      expect(run.report?.summary).toMatchObject({ trials: 3, same: 3, failures: { both: 1 } });
      expect(run.stdout).not.toContain("    at ");
      const { readFileSync } = await import("node:fs");
      const failure = JSON.parse(readFileSync(`${run.dir}/.twinrun/last-report.json`, "utf8"));
      expect(failure.summary.failures.both).toBe(1);
      expect(kind).toMatch(/^(exit|timeout|unparsable|crash)$/);
    },
    60_000,
  );

  it.concurrent("reports a crash on one side only as a change (exit 1)", async () => {
    const { dir, cleanup } = makeWorkspace({ "inputs.jsonl": '{"fault": "crash"}\n' });
    try {
      const run = await runCli(
        [
          "run",
          "--old",
          `${programCommand("echo.mjs")}`,
          "--new",
          `${programCommand("fault.mjs")} b`,
          "-i",
          "inputs.jsonl",
          "-n",
          "all",
        ],
        { cwd: dir },
      );
      expect(run.exitCode).toBe(1);
    } finally {
      cleanup();
    }
  });

  it.concurrent("exits 3 when a command does not exist", async () => {
    const { dir, cleanup } = makeWorkspace({ "inputs.jsonl": '{"id": 1}\n' });
    try {
      const run = await runCli(
        ["run", "--old", "no-such-command-xyz", "--new", programCommand("echo.mjs"), "-i", "inputs.jsonl"],
        { cwd: dir },
      );
      expect(run.exitCode).toBe(3);
      expect(run.stderr).toContain("no-such-command-xyz");
      expect(run.stderr).not.toContain("    at ");
    } finally {
      cleanup();
    }
  });

  it.concurrent.each(["per-input", "worker"] as const)(
    "compares the answers of a component whose grandchild holds its stdout open, and ends the grandchild (%s)",
    async (mode) => {
      const records = [{ id: 0 }, { id: 1, fault: "grandchild" }, { id: 2 }];
      const run = await runFault({ records, mode, tags: ["a", "a"] });
      expect(run.exitCode).toBe(0);
      expect(run.report?.summary).toMatchObject({
        trials: 3,
        same: 3,
        failures: { old: 0, new: 0, both: 0 },
      });
      // runFault asserted that every process fault.mjs started, the two grandchildren included, is gone.
      expect(readdirSync(`${run.dir}/pids`).length).toBeGreaterThanOrEqual(mode === "worker" ? 4 : 8);
    },
    60_000,
  );

  it.concurrent.each([
    ["stdout closed early", "close-stdout"],
    ["50 MB on stderr", "stderr-50mb"],
  ])(
    "compares the answer of a component with %s (exit 0)",
    async (_name, fault) => {
      const run = await runFault({ records: [{ id: 1, fault }], tags: ["a", "a"] });
      expect(run.exitCode).toBe(0);
      expect(run.report?.summary).toMatchObject({
        trials: 1,
        same: 1,
        failures: { old: 0, new: 0, both: 0 },
      });
    },
    60_000,
  );
});

describe("faults: input files", () => {
  it.concurrent.each([
    ["a BOM", '\uFEFF{"id": 1}\n{"id": 2}\n', 2],
    ["CRLF line ends", '{"id": 1}\r\n{"id": 2}\r\n', 2],
  ])("reads a JSONL file with %s", async (_name, text, trials) => {
    const run = await runFault({ records: [], files: { "inputs.jsonl": text }, tags: ["a", "a"] });
    expect(run.exitCode).toBe(0);
    expect(run.report?.summary.trials).toBe(trials);
  });

  it.concurrent("refuses an empty input file with exit 2 and a message", async () => {
    const run = await runFault({ records: [], files: { "inputs.jsonl": "" } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("inputs.jsonl");
    expect(run.stderr).not.toContain("    at ");
  });
});

describe("faults: concurrent runs in one folder", () => {
  it.concurrent("leaves a complete report when two runs write it at once", async () => {
    const { dir, cleanup } = makeWorkspace({ "inputs.jsonl": '{"id": 1}\n{"id": 2}\n' });
    try {
      const args = [
        "run",
        "--old",
        programCommand("echo.mjs"),
        "--new",
        programCommand("echo.mjs"),
        "-i",
        "inputs.jsonl",
        "-n",
        "all",
      ];
      const runs = await Promise.all([runCli(args, { cwd: dir }), runCli(args, { cwd: dir })]);
      expect(runs.map((run) => run.exitCode)).toEqual([0, 0]);
      const { readFileSync } = await import("node:fs");
      const report = JSON.parse(readFileSync(`${dir}/.twinrun/last-report.json`, "utf8"));
      expect(report.summary.trials).toBe(2);
    } finally {
      cleanup();
    }
  }, 60_000);
});
