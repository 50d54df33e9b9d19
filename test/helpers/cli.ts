// Test helpers: a throwaway workspace with real files, and the real CLI (compiled from the current
// sources) run as a child process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { inject } from "vitest";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/**
 * The CLI entry the tests spawn: bin/twinrun.js compiled from the current sources once per test run
 * (test/setup/compiled-cli.ts), never the dist/ build, which may be stale. Under a vitest config
 * without that setup, the sources through tsx.
 */
export const CLI = inject("compiledCli") ?? path.join(REPO_ROOT, "test", "helpers", "twinrun-sources.mjs");

export interface CliResult {
  exitCode: number;
  /** The signal that ended the process, when one did (exitCode is then -1). */
  signal?: string;
  stdout: string;
  stderr: string;
}

/**
 * Runs `twinrun <args>` in `cwd` without colours, as a user would from a shell. `launcher` is a
 * command the CLI runs under (e.g. `strace …` or `unshare …`), given the node command after it.
 */
export async function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; launcher?: string[] },
): Promise<CliResult> {
  const [file, ...launcherArgs] = [...(options.launcher ?? []), process.execPath];
  const result = await execa(file as string, [...launcherArgs, CLI, ...args], {
    cwd: options.cwd,
    // A fixed width, so the terminal report lays out the same under any terminal or CI.
    env: { NO_COLOR: "1", COLUMNS: "80", ...options.env },
    reject: false,
    timeout: 60_000,
  });
  return {
    exitCode: result.exitCode ?? -1,
    ...(result.signal !== undefined && { signal: result.signal }),
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** Creates a temp folder holding `files` (path → content); returns its path and a cleanup. */
export function makeWorkspace(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "twinrun-test-"));
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** JSONL text from records. */
export function jsonl(records: unknown[]): string {
  return records.map((record) => JSON.stringify(record)).join("\n") + "\n";
}
