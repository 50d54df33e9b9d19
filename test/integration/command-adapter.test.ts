// The command adapter on real processes, in both modes: outputs, start failures, timeouts, shell.
// Mode-specific behaviour: test/integration/adapters/command-{per-input,worker}.test.ts.
import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ComponentStartError } from "../../src/errors.ts";
import { IntegralFloat } from "../../src/json/values.ts";
import { readPidFile, waitUntilGone } from "../fixtures/programs/process-state.ts";
import { PROGRAMS_DIR, programCommand } from "../fixtures/programs/programs.ts";
import { failureOf, input, useCommandAdapterKit } from "./adapters/command-test-kit.ts";

const { adapterFor, pidFile, scratch } = useCommandAdapterKit();

const modes = [
  { mode: "per-input", node: "double-x.mjs", python: "double_x.py" },
  { mode: "worker", node: "worker-double-x.mjs", python: "worker_double_x.py" },
] as const;

describe.each(modes)("in $mode mode", ({ mode, node, python }) => {
  it("returns the output text and its lossless value", async () => {
    const adapter = adapterFor({ command: programCommand(python), mode });
    await adapter.start();
    const outcome = await adapter.run(input({ id: 7, x: 1.5 }));
    expect(outcome).toMatchObject({ status: "ok", text: '{"id": 7, "x": 3.0}' });
    expect(outcome.status === "ok" && outcome.value).toEqual({ id: 7, x: new IntegralFloat(3) });
    expect(outcome.durationMs).toBeGreaterThan(0);
  });

  it("answers many inputs, each with its own output", async () => {
    const adapter = adapterFor({ command: programCommand(node), mode });
    await adapter.start();
    for (const x of [1, 2.5, -4]) {
      const outcome = await adapter.run(input({ x }, x));
      expect(outcome).toMatchObject({
        status: "ok",
        text: JSON.stringify({ x: x * 2 }),
        value: { x: x * 2 },
      });
    }
  });

  it("rejects a command that is not on PATH with a ComponentStartError naming side, command and cwd", async () => {
    const adapter = adapterFor({ command: "pyton3 features_old.py", mode, side: "new" });
    const error = await adapter.start().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ComponentStartError);
    expect(error).toMatchObject({
      side: "new",
      exitCode: 3,
      message: `new component could not start: command not found: "pyton3" (cwd ${PROGRAMS_DIR})`,
    });
  });

  it("rejects a script that is not executable with a ComponentStartError", async () => {
    const script = path.join(scratch, `not-executable-${mode}.sh`);
    writeFileSync(script, "#!/bin/sh\necho 1\n");
    chmodSync(script, 0o644);
    const adapter = adapterFor({ command: script, mode });
    await expect(adapter.start()).rejects.toThrow(
      /old component could not start: not executable: ".*not-executable/,
    );
  });

  it("rejects a missing command from run() too when start() was skipped", async () => {
    const adapter = adapterFor({ command: "./no-such-program --flag", mode });
    await expect(adapter.run(input({ x: 1 }))).rejects.toBeInstanceOf(ComponentStartError);
  });

  it("reports a command-not-found inside a shell command as a ComponentStartError", async () => {
    const adapter = adapterFor({
      command: "pyton3 features_old.py",
      mode,
      shell: true,
      startGraceMs: 10_000,
    });
    const started = adapter.start().then(() => adapter.run(input({ x: 1 })));
    await expect(started).rejects.toThrow(
      /old component could not start: command not found: .*pyton3.*not found/,
    );
  });

  it("runs a pipe when shell is true", async () => {
    const first = mode === "worker" ? "worker-echo.mjs" : "echo.mjs";
    const adapter = adapterFor({
      command: `${programCommand(first)} | ${programCommand(node)}`,
      mode,
      shell: true,
    });
    await adapter.start();
    expect(await adapter.run(input({ x: 21 }))).toMatchObject({ status: "ok", text: '{"x":42}' });
  });

  it("reads NaN and Infinity tokens as Python writes them", async () => {
    const adapter = adapterFor({
      command: programCommand(mode === "worker" ? "worker_nan_output.py" : "nan_output.py"),
      mode,
    });
    await adapter.start();
    const outcome = await adapter.run(input({ id: 1 }));
    expect(outcome.status === "ok" && outcome.value).toEqual({
      id: 1,
      nan: Number.NaN,
      inf: Infinity,
      ninf: -Infinity,
    });
  });

  it("fails an input that times out with a timeout outcome and kills its grandchild", async () => {
    const program = mode === "worker" ? "worker-hang-on-flag.mjs" : "hang-on-flag.mjs";
    // A worker is running already when its input arrives; a per-input process must start first.
    const timeoutMs = mode === "worker" ? 1_000 : 2_000;
    const adapter = adapterFor({ command: programCommand(program), mode, timeoutMs, startupAllowanceMs: 0 });
    await adapter.start();
    const file = pidFile();
    const outcome = await adapter.run(input({ hang: true, pidFile: file }));
    expect(failureOf(outcome)).toMatchObject({
      kind: "timeout",
      message: `no output within ${timeoutMs} ms`,
    });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(await waitUntilGone(await readPidFile(file))).toBe(true);
    expect(await adapter.run(input({ x: 1 }))).toMatchObject({ status: "ok", text: '{"x":1}' });
  });
});
