// The comparator's contracts: rules in, plain Difference objects out.

export type DifferenceKind = "value" | "type" | "added" | "removed" | "length" | "failure";

/** One place where two outcomes disagree beyond tolerance. */
export interface Difference {
  /** Path in the notation `a.b[3].c`, odd keys as `["a key"]`; the root is `$`. */
  path: string;
  kind: DifferenceKind;
  /** The old side's value at the path (absent for `added`). Lossless values render through toJsonSafe. */
  old?: unknown;
  new?: unknown;
  /** Absolute and relative error, for numeric `value` differences. */
  abs?: number;
  rel?: number;
}

export interface Tolerance {
  abs?: number;
  rel?: number;
  /** Units in the last place; when set, numbers within this many ULPs are equal too. */
  ulps?: number;
  /** Significant digits; when set, numbers that agree to this many digits are equal too (numpy's assert_approx_equal). */
  sig?: number;
}

export type NanPolicy = "equal" | "unequal";
export type NumberTypes = "strict" | "loose";

/** Per-path options a rule can set; unset fields inherit from the global options. */
export interface PathOptions {
  tolerance?: Tolerance;
  ignore?: boolean;
  /** true: compare as a multiset; {key}: match elements by a key field. */
  unordered?: boolean | { key: string };
  trim?: boolean;
  caseInsensitive?: boolean;
  unicode?: "NFC";
  numericStrings?: boolean;
  /** Strings that read as ISO 8601 dates or date-times compare as the instants they name. */
  timestamps?: boolean;
  nullEqualsMissing?: boolean;
  nan?: NanPolicy;
  signedZero?: boolean;
  numberTypes?: NumberTypes;
}

/** A path rule: a pattern (`a.b`, `a.*`, `a.**`, `**.ts`, `emb[*]`, `rows[*].score`, `["a.b"]`) and options. */
export interface CompareRule extends PathOptions {
  path: string;
}

/** Fully populated comparator options (see resolveCompareOptions). */
export interface CompareOptions {
  tolerance: { abs: number; rel: number; ulps?: number; sig?: number };
  nan: NanPolicy;
  signedZero: boolean;
  numberTypes: NumberTypes;
  nullEqualsMissing: boolean;
  /** "match": two failures are the same only when kind and normalised message match. */
  failureMessage: "match" | "ignore";
  rules: CompareRule[];
  /** The comparator stops collecting after this many differences for one pair (and says so). */
  maxDifferencesPerTrial: number;
}

export interface CompareResult {
  differences: Difference[];
  /** True when maxDifferencesPerTrial was hit and later differences were dropped. */
  truncated: boolean;
  /**
   * Set when twinrun could not observe an output itself (one of its own limits): the trial is
   * neither same nor changed. Says which side, which limit and how to raise it.
   */
  inconclusive?: Inconclusive;
}

/** Why a trial could not be judged: the side(s) whose output twinrun did not observe, and the limit's message. */
export interface Inconclusive {
  side: "old" | "new" | "both";
  limit: import("../../adapters/types.ts").UnobservedLimit;
  message: string;
}

export const DEFAULT_COMPARE_OPTIONS: CompareOptions = Object.freeze({
  tolerance: Object.freeze({ abs: 1e-12, rel: 1e-9 }),
  nan: "equal",
  signedZero: false,
  numberTypes: "strict",
  nullEqualsMissing: false,
  failureMessage: "match",
  rules: Object.freeze([]) as unknown as CompareRule[],
  maxDifferencesPerTrial: 1000,
}) as CompareOptions;
