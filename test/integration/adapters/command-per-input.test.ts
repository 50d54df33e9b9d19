// The command adapter in per-input mode: one real process per input.
import { describe, expect, it } from "vitest";
import { TwinrunError } from "../../../src/errors.ts";
import { readPidFile, waitUntilGone } from "../../fixtures/programs/process-state.ts";
import { programCommand } from "../../fixtures/programs/programs.ts";
import { failureOf, input, useCommandAdapterKit } from "./command-test-kit.ts";

const { adapterFor, pidFile, scratch } = useCommandAdapterKit();

describe("in per-input mode", () => {
  it("gives the component its input text plus a newline on stdin", async () => {
    const adapter = adapterFor({ command: `node -e 'process.stdin.pipe(process.stdout)'`, shell: false });
    const outcome = await adapter.run({ index: 0, text: '{"a": [1, 2]}' });
    expect(outcome).toMatchObject({ status: "ok", text: '{"a": [1, 2]}' });
    const raw = await adapterFor({
      command: `node -e 'process.stdin.on("data", (d) => process.stdout.write(JSON.stringify(String(d))))'`,
    }).run({ index: 0, text: "[1]" });
    expect(raw).toMatchObject({ status: "ok", text: '"[1]\\n"' });
  });

  it("splits quoted arguments the way a shell would, without running one", async () => {
    const adapter = adapterFor({
      command: `node -e 'console.log(JSON.stringify(process.argv.slice(1)))' 'a b' "c \\"d\\"" '$e'`,
    });
    const outcome = await adapter.run(input({}));
    expect(outcome).toMatchObject({ status: "ok", value: ["a b", 'c "d"', "$e"] });
  });

  it("gets the environment it is given on top of the parent's, in its cwd", async () => {
    const adapter = adapterFor({
      command: programCommand("print-env.mjs"),
      cwd: scratch,
      env: { TWINRUN_TEST_VAR: "x y" },
    });
    const outcome = await adapter.run(input({ names: ["TWINRUN_TEST_VAR", "PATH"] }));
    expect(outcome.status === "ok" && outcome.value).toEqual({
      env: { TWINRUN_TEST_VAR: "x y", PATH: process.env.PATH },
      cwd: scratch,
    });
  });

  it.each([
    ["crash-on-negative.mjs", "exited with status 1: crash-on-negative: x must be >= 0, got -1"],
    ["crash_on_negative.py", "exited with status 1: ValueError: x must be >= 0, got -1"],
  ])(
    "fails a non-zero exit of %s with kind exit, the status and the stderr tail",
    async (program, message) => {
      const adapter = adapterFor({ command: programCommand(program) });
      const failure = failureOf(await adapter.run(input({ x: -1 })));
      expect(failure).toMatchObject({ kind: "exit", exitCode: 1, message });
      expect(failure.stderr).toContain("x must be >= 0, got -1");
      expect(await adapter.run(input({ x: 1 }))).toMatchObject({ status: "ok" });
    },
  );

  it("fails a component killed by a signal with kind signal", async () => {
    const adapter = adapterFor({ command: programCommand("signal-on-flag.mjs") });
    const failure = failureOf(await adapter.run(input({ signal: "SIGKILL" })));
    expect(failure).toMatchObject({ kind: "signal", signal: "SIGKILL", message: "was killed by SIGKILL" });
    expect(failure.exitCode).toBeUndefined();
  });

  it.each([
    [programCommand("garbage.mjs"), 'expected one JSON value on stdout, got: "Result: {\\"x\\":1}"'],
    ["node -e 0", "printed nothing on stdout (expected one JSON value)"],
    [`node -e 'console.log("{}"); console.log("{}")'`, 'expected one JSON value on stdout, got: "{}\\n{}"'],
  ])("fails garbage output of `%s` as unparsable", async (command, message) => {
    const failure = failureOf(await adapterFor({ command }).run(input({ x: 1 })));
    expect(failure).toEqual({ kind: "unparsable", message });
  });

  it("quotes at most the first 200 characters of garbage output", async () => {
    const adapter = adapterFor({ command: `node -e 'process.stdout.write("z".repeat(5000))'` });
    const failure = failureOf(await adapter.run(input({})));
    expect(failure.message).toBe(`expected one JSON value on stdout, got: "${"z".repeat(200)}"…`);
  });

  it("drains a chatty stderr and keeps only its last 4 KB on a failure", async () => {
    const adapter = adapterFor({ command: `${programCommand("chatty-stderr.mjs")} && exit 3`, shell: true });
    const failure = failureOf(await adapter.run(input({ stderrKb: 2048 })));
    expect(failure).toMatchObject({
      kind: "exit",
      exitCode: 3,
      message: "exited with status 3: chatty-stderr: done",
    });
    expect(failure.stderr?.length).toBe(4096);
    expect(failure.stderr?.endsWith("log \nchatty-stderr: done\n")).toBe(true);
  });

  it("does not wait for a grandchild that keeps stdout open after the component exited, and kills it", async () => {
    const adapter = adapterFor({ command: programCommand("orphan-grandchild.mjs") });
    const file = pidFile();
    const outcome = await adapter.run(input({ pidFile: file }));
    expect(outcome).toMatchObject({ status: "ok", value: { pidFile: file } });
    expect(await waitUntilGone(await readPidFile(file))).toBe(true);
  });

  it("refuses shell syntax when the shell is off, before anything runs", () => {
    const create = () => adapterFor({ command: "python3 f.py | jq .", side: "new" });
    expect(create).toThrow(TwinrunError);
    expect(create).toThrow(/new\.command: "python3 f\.py \| jq \." uses shell syntax \("\|"\).*shell: true/);
  });

  it("stops a running component and its grandchildren on stop()", async () => {
    const adapter = adapterFor({ command: programCommand("hang-on-flag.mjs"), timeoutMs: 0 });
    const file = pidFile();
    const running = adapter.run(input({ hang: true, pidFile: file }));
    const grandchild = await readPidFile(file);
    await adapter.stop();
    expect(failureOf(await running)).toMatchObject({ kind: "signal", signal: "SIGTERM" });
    expect(await waitUntilGone(grandchild)).toBe(true);
    await adapter.stop();
  });
});
