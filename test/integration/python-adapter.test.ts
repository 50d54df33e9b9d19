// The Python adapter against real Python worker processes: record style, failures as outcomes,
// restarts, timeouts, start errors, stdout isolation and faithful serialisation.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ComponentStartError } from "../../src/errors.ts";
import { parseLossless } from "../../src/json/parse.ts";
import { IntegralFloat } from "../../src/json/values.ts";
import { PYTHON_FIXTURES } from "../fixtures/python/python-env.ts";
import { failureOf, input, outputOf, textOf, usePythonAdapterKit } from "./python-adapter-kit.ts";

const { adapterFor } = usePythonAdapterKit();

async function startError(adapter: { start(): Promise<void> }): Promise<ComponentStartError> {
  const error = await adapter.start().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ComponentStartError);
  return error as ComponentStartError;
}

describe("the Python adapter in record style", () => {
  it("calls the function once per input and returns its output text and lossless value", async () => {
    const adapter = adapterFor({ function: "double_x" });
    await adapter.start();
    const outcome = await adapter.run(input({ id: 1, x: 1.5 }));
    expect(outcome).toMatchObject({ status: "ok", text: '{"id":1,"y":3.0}' });
    expect(outcome.status === "ok" && outcome.value).toEqual({ id: 1, y: new IntegralFloat(3) });
  });

  it("reaches functions inside classes with a dotted name", async () => {
    const adapter = adapterFor({ function: "Pipeline.run" });
    await adapter.start();
    expect(outputOf(await adapter.run(input({ id: 4 })))).toEqual({ id: 4, via: "Pipeline.run" });
  });

  it("turns an exception into a failure outcome and keeps the same worker for the next input", async () => {
    const adapter = adapterFor({ function: "raise_on_negative" });
    await adapter.start();
    const failure = failureOf(await adapter.run(input({ x: -1 })));
    expect(failure).toMatchObject({
      kind: "exception",
      errorType: "ValueError",
      message: "ValueError: x must be >= 0, got -1",
    });
    expect(failure.stderr).toContain("checking -1");
    expect(failure.stderr).toContain('raise ValueError(f"x must be >= 0');
    expect(failure.stderr).not.toContain("worker.py");
    expect(outputOf(await adapter.run(input({ x: 2 })))).toEqual({ x: 2 });
  });

  it("keeps one worker process for many inputs", async () => {
    const adapter = adapterFor({ function: "sleep_on_flag" });
    await adapter.start();
    const pids = new Set<unknown>();
    for (let id = 0; id < 5; id++) pids.add(outputOf(await adapter.run(input({ id }, id))).pid);
    expect(pids.size).toBe(1);
  });

  it.each([
    ["killed by a signal", { kill: true }, { kind: "crash", signal: "SIGKILL" }],
    ["exiting through sys.exit", { exit: true }, { kind: "crash", exitCode: 4 }],
  ])("restarts a worker %s and fails only the input it was on", async (_how, flags, expected) => {
    const adapter = adapterFor({ function: "die_on_flag" });
    await adapter.start();
    const before = outputOf(await adapter.run(input({ id: 1 }))).pid;
    const failure = failureOf(await adapter.run(input({ id: 2, ...flags })));
    expect(failure).toMatchObject(expected);
    expect(failure.message).toMatch(
      /^worker (was killed by SIGKILL|exited with status 4) while running this input/,
    );
    const after = outputOf(await adapter.run(input({ id: 3 })));
    expect(after).toMatchObject({ id: 3 });
    expect(after.pid).not.toBe(before);
  });

  it("times out a hanging call, kills that worker and answers the next input from a fresh one", async () => {
    const adapter = adapterFor({ function: "sleep_on_flag", timeoutMs: 300 });
    await adapter.start();
    const failure = failureOf(await adapter.run(input({ id: 1, sleepMs: 10_000 })));
    expect(failure).toEqual({ kind: "timeout", message: "no output within 300 ms" });
    expect(outputOf(await adapter.run(input({ id: 2 })))).toMatchObject({ id: 2 });
  });

  it("runs parallel inputs on separate workers, up to the concurrency", async () => {
    const adapter = adapterFor({ function: "sleep_on_flag", concurrency: 2 });
    await adapter.start();
    const outcomes = await Promise.all(
      [0, 1, 2, 3].map((id) => adapter.run(input({ id, sleepMs: 150 }, id))),
    );
    expect(outcomes.map((outcome) => outputOf(outcome).id)).toEqual([0, 1, 2, 3]);
    expect(new Set(outcomes.map((outcome) => outputOf(outcome).pid)).size).toBe(2);
  });

  it("keeps print(), sys.stdout and raw writes to fd 1 off the protocol", async () => {
    const adapter = adapterFor({ function: "noisy" });
    await adapter.start();
    for (let id = 0; id < 3; id++) expect(textOf(await adapter.run(input({ id })))).toBe(`{"id":${id}}`);
  });

  it("gives the user's code an empty stdin, so input() cannot steal protocol lines", async () => {
    const adapter = adapterFor({ function: "read_stdin" });
    await adapter.start();
    expect(outputOf(await adapter.run(input({ id: 1 })))).toEqual({ id: 1, stdin: null });
    expect(outputOf(await adapter.run(input({ id: 2 })))).toEqual({ id: 2, stdin: null });
  });

  it("passes the environment and runs in the component's folder", async () => {
    const adapter = adapterFor({
      function: "environment",
      env: { TZ: "UTC", PYTHONHASHSEED: "0", TWINRUN_SEED: "42", EXTRA: "yes", PYTHONDONTWRITEBYTECODE: "1" },
    });
    await adapter.start();
    const first = outputOf(await adapter.run(input({})));
    expect(first).toMatchObject({
      TZ: "UTC",
      PYTHONHASHSEED: "0",
      TWINRUN_SEED: "42",
      EXTRA: "yes",
      cwd: PYTHON_FIXTURES,
    });
    // PYTHONHASHSEED=0 makes str hashes the same in every process, hence on both sides.
    const other = adapterFor({ function: "environment", side: "new" });
    await other.start();
    expect(outputOf(await other.run(input({}))).hash).toBe(first.hash);
  });

  it.each([
    [true, "gives every call the same draw"],
    [false, "leaves random unseeded between calls"],
  ])("with seedEachCall %s %s", async (seedEachCall) => {
    const adapter = adapterFor({ function: "random_draw", seedEachCall });
    await adapter.start();
    const draws = [];
    for (let id = 0; id < 3; id++) draws.push(outputOf(await adapter.run(input({ id }))).draw);
    expect(new Set(draws).size).toBe(seedEachCall ? 1 : 3);
  });

  it("imports same-named modules from each side's own folder", async () => {
    const oldAdapter = adapterFor({
      module: "features",
      function: "build",
      cwd: path.join(PYTHON_FIXTURES, "old"),
    });
    const newAdapter = adapterFor({
      side: "new",
      module: "features",
      function: "build",
      cwd: path.join(PYTHON_FIXTURES, "new"),
    });
    await Promise.all([oldAdapter.start(), newAdapter.start()]);
    expect(outputOf(await oldAdapter.run(input({ x: 1 })))).toEqual({ version: "old", score: 2 });
    expect(outputOf(await newAdapter.run(input({ x: 1 })))).toEqual({ version: "new", score: 2 });
  });

  it("finds modules in the extra path entries", async () => {
    const adapter = adapterFor({
      module: "features",
      function: "build",
      path: [path.join(PYTHON_FIXTURES, "new")],
    });
    await adapter.start();
    expect(outputOf(await adapter.run(input({ x: 1 })))).toMatchObject({ version: "new" });
  });
});

