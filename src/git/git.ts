// Running git: one helper that returns stdout or a failure with git's own words, never a stack.
import { execFileSync } from "node:child_process";
import { execa } from "execa";

/** What a git command gave back. */
export type GitResult = { ok: true; stdout: string } | { ok: false; message: string };

/** Why: every git call needs the same handling: no shell, no prompts, git's stderr as the reason. */
export async function runGit(args: readonly string[], cwd: string): Promise<GitResult> {
  try {
    const result = await execa("git", args, {
      cwd,
      reject: false,
      stdin: "ignore",
      env: { GIT_TERMINAL_PROMPT: "0" },
    });
    if (result.exitCode === 0) return { ok: true, stdout: result.stdout.trim() };
    const reason = (result.stderr || result.stdout || `exit code ${result.exitCode}`).trim();
    return { ok: false, message: reason.split("\n").slice(-3).join(" ") };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Why: cleanup on process exit must be synchronous; failures there are ignored (best effort). */
export function runGitSync(args: readonly string[], cwd: string): void {
  try {
    execFileSync("git", args, { cwd, stdio: "ignore", env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } });
  } catch {
    // Best effort: the worktree may already be gone.
  }
}
