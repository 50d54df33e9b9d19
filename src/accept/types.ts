// The accepted-differences file's contracts: what reviewers approved, as the run reads it.

import type { PatternSegment } from "../compare/path-pattern.ts";
import type { DifferenceKind } from "../compare/types.ts";
import type { MaxChanged } from "../config/types.ts";

/** One approved change: differences of these kinds at paths matching the pattern, on at most maxChanged trials. */
export interface AcceptedEntry {
  /** The pattern as written (`features.age_bucket`, `rows[*].score`, `features.**`). */
  path: string;
  segments: PatternSegment[];
  kinds: DifferenceKind[];
  maxChanged: MaxChanged;
  note?: string;
}

/** A read and validated accepted-differences file. */
export interface AcceptedFile {
  /** Absolute path. */
  file: string;
  entries: AcceptedEntry[];
}
