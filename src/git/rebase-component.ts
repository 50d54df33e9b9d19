// Maps a component onto its twin in the base worktree: everything that points inside the
// repository points into the worktree instead, keeping its place relative to the top folder.
// Adapter-agnostic: it walks every string of the component (cwd, path entries, command,
// setup, env values), so a new adapter's path fields are rebased without a line here.
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { rebaseKeys } from "../../adapters/components.ts";

/** Fields that name things rather than locate them: the common ones, and each adapter kind's own. */
const KEEP_AS_IS = new Set(["label", "adapter", ...rebaseKeys().keep]);
/**
 * Fields that run the code but are not the code (an adapter kind's interpreter): a virtualenv
 * inside the repository is not committed, so it is moved into the worktree only when the ref
 * really holds it there.
 */
const REBASE_IF_PRESENT = new Set(rebaseKeys().ifPresent);

/**
 * Why: with --base the old side must run the code of the ref, never the working tree's: an
 * absolute path inside the repository (cwd, a Python `path` entry) is moved into the worktree,
 * and the repository's folder inside a longer text (a command `python3 /repo/f.py`, a setup
 * line, `PYTHONPATH=/repo/src`) is replaced by the worktree's. Relative paths need nothing:
 * they resolve against the rebased cwd. Labels and other names are kept; an interpreter
 * (`python: .venv/bin/python`) is rebased only when the worktree has it.
 */
export function rebaseIntoWorktree<T extends object>(
  component: T,
  repoRoot: string,
  worktreeRoot: string,
): T {
  const roots = [...new Set([repoRoot, realpathOrSelf(repoRoot)])];
  const mapString = (text: string): string => {
    if (path.isAbsolute(text) && !/\s/.test(text)) {
      for (const root of roots) {
        const rebased = rebasePath(text, root, worktreeRoot);
        if (rebased !== undefined) return rebased;
      }
    }
    return roots.reduce((current, root) => replaceRootInText(current, root, worktreeRoot), text);
  };
  return mapValue(component, mapString) as T;
}

/** `<repo>/a/b` → `<worktree>/a/b`; undefined when the path lies outside the repository. */
export function rebasePath(target: string, repoRoot: string, worktreeRoot: string): string | undefined {
  for (const candidate of [...new Set([path.resolve(target), realpathOrSelf(target)])]) {
    const relative = path.relative(repoRoot, candidate);
    if (relative === "") return worktreeRoot;
    if (!relative.startsWith("..") && !path.isAbsolute(relative)) return path.join(worktreeRoot, relative);
  }
  return undefined;
}

function mapValue(value: unknown, mapString: (text: string) => string, key?: string): unknown {
  if (typeof value === "string") {
    if (key !== undefined && KEEP_AS_IS.has(key)) return value;
    const mapped = mapString(value);
    if (key !== undefined && REBASE_IF_PRESENT.has(key) && mapped !== value && !existsSync(mapped))
      return value;
    return mapped;
  }
  if (Array.isArray(value)) return value.map((item) => mapValue(item, mapString));
  if (value !== null && typeof value === "object") {
    const mapped: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(value))
      mapped[childKey] = mapValue(child, mapString, childKey);
    return mapped;
  }
  return value;
}

/** Replaces the root where it stands as a whole path prefix: followed by `/`, a separator or the end. */
function replaceRootInText(text: string, root: string, replacement: string): string {
  if (!text.includes(root)) return text;
  const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(^|[\\s"'=:;,(])${escaped}(?=$|[/\\s"':;,)])`, "g");
  return text.replace(pattern, (_match, before: string) => `${before}${replacement}`);
}

function realpathOrSelf(target: string): string {
  try {
    return realpathSync(target);
  } catch {
    return path.resolve(target);
  }
}
