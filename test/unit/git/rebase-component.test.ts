import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rebaseIntoWorktree, rebasePath } from "../../../src/git/rebase-component.ts";
import { makeTempDir } from "../config/temp-dir.ts";

describe("rebasePath", () => {
  it.each([
    ["/repo", "/wt"],
    ["/repo/pkg/src", "/wt/pkg/src"],
    ["/repository-other/x", undefined],
    ["/elsewhere/data", undefined],
  ])("maps %s to %s", (target, expected) => {
    expect(rebasePath(target, "/repo", "/wt")).toBe(expected);
  });
});

describe("rebaseIntoWorktree", () => {
  it("moves every path inside the repository into the worktree and keeps the rest", () => {
    const component = {
      command: "python3 /repo/tools/run.py --data /data/x.csv --cfg=/repo/cfg.yaml",
      mode: "worker",
      cwd: "/repo/features",
      env: { PYTHONPATH: "/repo/src:/opt/lib", OTHER: "/repository-two/x", MODE: "fast" },
      label: "/repo is not a path here",
      shell: false,
      setup: "cd /repo && npm ci",
      path: ["/repo/src", "/opt/shared"],
    };
    expect(rebaseIntoWorktree(component, "/repo", "/tmp/wt/repo")).toEqual({
      command: "python3 /tmp/wt/repo/tools/run.py --data /data/x.csv --cfg=/tmp/wt/repo/cfg.yaml",
      mode: "worker",
      cwd: "/tmp/wt/repo/features",
      env: { PYTHONPATH: "/tmp/wt/repo/src:/opt/lib", OTHER: "/repository-two/x", MODE: "fast" },
      label: "/repo is not a path here",
      shell: false,
      setup: "cd /tmp/wt/repo && npm ci",
      path: ["/tmp/wt/repo/src", "/opt/shared"],
    });
  });

  it("keeps an interpreter from the working tree unless the worktree has it", () => {
    const repo = makeTempDir({ "bin/python": "" });
    const worktree = makeTempDir();
    const component = { adapter: "python", python: path.join(repo, ".venv/bin/python"), cwd: repo };
    expect(rebaseIntoWorktree(component, repo, worktree)).toEqual({
      adapter: "python",
      python: path.join(repo, ".venv/bin/python"),
      cwd: worktree,
    });
    mkdirSync(path.join(worktree, "bin"));
    writeFileSync(path.join(worktree, "bin/python"), "");
    const committed = { python: path.join(repo, "bin/python") };
    expect(rebaseIntoWorktree(committed, repo, worktree)).toEqual({
      python: path.join(worktree, "bin/python"),
    });
  });
});
