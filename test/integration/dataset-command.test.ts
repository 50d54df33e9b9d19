// Dataset mode's execution: one real process per side on a whole sample file, its output table
// written to {output} or streamed from stdout, and every way such a run can go wrong.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type DatasetCommandOptions,
  describeDatasetCommand,
  runDatasetCommand,
} from "../../adapters/command/index.ts";
import { countLiveGroups } from "../../adapters/process/index.ts";
import type { Failure, TableRunResult } from "../../adapters/types.ts";
import { ComponentStartError } from "../../src/errors.ts";
import { readPidFile, waitUntilGone } from "../fixtures/programs/process-state.ts";
import { PROGRAMS_DIR, programCommand } from "../fixtures/programs/programs.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "twinrun-dataset-command-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SAMPLE = ['{"id":1,"x":1.5}', '{"id":2,"x":-4}', '{"id":3,"x":10}'];
const DOUBLED = ['{"id":1,"x":3}', '{"id":2,"x":-8}', '{"id":3,"x":20}'];
const BUILD = programCommand("dataset-double-x.mjs");
const HANG = programCommand("dataset-hang.mjs");
let folders = 0;

/** A fresh folder (named `name`) holding the sample file; returns the two paths of a run. */
function files(name = `run-${folders++}`, sampleName = "sample.jsonl") {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { recursive: true });
  const inputPath = path.join(dir, sampleName);
  writeFileSync(inputPath, `${SAMPLE.join("\n")}\n`);
  return { dir, inputPath, outputPath: path.join(dir, "output.jsonl") };
}

function options(overrides: Partial<DatasetCommandOptions> & { command: string }): DatasetCommandOptions {
  return {
    side: "old",
    cwd: PROGRAMS_DIR,
    env: {},
    shell: false,
    timeoutMs: 20_000,
    ...files(),
    ...overrides,
  };
}

function linesOf(file: string): string[] {
  return readFileSync(file, "utf8").split("\n").filter(Boolean);
}

function failureOf(result: TableRunResult): Failure {
  if (result.status !== "failure") throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result.failure;
}

