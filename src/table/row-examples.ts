// Which changed rows a table report shows: as for records (aggregate/example-picker.ts), each
// row that shows something not yet shown (a changed column, a change of another kind, a row
// only in old or only in new, a failure) is kept before rows that repeat what others show.
import { ExamplePicker, type ExampleSignature } from "../aggregate/example-picker.ts";
import type { CompareResult } from "../compare/types.ts";
import { columnOfPath } from "./column-of.ts";

/** What picking needs to know of a changed trial; callers keep their own details beside it. */
export interface ExampleCandidate {
  index: number;
  comparison: CompareResult;
  absent?: "old" | "new";
}

/** Why: "what changed" at a glance means one example per kind of change before repeats. */
export class RowExamples<T extends ExampleCandidate> extends ExamplePicker<T> {
  constructor(limit: number) {
    super(limit, signatureOf);
  }
}

/** What a changed row shows: its changed columns and how, or the side it is missing from, or a failure. */
function signatureOf(candidate: ExampleCandidate): ExampleSignature {
  if (candidate.absent !== undefined) {
    const missing = `absent in ${candidate.absent}`;
    return { paths: [missing], changes: [missing] };
  }
  const columns = new Set<string>();
  const changes = new Set<string>();
  for (const difference of candidate.comparison.differences) {
    const column = difference.kind === "failure" ? "failure" : (columnOfPath(difference.path) ?? "$");
    columns.add(column);
    changes.add(`${column}\u0000${difference.kind}`);
  }
  return { paths: [...columns], changes: [...changes] };
}
