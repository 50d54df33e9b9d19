// The config keys every component section has, whatever adapter runs it (cwd, env, label, setup).
import { envMap, text } from "../../src/config/schema-leaves.ts";
import type { Side } from "../types.ts";

/** Why: each kind's schema spreads these, so the common keys read the same in every section. */
export function commonComponentKeys(side: Side) {
  return {
    cwd: text(
      "Working folder of the component, relative to this config file (default: its folder).",
    ).optional(),
    env: envMap(`Extra environment for the ${side} side only.`).optional(),
    label: text(`Display label (default "${side}"), e.g. main@3f2a.`).optional(),
    setup: text(
      `A shell command run once in the ${side} side's folder before it starts (e.g. npm ci, pip install -e .); with base, in the worktree.`,
    ).optional(),
  };
}

/** The common keys of a section, without the kind's own (kept when a layer names another kind). */
export function commonSectionKeys<
  T extends { cwd?: unknown; env?: unknown; label?: unknown; setup?: unknown },
>(section: T): Pick<T, "cwd" | "env" | "label" | "setup"> {
  const { cwd, env, label, setup } = section;
  return { cwd, env, label, setup };
}