describe("runDatasetCommand", () => {
  it("replaces {input} and {output} and keeps the file the command wrote", async () => {
    const run = options({ command: `${BUILD} --in {input} --out {output}` });
    const result = await runDatasetCommand(run);
    expect(result).toMatchObject({ status: "ok", stderr: "dataset-double-x: reading the sample\n" });
    expect(result.durationMs).toBeGreaterThan(0);
    expect(linesOf(run.outputPath)).toEqual(DOUBLED);
  });

  it("streams stdout into the output file when the command has no {output}", async () => {
    const run = options({ command: `${BUILD} --in {input}` });
    expect(await runDatasetCommand(run)).toMatchObject({ status: "ok" });
    expect(linesOf(run.outputPath)).toEqual(DOUBLED);
  });

  it.each([
    ["an {output}", `${BUILD} --out {output}`],
    ["stdout", BUILD],
  ])(
    "streams the sample file to stdin when the command has no {input} (output on %s)",
    async (_, command) => {
      const run = options({ command });
      expect(await runDatasetCommand(run)).toMatchObject({ status: "ok" });
      expect(linesOf(run.outputPath)).toEqual(DOUBLED);
    },
  );

  it("streams an output far larger than a pipe into the file, row for row", async () => {
    const run = options({ command: `${BUILD} --repeat 40000` });
    expect(await runDatasetCommand(run)).toMatchObject({ status: "ok" });
    const expectedBytes = DOUBLED.reduce((sum, row) => sum + (row.length + 1) * 40_000, 0);
    expect(statSync(run.outputPath).size).toBe(expectedBytes);
  });

  it("replaces a placeholder inside one argument without splitting it, spaces and all", async () => {
    const run = options({
      command: `node -e 'console.log(JSON.stringify(process.argv.slice(1)))' sample={input} "[{input}]"`,
      ...files("folder with spaces", "the sample.jsonl"),
    });
    expect(await runDatasetCommand(run)).toMatchObject({ status: "ok" });
    expect(JSON.parse(readFileSync(run.outputPath, "utf8"))).toEqual([
      `sample=${run.inputPath}`,
      `[${run.inputPath}]`,
    ]);
  });

  it("hands paths with spaces to a program as single arguments", async () => {
    const paths = files("a b", "sample file.jsonl");
    const argvFile = path.join(paths.dir, "argv.json");
    const run = options({
      command: `${BUILD} --in {input} --out {output} --argv-file '${argvFile}'`,
      ...paths,
      outputPath: path.join(paths.dir, "out put.jsonl"),
    });
    expect(await runDatasetCommand(run)).toMatchObject({ status: "ok" });
    expect(JSON.parse(readFileSync(argvFile, "utf8"))).toEqual([
      "--in",
      run.inputPath,
      "--out",
      run.outputPath,
      "--argv-file",
      argvFile,
    ]);
    expect(linesOf(run.outputPath)).toEqual(DOUBLED);
  });

  it.each([
    ["bare", "cat {input} > {output}"],
    ["single-quoted", "cat '{input}' > '{output}'"],
    ["double-quoted", 'cat "{input}" > "{output}"'],
  ])("shell-quotes %s paths holding spaces, quotes and $ for sh", async (_, command) => {
    const paths = files(`it's $HOME "quoted" ${folders}`, "sample `x`.jsonl");
    const run = options({ command, shell: true, ...paths });
    expect(await runDatasetCommand(run)).toMatchObject({ status: "ok" });
    expect(linesOf(run.outputPath)).toEqual(SAMPLE);
  });

  it("fails a non-zero exit with kind exit, the status and the stderr tail", async () => {
    const run = options({ command: `${BUILD} --in {input} --out {output} --exit 3` });
    const result = await runDatasetCommand(run);
    expect(failureOf(result)).toEqual({
      kind: "exit",
      exitCode: 3,
      message: "exited with status 3: dataset-double-x: giving up with status 3",
      stderr: "dataset-double-x: reading the sample\ndataset-double-x: giving up with status 3\n",
    });
  });

  it("fails a process killed by a signal with kind signal", async () => {
    const run = options({ command: `node -e 'process.kill(process.pid, "SIGKILL")' {input}` });
    expect(failureOf(await runDatasetCommand(run))).toMatchObject({ kind: "signal", signal: "SIGKILL" });
  });

  it("fails a zero exit that wrote no {output} file as unparsable, even over a stale file", async () => {
    const run = options({ command: `${BUILD} --in {input} --out {output} --write-nothing` });
    writeFileSync(run.outputPath, "left over from an earlier run\n");
    expect(failureOf(await runDatasetCommand(run))).toEqual({
      kind: "unparsable",
      message: `wrote no output file at ${run.outputPath}`,
      stderr: "dataset-double-x: reading the sample\n",
    });
  });

  it("kills the whole process tree on timeout and fails with kind timeout", async () => {
    const run = options({
      command: `${HANG} --pid-file {output}.child --own-pid-file {output}.own`,
      // Long enough that a loaded machine still starts the program and sees its first line.
      timeoutMs: 5000,
    });
    const groupsBefore = countLiveGroups();
    const result = await runDatasetCommand(run);
    expect(failureOf(result)).toEqual({
      kind: "timeout",
      message: "did not finish within 5000 ms",
      stderr: "dataset-hang: working on it\n",
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(4990);
    expect(await waitUntilGone(await readPidFile(`${run.outputPath}.child`))).toBe(true);
    expect(await waitUntilGone(await readPidFile(`${run.outputPath}.own`))).toBe(true);
    expect(countLiveGroups()).toBe(groupsBefore);
  });

  it("kills the process tree when the signal aborts, even one that ignores SIGTERM", async () => {
    const run = options({
      command: `${HANG} --ignore-sigterm --pid-file {output}.child --own-pid-file {output}.own`,
    });
    const controller = new AbortController();
    const running = runDatasetCommand({ ...run, signal: controller.signal });
    const own = await readPidFile(`${run.outputPath}.own`);
    const child = await readPidFile(`${run.outputPath}.child`);
    controller.abort();
    const result = await running;
    expect(result).toMatchObject({ status: "failure", interrupted: true, failure: { kind: "signal" } });
    expect(await waitUntilGone(own)).toBe(true);
    expect(await waitUntilGone(child)).toBe(true);
  });

  it("keeps the output of a command whose grandchild holds stdout open, and ends the grandchild", async () => {
    const paths = files();
    const pidFile = path.join(paths.dir, "grandchild.pid");
    const script =
      'const c = require("node:child_process").spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "inherit" });' +
      `require("node:fs").writeFileSync(${JSON.stringify(pidFile)}, String(c.pid));` +
      'process.stdout.write("{\\"id\\":1}\\n", () => process.exit(0));';
    const run = options({ command: `node -e '${script}' {input}`, ...paths });
    expect(await runDatasetCommand(run)).toMatchObject({ status: "ok" });
    expect(linesOf(run.outputPath)).toEqual(['{"id":1}']);
    expect(await waitUntilGone(await readPidFile(pidFile))).toBe(true);
  });

  it("rejects (twinrun's own problem, not the component's) when the output file cannot be written", async () => {
    const run = options({
      command: `${BUILD} --in {input}`,
      outputPath: path.join(scratch, "nowhere", "out.jsonl"),
    });
    await expect(runDatasetCommand(run)).rejects.toThrow(
      `could not write the old component's output to ${run.outputPath}: ENOENT`,
    );
  });

  it("starts nothing when the signal has already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const run = options({ command: `${BUILD} --in {input} --out {output}`, signal: controller.signal });
    expect(await runDatasetCommand(run)).toMatchObject({ status: "failure", interrupted: true });
    expect(() => statSync(run.outputPath)).toThrow();
  });

  it.each([
    ["a program that does not exist", { command: "twinrun-no-such-program {input} {output}" }],
    ["a missing working folder", { command: `${BUILD} {input}`, cwd: path.join(scratch, "nowhere") }],
    ["a shell command that is not found", { command: "twinrun-no-such-program {input}", shell: true }],
  ])("rejects with ComponentStartError (exit 3) for %s", async (_, overrides) => {
    const error = await runDatasetCommand(options(overrides)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ComponentStartError);
    expect((error as ComponentStartError).exitCode).toBe(3);
    expect((error as ComponentStartError).message).toMatch(
      /^old component could not start: .*twinrun-no-such-program|working folder/,
    );
  });
});

describe("describeDatasetCommand", () => {
  it("shows the command with its placeholders and the mode", () => {
    expect(describeDatasetCommand({ command: "python3 build.py --in {input} --out {output}" })).toBe(
      "python3 build.py --in {input} --out {output} (dataset)",
    );
    expect(describeDatasetCommand({ command: "sh build.sh > {output}", shell: true })).toBe(
      "sh build.sh > {output} (dataset, shell)",
    );
  });
});
