// prepareSides with --base on real git repositories (no CLI): where the old side runs, its label,
// and that closing (or refusing) leaves no worktree behind.
import { existsSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ResolvedComponent, ResolvedRunConfig } from "../../src/config/types.ts";
import { TwinrunError } from "../../src/errors.ts";
import { configForSettings, listSetupSteps, prepareSides } from "../../src/run/prepare-sides.ts";
import { commit, listWorktrees, makeGitRepo, writeFiles } from "../helpers/git-repo.ts";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function component(cwd: string, overrides: Partial<ResolvedComponent> = {}): ResolvedComponent {
  return {
    command: "node feat.mjs",
    mode: "worker",
    cwd,
    env: {},
    label: "new",
    shell: false,
    ...overrides,
  } as ResolvedComponent;
}

function configFor(oldSide: ResolvedComponent, newSide: ResolvedComponent, ref = "main"): ResolvedRunConfig {
  return {
    baseDir: newSide.cwd as string,
    base: { ref, labelFromRef: true },
    old: oldSide,
    new: newSide,
    sharedEnv: { TZ: "UTC" },
  } as unknown as ResolvedRunConfig;
}

function repo() {
  const created = makeGitRepo();
  cleanups.push(created.cleanup);
  const sha = commit(created.dir, { "pkg/feat.mjs": "// version 1\n" }, "v1");
  writeFiles(created.dir, { "pkg/feat.mjs": "// version 2, uncommitted\n" });
  return { ...created, sha };
}

describe("prepareSides with --base", () => {
  it("runs the old side in a worktree of the ref, labelled <ref>@<short sha>, and removes it on close", async () => {
    const { dir, sha } = repo();
    const pkg = path.join(dir, "pkg");
    const config = configFor(
      component(pkg, { label: "main", setup: "npm ci" }),
      component(pkg, { setup: "npm ci" }),
    );
    const sides = await prepareSides(config);
    const worktree = sides.worktree!;
    expect(sides.old.label).toBe(`main@${sha.slice(0, 7)}`);
    expect(sides.old.cwd).toBe(path.join(worktree.root, "pkg"));
    expect(readFileSync(path.join(sides.old.cwd as string, "feat.mjs"), "utf8")).toBe("// version 1\n");
    expect(sides.new).toBe(config.new);
    expect(listSetupSteps(config, sides).map((step) => [step.side, step.cwd])).toEqual([
      ["old", path.join(worktree.root, "pkg")],
      ["new", pkg],
    ]);
    // The report's settings name the commit and the configured (not the temporary) folder.
    const settings = configForSettings(config, sides);
    expect(settings.base).toEqual({ ref: sha, labelFromRef: false });
    expect(settings.old).toMatchObject({ cwd: pkg, label: `main@${sha.slice(0, 7)}` });

    expect(listWorktrees(dir)).toHaveLength(2);
    await sides.close();
    await sides.close();
    expect(listWorktrees(dir)).toEqual([dir]);
    expect(existsSync(path.dirname(worktree.root))).toBe(false);
  });

  it("refuses an old side that lies outside the repository: it would run the new code", async () => {
    const { dir } = repo();
    const outside = realpathSync(path.dirname(dir));
    const error = await prepareSides(configFor(component(outside), component(path.join(dir, "pkg")))).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TwinrunError);
    expect((error as TwinrunError).message).toContain(
      "nothing of the old component lies inside the repository",
    );
    expect(listWorktrees(dir)).toEqual([dir]);
  });

  it("refuses a new side outside any git repository (exit 2)", async () => {
    const { dir } = repo();
    const outside = path.dirname(dir);
    const error = await prepareSides(configFor(component(outside), component(outside))).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TwinrunError);
    expect((error as TwinrunError).exitCode).toBe(2);
    expect((error as TwinrunError).message).toMatch(/is not inside a git repository/);
  });
});
