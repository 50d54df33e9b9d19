// Which changed trials a report keeps as examples. The first changed inputs often all share one
// cause (a retyped field on every input) and would hide the rest, so the examples cover each
// changed path, then each kind of change on it, before they repeat one: a trial that shows
// something no kept example shows takes the place of one whose every change is shown elsewhere.
// Memory is bounded by the limit, never by the number of trials.
import { foldPath } from "../compare/paths.ts";
import type { Difference } from "../compare/types.ts";

/** What an example shows: the paths it changes, and each change on them (a path and a kind, so every path has one). */
export interface ExampleSignature {
  paths: readonly string[];
  changes: readonly string[];
}

interface Kept<T> {
  candidate: T;
  signature: ExampleSignature;
}

// [new paths, new changes]: compared paths first, as what changed matters more than how.
type Coverage = [paths: number, changes: number];

/** Keeps at most `limit` candidates, as many different changes as the trials show. */
export class ExamplePicker<T extends { index: number }> {
  private readonly limit: number;
  private readonly signatureOf: (candidate: T) => ExampleSignature;
  private readonly kept: Kept<T>[] = [];
  private readonly pathCounts = new Map<string, number>();
  private readonly changeCounts = new Map<string, number>();

  constructor(limit: number, signatureOf: (candidate: T) => ExampleSignature) {
    this.limit = Math.max(0, limit);
    this.signatureOf = signatureOf;
  }

  /** Offers a changed trial (in input order). */
  add(candidate: T): void {
    if (this.limit === 0) return;
    const signature = this.signatureOf(candidate);
    // Free places go to the earliest changed trials, repeats included.
    if (this.kept.length < this.limit) {
      this.keep({ candidate, signature });
      return;
    }
    const gain: Coverage = [
      countWhere(signature.paths, (path) => !this.pathCounts.has(path)),
      countWhere(signature.changes, (change) => !this.changeCounts.has(change)),
    ];
    if (gain[0] === 0 && gain[1] === 0) return;
    const victim = this.leastNeeded();
    if (compareCoverage(this.shownOnlyBy(victim), gain) >= 0) return;
    this.drop(victim);
    this.keep({ candidate, signature });
  }

  /**
   * The kept candidates in input order, those that show something the ones before them do not
   * first, then the repeats: the first few (a PR comment's) already show every change they can.
   */
  result(): T[] {
    const inOrder = [...this.kept].sort((a, b) => a.candidate.index - b.candidate.index);
    const shown = new Set<string>();
    const news: T[] = [];
    const repeats: T[] = [];
    for (const { candidate, signature } of inOrder) {
      if (signature.changes.some((change) => !shown.has(change))) news.push(candidate);
      else repeats.push(candidate);
      for (const change of signature.changes) shown.add(change);
    }
    return [...news, ...repeats];
  }

  // The kept example that shows least that no other shows; among equals, the latest input.
  private leastNeeded(): Kept<T> {
    let victim = this.kept[0]!;
    let victimCoverage = this.shownOnlyBy(victim);
    for (const kept of this.kept.slice(1)) {
      const coverage = this.shownOnlyBy(kept);
      const order = compareCoverage(coverage, victimCoverage);
      if (order < 0 || (order === 0 && kept.candidate.index > victim.candidate.index)) {
        victim = kept;
        victimCoverage = coverage;
      }
    }
    return victim;
  }

  private shownOnlyBy(kept: Kept<T>): Coverage {
    return [
      countWhere(kept.signature.paths, (path) => this.pathCounts.get(path) === 1),
      countWhere(kept.signature.changes, (change) => this.changeCounts.get(change) === 1),
    ];
  }

  private keep(kept: Kept<T>): void {
    this.kept.push(kept);
    for (const path of kept.signature.paths) increment(this.pathCounts, path, 1);
    for (const change of kept.signature.changes) increment(this.changeCounts, change, 1);
  }

  private drop(kept: Kept<T>): void {
    this.kept.splice(this.kept.indexOf(kept), 1);
    for (const path of kept.signature.paths) increment(this.pathCounts, path, -1);
    for (const change of kept.signature.changes) increment(this.changeCounts, change, -1);
  }
}

/**
 * Why: a record trial shows its changed paths (folded as the paths table folds them: `items[*].x`)
 * and each kind of change on them; a failure counts by what each side did (a value, a timeout, …).
 */
export function recordSignature(
  differences: readonly Difference[],
  absent?: "old" | "new",
): ExampleSignature {
  const paths = new Set<string>();
  const changes = new Set<string>();
  if (absent !== undefined) {
    paths.add(`(absent in ${absent})`);
    changes.add(`(absent in ${absent})`);
  }
  for (const difference of differences) {
    const path = foldPath(difference.path);
    paths.add(path);
    changes.add(`${path}\u0000${changeKind(difference)}`);
  }
  return { paths: [...paths], changes: [...changes] };
}

function changeKind(difference: Difference): string {
  if (difference.kind !== "failure") return difference.kind;
  return `failure\u0000${sideKind(difference.old)}\u0000${sideKind(difference.new)}`;
}

// A failed side shows as `{ failure: kind, message }` in a failure difference (see compare/failures.ts).
function sideKind(side: unknown): string {
  const kind =
    side !== null && typeof side === "object" ? (side as { failure?: unknown }).failure : undefined;
  return typeof kind === "string" ? kind : "value";
}

function compareCoverage(a: Coverage, b: Coverage): number {
  return a[0] - b[0] || a[1] - b[1];
}

function countWhere(items: readonly string[], test: (item: string) => boolean): number {
  let count = 0;
  for (const item of items) if (test(item)) count++;
  return count;
}

function increment(counts: Map<string, number>, key: string, by: number): void {
  const count = (counts.get(key) ?? 0) + by;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
}
