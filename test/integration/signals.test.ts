// SIGINT, SIGTERM and SIGHUP stop a run: every component process (and its children) ends, the
// partial report is written and marked incomplete, and twinrun exits 130.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, jsonl, makeWorkspace } from "../helpers/cli.ts";

// Each component process records its pid and its child's, then never answers.
const HANG = `
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const child = spawn("sleep", ["1000"], { stdio: "ignore" });
fs.writeFileSync(process.argv[2] + "/" + process.pid, String(child.pid));
setInterval(() => {}, 1000);
`;

const workspace = makeWorkspace({
  "inputs.jsonl": jsonl(Array.from({ length: 6 }, (_, x) => ({ x }))),
  "hang.cjs": HANG,
  "setup.cjs":
    'require("node:fs").writeFileSync(process.argv[2] + "/setup", String(process.pid)); setInterval(() => {}, 1000);',
});
afterAll(() => workspace.cleanup());

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function start(args: string[]): { child: ChildProcess; exited: Promise<Exit> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: workspace.dir,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<Exit>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited };
}

/** Waits (bounded) until `ready` holds, polling. */
async function waitFor(ready: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids the components recorded (each component and its `sleep` child). */
function recordedPids(folder: string): number[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name !== "setup")
    .flatMap((name) => [Number(name), Number(readFileSync(path.join(folder, name), "utf8"))]);
}

describe.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)("%s during a run", (signal) => {
  it("kills every component process group, writes the partial report marked incomplete, and exits 130", async () => {
    const pids = path.join(workspace.dir, `pids-${signal}`);
    mkdirSync(pids);
    const command = `${JSON.stringify(process.execPath)} hang.cjs ${pids}`;
    const report = `report-${signal}.json`;
    const args = ["run", "--old", command, "--new", command, "-i", "inputs.jsonl", "--concurrency", "2"];
    const { child, exited } = start([...args, "--timeout", "0", "--json", report]);
    // Both sides of two trials are running: four component processes, each with a child.
    await waitFor(() => recordedPids(pids).length >= 8, "the components to start");
    child.kill(signal);
    const result = await exited;
    expect(result.stderr).toContain(`interrupted (${signal})`);
    expect(result.code).toBe(130);
    const written = JSON.parse(readFileSync(path.join(workspace.dir, report), "utf8")) as {
      complete: boolean;
    };
    expect(written.complete).toBe(false);
    const all = recordedPids(pids);
    await waitFor(() => all.every((pid) => !isAlive(pid)), "every component process to end");
    expect(all.filter(isAlive)).toEqual([]);
  });
});

describe("an interrupt during start-up", () => {
  it("says the run was interrupted, exits 130 and leaves no process behind", async () => {
    const pids = path.join(workspace.dir, "pids-startup");
    mkdirSync(pids);
    const command = `${JSON.stringify(process.execPath)} hang.cjs ${pids}`;
    // A setup step runs before any component starts: while it runs, the run is still starting.
    const setup = `${JSON.stringify(process.execPath)} setup.cjs ${pids}`;
    writeFileSync(
      path.join(workspace.dir, "startup.yaml"),
      `old:\n  command: ${JSON.stringify(command)}\n  setup: ${JSON.stringify(setup)}\n`,
    );
    const { child, exited } = start(["run", "-c", "startup.yaml", "--new", command, "-i", "inputs.jsonl"]);
    await waitFor(() => existsSync(path.join(pids, "setup")), "the setup step to start");
    child.kill("SIGINT");
    const result = await exited;
    expect(result.stderr).toContain("interrupted (SIGINT)");
    expect(result.code).toBe(130);
    const setupPid = Number(readFileSync(path.join(pids, "setup"), "utf8"));
    await waitFor(() => !isAlive(setupPid), "the setup step to end");
    // No component started at all.
    expect(readdirSync(pids)).toEqual(["setup"]);
  });
});
