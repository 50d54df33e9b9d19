// The folded paths a table comparison found changed, numbered in order of first sight, with how
// many row pairs changed each: what both engines' changed-path logs count.
import { foldPath } from "../../compare/paths.ts";
import type { Difference } from "../../compare/types.ts";

/** One path seen, its id and how many row pairs changed it. */
export interface ChangedPath {
  path: string;
  id: number;
  changed: number;
}

/** Why: a hint needs each path's changed rows; the log keeping the rows differs, the counting does not. */
export class PathTally {
  private readonly ids = new Map<string, number>();
  private readonly counts: number[] = [];

  /** Counts one row pair's differences; the ids of the distinct paths it changed (the root left out). */
  add(differences: readonly Difference[]): number[] {
    const changed: number[] = [];
    for (const difference of differences) {
      if (difference.path === "$") continue;
      const path = foldPath(difference.path);
      let id = this.ids.get(path);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(path, id);
        this.counts.push(0);
      }
      if (changed.includes(id)) continue;
      changed.push(id);
      this.counts[id]++;
    }
    return changed;
  }

  /** Every path seen, with its id and changed row pairs, most changed first. */
  paths(): ChangedPath[] {
    return [...this.ids]
      .map(([path, id]) => ({ path, id, changed: this.counts[id] }))
      .sort((a, b) => b.changed - a.changed || a.id - b.id);
  }
}
