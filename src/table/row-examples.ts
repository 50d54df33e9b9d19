// Which changed rows a table report shows. The first changed rows of a big table often all share
// one cause (a retyped column on every row) and would hide the rest, so each row that brings
// something not yet shown (a changed column, a row only in old or only in new) is kept first,
// and the remaining places go to the earliest other changed rows.
import type { CompareResult } from "../compare/types.ts";
import { columnOfPath } from "./column-of.ts";

/** What picking needs to know of a changed trial; callers keep their own details beside it. */
export interface ExampleCandidate {
  index: number;
  comparison: CompareResult;
  absent?: "old" | "new";
}

/** Why: "what changed" at a glance means one example per kind of change before repeats. */
export class RowExamples<T extends ExampleCandidate> {
  private readonly limit: number;
  private readonly covered = new Set<string>();
  private readonly distinct: T[] = [];
  private readonly others: T[] = [];

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Offers a changed trial. */
  add(candidate: T): void {
    if (this.limit === 0) return;
    const signature = signatureOf(candidate);
    const brings = signature.filter((item) => !this.covered.has(item));
    if (brings.length > 0 && this.distinct.length < this.limit) {
      for (const item of brings) this.covered.add(item);
      this.distinct.push(candidate);
    } else if (this.others.length < this.limit) {
      this.others.push(candidate);
    }
  }

  /** The picked trials, at most `limit`, in row order. */
  result(): T[] {
    const kept = [...this.distinct, ...this.others.slice(0, Math.max(0, this.limit - this.distinct.length))];
    return kept.sort((a, b) => a.index - b.index);
  }
}

/** What a changed trial shows: its changed columns, or the side it is missing from, or a failure. */
function signatureOf(candidate: ExampleCandidate): string[] {
  if (candidate.absent !== undefined) return [`absent in ${candidate.absent}`];
  const items = new Set<string>();
  for (const difference of candidate.comparison.differences) {
    items.add(
      difference.kind === "failure"
        ? "failure"
        : `${columnOfPath(difference.path) ?? "$"}:${difference.kind}`,
    );
  }
  return [...items];
}
