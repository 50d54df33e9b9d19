// Faults where twinrun cannot (or could wrongly) observe an output: a line past the output limit,
// invalid UTF-8, deep nesting. None may ever read as "same".
import { afterAll, describe, expect, it } from "vitest";
import { runTwin } from "../../../src/index.ts";
import { cleanUpFaultRuns, runFault } from "./fault-kit.ts";

afterAll(cleanUpFaultRuns);

// The runs mostly wait on their components: they run at once, each in its own workspace, except the
// two 100 MB lines, which take seconds to write and must stay within the default per-input timeout.
describe.concurrent("faults: outputs twinrun cannot observe", () => {
  it.sequential.each(["per-input", "worker"] as const)(
    "judges two different 100 MB lines as inconclusive in %s mode, never as same (exit 1)",
    async (mode) => {
      const run = await runFault({ records: [{ fault: "big-line" }, { id: 1 }], mode });
      expect(run.exitCode).toBe(1);
      expect(run.report?.verdict).toBe("inconclusive");
      expect(run.report?.summary).toMatchObject({ trials: 2, same: 1, changed: 0, inconclusive: 1 });
      expect(run.report?.inconclusive).toEqual([
        expect.objectContaining({
          limit: "output-size",
          trials: 1,
          exampleIndices: [0],
          sides: { old: 0, new: 0, both: 1 },
        }),
      ]);
      expect(run.report?.gate).toMatchObject({ passed: false, exitCode: 1 });
      expect(run.report?.gate.reason).toContain("TWINRUN_MAX_OUTPUT_MB=");
      expect(run.stdout).toMatch(
        /INCONCLUSIVE: 1 trial\(s\).*output limit of 64 MB.*--output-limit 256 .*TWINRUN_MAX_OUTPUT_MB=256/,
      );
    },
    60_000,
  );

  it("compares a line past a raised limit: the two 2 MB lines differ (exit 1), kept as excerpts", async () => {
    const run = await runFault({
      records: [{ fault: "big-line", megabytes: 2 }],
      env: { TWINRUN_MAX_OUTPUT_MB: "1" },
    });
    expect(run.report?.summary.inconclusive).toBe(1);
    // The flag wins over the environment.
    const raised = await runFault({
      records: [{ fault: "big-line", megabytes: 2 }],
      args: ["--output-limit", "3"],
      env: { TWINRUN_MAX_OUTPUT_MB: "1" },
    });
    expect(raised.exitCode).toBe(1);
    expect(raised.report?.summary).toMatchObject({ changed: 1, inconclusive: 0 });
    expect(raised.report?.verdict).toBe("changed");
    // The report keeps a bounded, marked excerpt of each 2 MB value; the comparison used them whole.
    const [example] = raised.report?.examples ?? [];
    expect(example.excerpts).toEqual(expect.arrayContaining(["old.output", "new.output"]));
    expect(example.old.output.length).toBeLessThan(70_000);
    expect(example.old.output).toMatch(/…\[cut by twinrun after 65,536 of [\d,]+ characters/);
  });

  it("takes the output limit from the config's run.outputLimit", async () => {
    const run = await runFault({
      records: [{ fault: "big-line", megabytes: 2 }],
      files: { "twinrun.config.yaml": "run: { outputLimit: 1 }\n" },
    });
    expect(run.report?.summary.inconclusive).toBe(1);
    expect(run.report?.gate.reason).toContain("output limit of 1 MB");
  });

  it("rejects a malformed output limit with exit 2, naming the variable, the flag or the key", async () => {
    const run = await runFault({ records: [{ id: 1 }], env: { TWINRUN_MAX_OUTPUT_MB: "lots" } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("TWINRUN_MAX_OUTPUT_MB must be a positive number of megabytes");
    expect(run.stderr).not.toContain("    at ");
    const flag = await runFault({ records: [{ id: 1 }], args: ["--output-limit", "0"] });
    expect(flag.exitCode).toBe(2);
    expect(flag.stderr).toContain('--output-limit: expected a number > 0, got "0"');
    const key = await runFault({
      records: [{ id: 1 }],
      files: { "twinrun.config.yaml": "run: { outputLimit: -1 }\n" },
    });
    expect(key.exitCode).toBe(2);
    expect(key.stderr).toContain("run.outputLimit: expected a number > 0, got -1");
  });

  it.each(["per-input", "worker"] as const)(
    "reports different invalid UTF-8 bytes as a change in %s mode (exit 1)",
    async (mode) => {
      const run = await runFault({ records: [{ fault: "invalid-utf8" }], mode });
      expect(run.exitCode).toBe(1);
      expect(run.report?.summary).toMatchObject({ changed: 1 });
      expect(run.report?.examples[0].differences[0]).toMatchObject({
        path: "s",
        old: "\udcff",
        new: "\udcfe",
      });
    },
  );

  it("finds the same invalid UTF-8 bytes equal (exit 0)", async () => {
    const run = await runFault({ records: [{ fault: "invalid-utf8" }], tags: ["a", "a"] });
    expect(run.exitCode).toBe(0);
    expect(run.report?.verdict).toBe("equivalent");
  });

  it("finds two equal 100,000-deep outputs equal, and a change 1,000 levels down (exit 1)", async () => {
    const same = await runFault({ records: [{ fault: "deep" }], tags: ["a", "a"] });
    expect(same.stderr).not.toContain("    at ");
    expect(same.exitCode).toBe(0);
    expect(same.report?.summary).toMatchObject({ trials: 1, same: 1 });
    const changed = await runFault({ records: [{ fault: "deep", depth: 1000 }] });
    expect(changed.exitCode).toBe(1);
    expect(changed.report?.summary).toMatchObject({ trials: 1, changed: 1 });
    expect(changed.report?.paths[0].path).toBe("[*]".repeat(1000));
  }, 60_000);

  it("judges a JavaScript value past the depth limit (an endless toJSON) as inconclusive, never as same (exit 1)", async () => {
    // Each toJSON returns a fresh object with its own toJSON: no cycle, but no end either.
    const endless = (): unknown => ({ toJSON: endless });
    const report = await runTwin({
      old: (input) => ((input as { id: number }).id === 0 ? endless() : { id: 1 }),
      new: (input) => ((input as { id: number }).id === 0 ? endless() : { id: 1 }),
      inputs: [{ id: 0 }, { id: 1 }],
      // Walking 200,000 levels takes a while on a loaded machine: no timeout may decide this outcome.
      run: { timeout: 0 },
    });
    expect(report.verdict).toBe("inconclusive");
    expect(report.summary).toMatchObject({ trials: 2, same: 1, changed: 0, inconclusive: 1 });
    expect(report.inconclusive).toEqual([
      expect.objectContaining({ limit: "depth", trials: 1, sides: { old: 0, new: 0, both: 1 } }),
    ]);
    expect(report.gate).toMatchObject({ passed: false, exitCode: 1 });
    expect(report.gate.reason).toContain("depth limit for JavaScript values");
  });
});
