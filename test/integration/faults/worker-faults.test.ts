// Faults of components and workers: crashes, hangs, garbage, dead workers, protocol breaks. Each
// run asserts the outcome, the exit code, the report, and that no process is left behind.
import { afterEach, describe, expect, it } from "vitest";
import { cleanUpFaultRuns, runFault } from "./fault-kit.ts";

afterEach(cleanUpFaultRuns);

const ids = (count: number) => Array.from({ length: count }, (_, id) => ({ id }));

describe("faults: worker protocol", () => {
  it("fails an input answered with two lines as a protocol failure of that side, and restarts the worker", async () => {
    const records = [...ids(3), { id: 3, fault: "two-lines" }, ...ids(4).map(({ id }) => ({ id: id + 4 }))];
    const run = await runFault({ records, mode: "worker", tags: ["a", "a"], args: ["--concurrency", "1"] });
    expect(run.exitCode).toBe(0);
    // Both sides broke the protocol the same way; every other input still pairs with its own answer.
    expect(run.report?.summary).toMatchObject({ trials: 8, same: 8, failures: { both: 1 } });
  });

  it("never pairs a later output with the wrong input when only the new worker prints two lines (exit 1)", async () => {
    const records = [...ids(2), { id: 2, fault: "two-lines-on-b" }, { id: 3 }, { id: 4 }];
    const run = await runFault({ records, mode: "worker", args: ["--concurrency", "1"] });
    expect(run.exitCode).toBe(1);
    expect(run.report?.summary).toMatchObject({
      trials: 5,
      same: 4,
      changed: 1,
      failures: { old: 0, new: 1, both: 0 },
    });
    expect(run.report?.examples.map((example: { index: number }) => example.index)).toEqual([2]);
    expect(run.report?.examples[0].new.failure).toMatchObject({ kind: "protocol" });
    expect(run.report?.examples[0].new.failure.message).toContain("more than one line for one input");
  });
});
