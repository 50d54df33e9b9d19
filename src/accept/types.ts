// The accepted-differences file's contracts: what reviewers approved, as the run reads it.

import type { PatternSegment } from "../compare/path-pattern.ts";
import type { DifferenceKind } from "../compare/types.ts";
import type { MaxChanged } from "../config/types.ts";

/**
 * How many trials an entry may cover: a count or a point rate of the run's trials (maxChanged, as
 * written by hand), or a rate bound (maxRate, as `twinrun accept` writes it) that a run exceeds
 * only when its counts show a higher rate with 95% confidence.
 */
export type AcceptedLimit = MaxChanged | { maxRatePercent: number };

/** One approved change: differences of these kinds at paths matching the pattern, within its limit. */
export interface AcceptedEntry {
  /** The pattern as written (`features.age_bucket`, `rows[*].score`, `features.**`). */
  path: string;
  segments: PatternSegment[];
  kinds: DifferenceKind[];
  limit: AcceptedLimit;
  note?: string;
}

/** A read and validated accepted-differences file. */
export interface AcceptedFile {
  /** Absolute path. */
  file: string;
  entries: AcceptedEntry[];
}
