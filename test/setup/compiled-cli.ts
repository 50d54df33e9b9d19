// Vitest global setup: compiles the CLI from the current sources once per test run, into a folder of
// this run alone (two runs at once never share one), and removes it when the run ends. The tests
// read the bin's path with inject("compiledCli") (test/helpers/cli.ts).
import { existsSync, readdirSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { COMPILED_CLI_ROOT, compileCli } from "../helpers/compile-cli.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The compiled bin/twinrun.js of this test run. */
    compiledCli: string;
  }
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Why: a run killed before its teardown leaves its folder; the next run clears it. */
function removeAbandonedBuilds(root: string): void {
  if (!existsSync(root)) return;
  for (const name of readdirSync(root)) {
    const pid = Number(name.split("-")[0]);
    if (!Number.isInteger(pid) || !isAlive(pid))
      rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

/** Why: every spawn of the CLI in the tests starts compiled JavaScript of the code as it is now. */
export default async function setup(project: TestProject): Promise<() => void> {
  const root = path.join(REPO_ROOT, COMPILED_CLI_ROOT);
  removeAbandonedBuilds(root);
  const outDir = path.join(
    root,
    `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
  );
  project.provide("compiledCli", await compileCli(REPO_ROOT, outDir));
  return () => {
    rmSync(outDir, { recursive: true, force: true });
    // The shared folder goes when it is empty; another run's build keeps it (rmdir refuses).
    try {
      rmdirSync(root);
    } catch {}
  };
}
