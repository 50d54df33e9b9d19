// Which changed rows a table report shows. The first changed rows of a big table often all share
// one cause (a retyped column on every row) and would hide the rest, so each row that brings
// something not yet shown (a changed column, a row only in old or only in new) is kept first,
// and the remaining places go to the earliest other changed rows.
import { toExample } from "../aggregate/aggregator.ts";
import type { Example } from "../report/types.ts";
import type { TrialResult } from "../runner/types.ts";
import { columnOfPath } from "./column-of.ts";

/** Why: "what changed" at a glance means one example per kind of change before repeats. */
export class RowExamples {
  private readonly limit: number;
  private readonly covered = new Set<string>();
  private readonly distinct: Example[] = [];
  private readonly others: Example[] = [];

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Offers a changed trial. */
  add(trial: TrialResult): void {
    if (this.limit === 0) return;
    const signature = signatureOf(trial);
    const brings = signature.filter((item) => !this.covered.has(item));
    if (brings.length > 0 && this.distinct.length < this.limit) {
      for (const item of brings) this.covered.add(item);
      this.distinct.push(toExample(trial));
    } else if (this.others.length < this.limit) {
      this.others.push(toExample(trial));
    }
  }

  /** The examples, at most `limit`, in row order. */
  result(): Example[] {
    const kept = [...this.distinct, ...this.others.slice(0, Math.max(0, this.limit - this.distinct.length))];
    return kept.sort((a, b) => a.index - b.index);
  }
}

/** What a changed trial shows: its changed columns, or the side it is missing from, or a failure. */
function signatureOf(trial: TrialResult): string[] {
  if (trial.absent !== undefined) return [`absent in ${trial.absent}`];
  const items = new Set<string>();
  for (const difference of trial.comparison.differences) {
    items.add(
      difference.kind === "failure"
        ? "failure"
        : `${columnOfPath(difference.path) ?? "$"}:${difference.kind}`,
    );
  }
  return [...items];
}
