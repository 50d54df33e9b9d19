// Standard output that a reader closed (`twinrun … | head`) or a full device: a quiet exit.
import { spawn } from "node:child_process";
import { existsSync, openSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, jsonl, makeWorkspace } from "../helpers/cli.ts";

const workspace = makeWorkspace({ "inputs.jsonl": jsonl([{ x: 1 }, { x: 2 }, { x: 3 }]) });
afterAll(() => workspace.cleanup());

/** Spawns the CLI with `stdout` as given ("closed": a pipe whose reader is gone before it writes). */
function spawnCli(
  args: string[],
  stdout: "closed" | number,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: workspace.dir,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", stdout === "closed" ? "pipe" : stdout, "pipe"],
  });
  if (stdout === "closed") child.stdout?.destroy();
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

describe("closed or full standard output", () => {
  it("exits 0 quietly when the reader of --help is gone (EPIPE)", async () => {
    const result = await spawnCli(["--help"], "closed");
    expect(result).toEqual({ code: 0, stderr: "" });
  });

  it("finishes a run whose output reader is gone: same exit code, report saved, nothing on stderr", async () => {
    const result = await spawnCli(["run", "--old", "cat", "--new", "cat", "-i", "inputs.jsonl"], "closed");
    expect(result).toEqual({ code: 0, stderr: "" });
    expect(existsSync(path.join(workspace.dir, ".twinrun", "last-report.json"))).toBe(true);
  });

  it.runIf(existsSync("/dev/full"))("says once that /dev/full is full, without a stack", async () => {
    const result = await spawnCli(["--help"], openSync("/dev/full", "w"));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "twinrun: cannot write to standard output (ENOSPC); the rest of it is dropped\n",
    );
  });
});
