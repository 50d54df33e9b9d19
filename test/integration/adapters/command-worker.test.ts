// The command adapter in worker mode: a pool of real long-lived JSON-lines worker processes.
import { describe, expect, it } from "vitest";
import type { CommandAdapterOptions } from "../../../adapters/command/types.ts";
import { countLiveGroups, killAllChildren } from "../../../adapters/process/index.ts";
import { ComponentStartError } from "../../../src/errors.ts";
import { isProcessAlive, readPidFile, waitUntilGone } from "../../fixtures/programs/process-state.ts";
import { programCommand } from "../../fixtures/programs/programs.ts";
import { failureOf, input, pidOf, useCommandAdapterKit } from "./command-test-kit.ts";

const { adapterFor, pidFile } = useCommandAdapterKit();

describe("in worker mode", () => {
  const worker = (program: string, overrides: Partial<CommandAdapterOptions> = {}) =>
    adapterFor({ command: programCommand(program), mode: "worker", ...overrides });

  it.each([
    [
      "worker-crash-on-negative.mjs",
      "worker exited with status 1 while running this input: worker-crash-on-negative: x must be >= 0, got -1",
    ],
    [
      "worker_crash_on_negative.py",
      "worker exited with status 1 while running this input: ValueError: x must be >= 0, got -1",
    ],
  ])(
    "fails the input %s crashes on, then runs the next input on a fresh worker",
    async (program, message) => {
      const adapter = worker(program);
      await adapter.start();
      expect(await adapter.run(input({ x: 1 }))).toMatchObject({ status: "ok", value: { x: 1 } });
      const failure = failureOf(await adapter.run(input({ x: -1 })));
      expect(failure).toMatchObject({ kind: "crash", exitCode: 1, message });
      expect(failure.stderr).toContain("x must be >= 0, got -1");
      expect(await adapter.run(input({ x: 2 }))).toMatchObject({ status: "ok", value: { x: 2 } });
    },
  );

  it("fails a non-JSON answer line as unparsable and replaces that worker", async () => {
    const adapter = worker("worker-garbage-on-flag.mjs");
    await adapter.start();
    const failure = failureOf(await adapter.run(input({ garbage: true })));
    expect(failure).toEqual({
      kind: "unparsable",
      message: 'expected one JSON value on stdout, got: "Result: {\\"garbage\\":true}"',
    });
    expect(await adapter.run(input({ garbage: false }))).toMatchObject({
      status: "ok",
      text: '{"garbage":false}',
    });
  });

  it("keeps one worker for many inputs", async () => {
    const adapter = worker("worker-pid.mjs");
    await adapter.start();
    const pids = new Set<unknown>();
    for (let id = 0; id < 5; id++) {
      const outcome = await adapter.run(input({ id }, id));
      expect(outcome).toMatchObject({ status: "ok", value: { id } });
      pids.add(pidOf(outcome));
    }
    expect(pids.size).toBe(1);
  });

  it("runs N parallel inputs on N workers and matches every answer to its input", async () => {
    const adapter = worker("worker-pid.mjs", { concurrency: 4 });
    await adapter.start();
    const outcomes = await Promise.all(
      [0, 1, 2, 3].map((id) => adapter.run(input({ id, delayMs: 200 + (3 - id) * 100 }, id))),
    );
    expect(outcomes).toMatchObject(outcomes.map((_, id) => ({ status: "ok", value: { id } })));
    const pids = outcomes.map(pidOf);
    expect(new Set(pids).size).toBe(4);
    await adapter.stop();
    for (const pid of pids) expect(await waitUntilGone(pid)).toBe(true);
  });

  it("never runs more workers than the concurrency", async () => {
    const adapter = worker("worker-pid.mjs", { concurrency: 2 });
    const outcomes = await Promise.all(
      [0, 1, 2, 3, 4].map((id) => adapter.run(input({ id, delayMs: 100 }, id))),
    );
    expect(outcomes).toMatchObject(outcomes.map((_, id) => ({ status: "ok", value: { id } })));
    const pids = new Set(outcomes.map(pidOf));
    expect(pids.size).toBe(2);
  });

  it("replaces a worker that exited while idle", async () => {
    const adapter = worker("worker-pid.mjs");
    await adapter.start();
    const first = await adapter.run(input({ id: 1 }));
    const firstPid = pidOf(first);
    process.kill(firstPid, "SIGKILL");
    expect(await waitUntilGone(firstPid)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await adapter.run(input({ id: 2 }));
    expect(second).toMatchObject({ status: "ok", value: { id: 2 } });
    expect(pidOf(second)).not.toBe(firstPid);
  });

  it("gives a fresh worker's first input extra time for its startup, later inputs only the timeout", async () => {
    const adapter = worker("worker-pid.mjs", { timeoutMs: 300, startupAllowanceMs: 10_000 });
    await adapter.start();
    expect(await adapter.run(input({ id: 1, delayMs: 600 }))).toMatchObject({
      status: "ok",
      value: { id: 1 },
    });
    expect(failureOf(await adapter.run(input({ id: 2, delayMs: 600 })))).toMatchObject({
      kind: "timeout",
      message: "no output within 300 ms",
    });
  });

  it("fails start() with the stderr tail when the worker exits right away", async () => {
    const adapter = worker("worker-exit-at-start.mjs", { startGraceMs: 10_000 });
    const error = await adapter.start().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ComponentStartError);
    expect((error as Error).message).toMatch(
      /^old component could not start: the worker exited with status 3 right after starting; its stderr ends with:\n {2}loading model\n {2}worker-exit-at-start: cannot load model\.pkl \(cwd /,
    );
  });

  it("fails start() when the worker prints on stdout before getting any input", async () => {
    const adapter = worker("worker-banner.mjs", { startGraceMs: 10_000 });
    await expect(adapter.start()).rejects.toThrow(
      'old component could not start: the worker printed "Loading model..." on stdout before it got any input; ' +
        "a worker must print exactly one JSON line per input line and nothing else (write logs to stderr)",
    );
  });

  it("folds line breaks of a pretty-printed input into spaces so the input stays one line", async () => {
    const adapter = worker("worker-echo.mjs");
    const outcome = await adapter.run({ index: 0, text: '{\n  "a": "x\\ny",\r\n  "b": [1,\n 2]\n}' });
    expect(outcome).toMatchObject({ status: "ok", value: { a: "x\ny", b: [1, 2] } });
  });

  it("leaves no process behind after stop(), and stop() can be called twice", async () => {
    const adapter = worker("worker-hang-on-flag.mjs", { concurrency: 2, timeoutMs: 0 });
    await adapter.start();
    const file = pidFile();
    const hanging = adapter.run(input({ hang: true, pidFile: file }));
    // A second input needs a second worker, which then waits idle.
    expect(await adapter.run(input({ x: 1 }))).toMatchObject({ status: "ok" });
    const grandchild = await readPidFile(file);
    expect(countLiveGroups()).toBe(2);
    await Promise.all([adapter.stop(), adapter.stop()]);
    expect(failureOf(await hanging).kind).toBe("crash");
    expect(countLiveGroups()).toBe(0);
    expect(await waitUntilGone(grandchild)).toBe(true);
    await adapter.stop();
  });

  it("kills every worker synchronously on killAllChildren()", async () => {
    const adapter = worker("worker-pid.mjs", { concurrency: 2 });
    const outcomes = await Promise.all([0, 1].map((id) => adapter.run(input({ id, delayMs: 200 }, id))));
    const pids = outcomes.map(pidOf);
    expect(pids.every(isProcessAlive)).toBe(true);
    killAllChildren();
    for (const pid of pids) expect(await waitUntilGone(pid)).toBe(true);
  });
});
