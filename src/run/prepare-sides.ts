// The two sides a run really starts. Without --base they are the resolved components; with it,
// the old side is moved into a temporary worktree of the ref and labelled `<ref>@<short sha>`.
import type { ResolvedComponent, ResolvedRunConfig } from "../config/types.ts";
import { TwinrunError } from "../errors.ts";
import { rebaseIntoWorktree } from "../git/rebase-component.ts";
import { type BaseWorktree, openBaseWorktree } from "../git/worktree.ts";
import type { SetupStep } from "./run-setup.ts";

/** The sides to start, and what must be undone afterwards. */
export interface PreparedSides {
  old: ResolvedComponent;
  new: ResolvedComponent;
  worktree?: BaseWorktree;
  /** Removes the worktree (if any); safe to call twice. */
  close(): Promise<void>;
}

/** Why: everything --base changes about a run happens here, the same way for every adapter. */
export async function prepareSides(config: ResolvedRunConfig): Promise<PreparedSides> {
  if (config.base === undefined) return { old: config.old, new: config.new, close: async () => undefined };
  const worktree = await openBaseWorktree(config.base.ref, folderOf(config.new, config.baseDir));
  const rebased = rebaseIntoWorktree(config.old, worktree.repoRoot, worktree.root);
  if (JSON.stringify(rebased) === JSON.stringify(config.old)) {
    // Nothing of the old side lies in the repository: it would run the new side's code and
    // could only ever look "equivalent".
    await worktree.close();
    throw new TwinrunError(
      "USAGE",
      `--base ${config.base.ref}: nothing of the old component lies inside the repository at ${worktree.repoRoot} ` +
        `(its folder is ${folderOf(config.old, config.baseDir)}), so it would not run the code of ${config.base.ref}; ` +
        "run twinrun on a component inside the repository, or give the old side's folder (old.cwd) inside it",
    );
  }
  const label = config.base.labelFromRef ? `${config.base.ref}@${worktree.shortCommit}` : config.old.label;
  return { old: { ...rebased, label }, new: config.new, worktree, close: () => worktree.close() };
}

/**
 * Why: a report's settings must reproduce the run: with --base they name the commit (not the
 * ref, which moves) and the old side as configured (not its temporary folder), with its label.
 */
export function configForSettings(config: ResolvedRunConfig, sides: PreparedSides): ResolvedRunConfig {
  if (config.base === undefined || sides.worktree === undefined) return config;
  return {
    ...config,
    base: { ref: sides.worktree.commit, labelFromRef: false },
    old: { ...config.old, label: sides.old.label },
  };
}

/** The setup commands of both sides, old first, each in its own folder and environment. */
export function listSetupSteps(config: ResolvedRunConfig, sides: PreparedSides): SetupStep[] {
  const steps: SetupStep[] = [];
  for (const side of ["old", "new"] as const) {
    const component = sides[side];
    if (component.setup === undefined) continue;
    steps.push({
      side,
      command: component.setup,
      cwd: folderOf(component, config.baseDir),
      env: { ...config.sharedEnv, ...component.env },
    });
  }
  return steps;
}

function folderOf(component: ResolvedComponent, fallback: string): string {
  const cwd = (component as { cwd?: unknown }).cwd;
  return typeof cwd === "string" ? cwd : fallback;
}
