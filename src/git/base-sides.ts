// With `base`, the old side defaults to the new side's settings: the same component, taken from
// the git ref instead of the working tree. This works on the user-config sections, before any
// adapter-specific resolution, so every adapter (command, python, …) gets it the same way.
import { tuningKeys } from "../../adapters/components.ts";
import type { UserConfig } from "../config/schema.ts";

/** Default display label of the new side when the old one comes from a git ref. */
export const WORKING_TREE_LABEL = "working tree";

/**
 * Keys an old section may hold and still be "derived from new": they tune, not define, a
 * component: the common keys, and each adapter kind's tuning keys (`--mode`, `--shell` and the
 * Python flags reach both sides as flags, so they arrive here too).
 */
const TUNING_KEYS = new Set(["label", "env", "setup", "cwd", ...tuningKeys()]);

type SideSection = NonNullable<UserConfig["new"]>;

/**
 * Why: `twinrun run --base main --new "python3 features.py"` needs no --old. Without base the
 * config is returned unchanged. With it, an old section that only tunes (label, env, setup, …) is
 * laid over a copy of the new section; new is labelled "working tree" and old the ref (the run
 * turns that into `<ref>@<short sha>`) unless labels are given.
 */
export function applyBaseDefaults(merged: UserConfig): UserConfig {
  if (merged.base === undefined) return merged;
  const newSection: SideSection = { ...merged.new, label: merged.new?.label ?? WORKING_TREE_LABEL };
  const oldGiven = merged.old ?? {};
  const derived = Object.keys(oldGiven).every((key) => TUNING_KEYS.has(key));
  const oldSection: SideSection = derived
    ? {
        ...withoutLabel(merged.new ?? {}),
        ...dropUndefined(oldGiven),
        ...((merged.new?.env !== undefined || oldGiven.env !== undefined) && {
          env: { ...merged.new?.env, ...oldGiven.env },
        }),
      }
    : { ...oldGiven };
  oldSection.label = oldGiven.label ?? merged.base;
  return { ...merged, old: oldSection, new: newSection };
}

/** True when the old side's label is to be set from the ref (no label was given for it). */
export function isOldLabelFromRef(merged: UserConfig): boolean {
  return merged.base !== undefined && merged.old?.label === undefined;
}

function withoutLabel(section: SideSection): SideSection {
  const { label: _label, ...rest } = section;
  return rest;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
