// A temporary git worktree of a ref: the old side of `--base`. It is created in the system temp
// folder and removed on every way out: close() on normal exit and on error (the run's finally),
// and a synchronous removal on process exit (a second Ctrl-C, an uncaught crash).
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { TwinrunError } from "../errors.ts";
import { runGit, runGitSync } from "./git.ts";

/** An open worktree; close() removes it (safe to call twice). */
export interface BaseWorktree {
  /** The ref as the user wrote it, e.g. `origin/main`. */
  ref: string;
  /** The full commit sha the ref named. */
  commit: string;
  /** Git's short form of the commit, for labels. */
  shortCommit: string;
  /** Absolute top folder of the repository (the working tree). */
  repoRoot: string;
  /** Absolute top folder of the worktree: the repository as it was at the ref. */
  root: string;
  close(): Promise<void>;
}

/** Prefix of the temp folders; `twinrun-base-*` in the temp folder are ours. */
export const WORKTREE_PREFIX = "twinrun-base-";

/**
 * Why: the old version comes from git, not from a second copy of the code. Finds the repository
 * that holds `insideDir`, resolves the ref to a commit (an unknown ref is a USAGE error naming
 * it), and checks the commit out, detached, into a fresh temp folder.
 */
export async function openBaseWorktree(ref: string, insideDir: string): Promise<BaseWorktree> {
  if (ref.startsWith("-")) {
    throw new TwinrunError(
      "USAGE",
      `--base: expected a git ref (branch, tag or commit), got ${JSON.stringify(ref)}`,
    );
  }
  const top = await runGit(["rev-parse", "--show-toplevel"], insideDir);
  if (!top.ok) {
    throw new TwinrunError(
      "USAGE",
      `--base ${ref}: ${insideDir} is not inside a git repository (${top.message}); --base checks the old ` +
        "version out of the repository that holds the new component's folder",
    );
  }
  const repoRoot = top.stdout;
  const resolved = await runGit(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], repoRoot);
  if (!resolved.ok || resolved.stdout === "") {
    throw new TwinrunError(
      "USAGE",
      `--base ${ref}: no commit named "${ref}" in the repository at ${repoRoot}; expected a branch, tag or ` +
        `commit that git rev-parse knows (in CI, fetch it first, e.g. git fetch origin ${ref.replace(/^origin\//, "")})`,
    );
  }
  const commit = resolved.stdout;
  const short = await runGit(["rev-parse", "--short", commit], repoRoot);
  const tempDir = await mkdtemp(path.join(tmpdir(), WORKTREE_PREFIX));
  const root = path.join(tempDir, path.basename(repoRoot));
  const removeOnExit = () => removeWorktreeSync(repoRoot, root, tempDir);
  const stopWatching = watchProcessEnd(removeOnExit);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= removeWorktree(repoRoot, root, tempDir).finally(stopWatching);
    return closing;
  };
  const added = await runGit(["worktree", "add", "--detach", root, commit], repoRoot);
  if (!added.ok) {
    await close();
    throw new TwinrunError(
      "USAGE",
      `--base ${ref}: could not check ${commit.slice(0, 12)} out into a temporary worktree: ${added.message}`,
    );
  }
  return { ref, commit, shortCommit: short.ok ? short.stdout : commit.slice(0, 7), repoRoot, root, close };
}

/**
 * Runs `cleanup` synchronously when the process ends without close(): on exit (a second Ctrl-C,
 * a crash) and on SIGTERM/SIGHUP (a cancelled CI job, a closed terminal), which end a Node
 * process without an exit event; the signal is then re-raised so the process still dies of it.
 * Returns the function that stops watching.
 */
function watchProcessEnd(cleanup: () => void): () => void {
  const signals = ["SIGTERM", "SIGHUP"] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    cleanup();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const stop = () => {
    process.off("exit", cleanup);
    for (const signal of signals) process.off(signal, onSignal);
  };
  process.on("exit", cleanup);
  for (const signal of signals) process.on(signal, onSignal);
  return stop;
}

async function removeWorktree(repoRoot: string, root: string, tempDir: string): Promise<void> {
  await runGit(["worktree", "remove", "--force", "--force", root], repoRoot);
  await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
  await runGit(["worktree", "prune"], repoRoot);
}

function removeWorktreeSync(repoRoot: string, root: string, tempDir: string): void {
  runGitSync(["worktree", "remove", "--force", "--force", root], repoRoot);
  try {
    rmSync(tempDir, { recursive: true, force: true });
  } catch {
    // Best effort on the way out.
  }
  runGitSync(["worktree", "prune"], repoRoot);
}
