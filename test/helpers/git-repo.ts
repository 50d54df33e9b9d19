// Throwaway git repositories for the CI gate's integration tests: real `git`, real commits.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Runs git in `cwd` with a fixed identity; returns stdout, trimmed. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    "git",
    [
      "-c",
      "user.email=test@twinrun.dev",
      "-c",
      "user.name=twinrun test",
      "-c",
      "commit.gpgsign=false",
      ...args,
    ],
    { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  ).trim();
}

/** Writes `files` (path → content) under `dir`. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** Commits `files` (on top of what is there) with `message`; returns the new commit's sha. */
export function commit(dir: string, files: Record<string, string>, message: string): string {
  writeFiles(dir, files);
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", message);
  return git(dir, "rev-parse", "HEAD");
}

/** A fresh repository on branch main, plus a private temp folder (TMPDIR for the CLI) to watch for leftovers. */
export function makeGitRepo(): { dir: string; tmp: string; cleanup: () => void } {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), "twinrun-git-")));
  const dir = path.join(root, "repo");
  const tmp = path.join(root, "tmp");
  mkdirSync(dir);
  mkdirSync(tmp);
  git(dir, "init", "-q", "-b", "main");
  return { dir, tmp, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The worktrees git knows for the repository (the main one included). */
export function listWorktrees(dir: string): string[] {
  return git(dir, "worktree", "list", "--porcelain")
    .split("\n")
    .filter((line) => line.startsWith("worktree "))
    .map((line) => line.slice("worktree ".length));
}

/** What is left in a temp folder. */
export function listFolder(dir: string): string[] {
  return readdirSync(dir);
}