describe("faithful serialisation", () => {
  it("keeps ints of any size, int vs float, NaN and Infinity, and marks types JSON lacks", async () => {
    const adapter = adapterFor({ function: "stdlib_types" });
    await adapter.start();
    const text = textOf(await adapter.run(input({})));
    expect(text).toContain('"big":1208925819614629174706177');
    expect(text).toContain('"negative_big":-1000000000000000000000000000000');
    expect(text).toContain('"float_integral":7.0');
    expect(text).toContain('"nan":NaN,"inf":Infinity,"minus_inf":-Infinity');
    const value = parseLossless(text) as Record<string, unknown>;
    expect(value.big).toBe(2n ** 80n + 1n);
    expect(value.int).toBe(7);
    expect(value.float_integral).toEqual(new IntegralFloat(7));
    expect(value).toMatchObject({
      tuple: { $tuple: [1, "a"] },
      set: { $set: [1, 2, 3] },
      frozenset: { $frozenset: ["a", "b"] },
      bytes: { $bytes: "AP9oaQ==" },
      decimal: { $decimal: "1.10" },
      datetime: { $datetime: "2024-02-29T13:45:00.123456" },
      aware: { $datetime: "2024-01-01T00:00:00+00:00" },
      date: { $date: "2024-02-29" },
      timedelta: { $timedelta: 3600.5 },
      complex: { $complex: [new IntegralFloat(1), new IntegralFloat(-2)] },
      int_keys: { "1": "one", "2": "two" },
      none: null,
      bool: true,
      text: "café ✓\nline",
    });
  });

  it("fails an output with no faithful JSON form as unparsable, naming its type", async () => {
    const adapter = adapterFor({ function: "unserialisable" });
    await adapter.start();
    const failure = failureOf(await adapter.run(input({})));
    expect(failure.kind).toBe("unparsable");
    expect(failure.message).toContain("builtins.object");
  });

  it("hands the input over byte for byte: big ints, 1.0 and NaN arrive as Python ints, floats and nan", async () => {
    const adapter = adapterFor({ function: "echo" });
    await adapter.start();
    const text = '{"id":12345678901234567890123,"f":1.0,"n":NaN,"s":"a\\nb"}';
    expect(textOf(await adapter.run({ index: 0, text }))).toBe(text);
  });
});

