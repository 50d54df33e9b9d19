// The fault-injection suite's kit: runs the real CLI on fault.mjs (one program, the fault chosen
// by each input's `fault` field) and checks afterwards that no process it started is left behind.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { waitUntilGone } from "../../fixtures/programs/process-state.ts";
import { programCommand } from "../../fixtures/programs/programs.ts";
import { type CliResult, jsonl, makeWorkspace, runCli } from "../../helpers/cli.ts";

export interface FaultRun extends CliResult {
  dir: string;
  /** The JSON report the run saved (.twinrun/last-report.json), if any. */
  // biome-ignore lint/suspicious/noExplicitAny: a parsed report, read field by field in assertions
  report: Record<string, any> | undefined;
}

export interface FaultOptions {
  records: unknown[];
  mode?: "per-input" | "worker";
  /** Tags of the old and new side (fault.mjs prints side-specific output from them). */
  tags?: [string, string];
  args?: string[];
  env?: Record<string, string>;
  /** Extra files in the workspace. */
  files?: Record<string, string>;
  /** Run in this workspace (of an earlier run) instead of a new one. */
  dir?: string;
  /** A command the CLI runs under (see runCli); `{dir}` in it becomes the workspace's path. */
  launcher?: string[];
}

let cleanups: Array<() => void> = [];

/** Removes the workspaces of finished runs (call in afterAll where tests run concurrently). */
export function cleanUpFaultRuns(): void {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
}

/** Runs `twinrun run` with fault.mjs on both sides; asserts every process it started is gone. */
export async function runFault(options: FaultOptions): Promise<FaultRun> {
  const dir = options.dir ?? newWorkspace();
  for (const [name, content] of Object.entries({
    "inputs.jsonl": jsonl(options.records),
    ...options.files,
  })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  const pidDir = path.join(dir, "pids");
  mkdirSync(pidDir, { recursive: true });
  const mode = options.mode ?? "per-input";
  const [oldTag, newTag] = options.tags ?? ["a", "b"];
  const component = (tag: string) =>
    `${programCommand("fault.mjs")} ${tag}${mode === "worker" ? " --worker" : ""}`;
  const result = await runCli(
    [
      "run",
      "--old",
      component(oldTag),
      "--new",
      component(newTag),
      "--mode",
      mode,
      "-i",
      "inputs.jsonl",
      "-n",
      "all",
      "--concurrency",
      "2",
      ...(options.args ?? []),
    ],
    {
      cwd: dir,
      env: { FAULT_PID_DIR: pidDir, ...options.env },
      ...(options.launcher !== undefined && {
        launcher: options.launcher.map((part) => part.replaceAll("{dir}", dir)),
      }),
    },
  );
  await expectNoProcessLeft(pidDir);
  const reportFile = path.join(dir, ".twinrun", "last-report.json");
  const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, "utf8")) : undefined;
  return { ...result, dir, report };
}

function newWorkspace(): string {
  const { dir, cleanup } = makeWorkspace({});
  cleanups.push(cleanup);
  return dir;
}

/** Every pid fault.mjs wrote into `pidDir` belongs to a process that has ended. */
export async function expectNoProcessLeft(pidDir: string): Promise<void> {
  const pids = readdirSync(pidDir).map(Number);
  const alive: number[] = [];
  for (const pid of pids) if (!(await waitUntilGone(pid, 5000))) alive.push(pid);
  expect(alive, "processes left behind").toEqual([]);
}
