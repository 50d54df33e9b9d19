// Calibration: old run against old. Which output paths a component differs on by itself (its
// noise), how much, and what a new-vs-old difference on such a path must exceed to count.
import type { CompareRule, DifferenceKind } from "../compare/types.ts";

/** A path on which two runs of old differed, and how the run's new-vs-old differences there were judged. */
export interface NoisyPath {
  /** Folded path (`items[*].ts`). */
  path: string;
  /** Old vs old: calibration inputs on which this path differed, of those both runs gave a value for. */
  differed: number;
  compared: number;
  kinds: Partial<Record<DifferenceKind, number>>;
  maxAbs?: number;
  maxRel?: number;
  /** A numeric difference beyond this (the margin times the largest old-vs-old one) counts as a change. */
  limit?: { abs?: number; rel?: number };
  /** The explicit rule that would replace the calibration, as config and as a flag (absent for `$`). */
  rule?: CompareRule;
  flag?: string;
  /** New vs old on this path, over the run. */
  run: NoisyPathRun;
}

export interface NoisyPathRun {
  /** Trials in which the path differed at all, of those compared. */
  differed: number;
  compared: number;
  /** Trials whose differences here were all within the noise (not counted as changed). */
  noise: number;
  /** Trials with a difference here of a new kind or beyond the limit (counted as changed). */
  beyond: number;
  /** One-sided Fisher exact test: is the path's new-vs-old rate higher than its old-vs-old rate? */
  pValue: number;
  /** True when pValue is below the calibration's level: the gate fails on this path. */
  rateBeyond: boolean;
}

/** The report's calibration section. */
export interface CalibrationReport {
  /** Inputs old ran twice on, and which (ascending). */
  trials: number;
  indices: number[];
  /** A numeric difference counts when beyond `margin` times the largest old-vs-old one (rounded up). */
  margin: number;
  /** The significance level of the rate test. */
  level: number;
  /** Trials of the run whose only differences were noise: counted as same. */
  noiseTrials: number;
  /** Noisy paths, most often differing first. */
  paths: NoisyPath[];
}