describe("a Python component that cannot start", () => {
  it.each([
    [
      "a module that does not exist",
      { module: "no_such_module", function: "build" },
      /old component could not start: Python could not load py:no_such_module:build \(ModuleNotFoundError: No module named 'no_such_module'\)[\s\S]*hint: no_such_module\.py is looked for in the component's cwd/,
    ],
    [
      "a missing function",
      { function: "no_such_function" },
      /Python could not load py:record_functions:no_such_function \(AttributeError: module "record_functions" \(.*record_functions\.py\) has no function "no_such_function"\)/,
    ],
    [
      "a syntax error",
      { module: "broken.syntax_error", function: "build" },
      /\(SyntaxError: invalid syntax \(syntax_error\.py, line 2\)\)[\s\S]*File ".*broken\/syntax_error\.py", line 2\n\s+return record \+/,
    ],
    [
      "a missing dependency",
      { module: "broken.missing_dependency", function: "build" },
      /ModuleNotFoundError: No module named 'twinrun_no_such_package'[\s\S]*hint: the interpreter .*python3(\.\d+)? cannot import twinrun_no_such_package; point twinrun at the virtualenv/,
    ],
    [
      "an exception while importing",
      { module: "broken.raises_on_import", function: "build" },
      /\(RuntimeError: cannot load the model file models\/v2\.pkl\)[\s\S]*raises_on_import\.py", line 1/,
    ],
    [
      "an interpreter that does not exist",
      { function: "double_x", python: "python3-twinrun-missing" },
      /Python interpreter not found: "python3-twinrun-missing"; set python: in the component's config .* or the TWINRUN_PYTHON environment variable/,
    ],
    [
      "a working folder that does not exist",
      { function: "double_x", cwd: "/nonexistent/twinrun" },
      /working folder does not exist: \/nonexistent\/twinrun/,
    ],
  ])("throws ComponentStartError with Python's own message for %s", async (_what, overrides, message) => {
    const error = await startError(adapterFor(overrides));
    expect(error.side).toBe("old");
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/at .*\.ts:\d+/);
  });
});
