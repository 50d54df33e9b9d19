// Input sources and samples: where inputs come from and which ones a run uses.
import type { TableSourceFormat } from "../table/types.ts";
import type { ValueClass } from "./value-classes.ts";

/** The formats an input source can be read in (config, flags and types alike). */
export const INPUT_FORMATS = ["jsonl", "json", "csv"] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** Why: a run's sample is read from an input source; a table-only format means a twinrun bug. */
export function isInputFormat(format: string): format is InputFormat {
  return (INPUT_FORMATS as readonly string[]).includes(format);
}

/** How a sample is chosen from the input source. */
export const SAMPLE_STRATEGIES = ["first", "random", "cover", "stratified", "all"] as const;
export type SampleStrategy = (typeof SAMPLE_STRATEGIES)[number];
/** What a malformed input record does: fail the run (exit 2), or get skipped and counted. */
export const BAD_INPUT_ACTIONS = ["fail", "skip"] as const;
export type BadInputAction = (typeof BAD_INPUT_ACTIONS)[number];

/** A record read from an input source, kept as the exact text the components will receive. */
export interface InputRecord {
  /** 0-based position of the record in the source (counting records, not lines). */
  index: number;
  /** 1-based line in the file where the record starts (for error messages). */
  line: number;
  /** JSON text of the record: the JSONL line byte for byte, or CSV/JSON-array records serialised once. */
  text: string;
}

export interface SampleRequest {
  path: string;
  format?: InputFormat;
  /** Number of records, or "all". */
  size: number | "all";
  strategy: SampleStrategy;
  seed: number;
  /** Field used by the stratified strategy. */
  stratifyBy?: string;
  /** Only these record indices (replay); overrides size and strategy. */
  indices?: number[];
  /** CSV: keep every cell as text instead of inferring numbers. */
  csvStrings: boolean;
  /** What to do with a malformed record. */
  onBadInput: BadInputAction;
}

/** The sample's identity: enough to reproduce it exactly. */
export interface SampleIdentity {
  source: string;
  /** The source's format; a table-only one (Parquet, DuckDB, Postgres) only in `twinrun diff` reports, whose "sample" is the new table. */
  format: InputFormat | TableSourceFormat;
  sha256: string;
  strategy: SampleStrategy | "replay";
  size: number;
  seed: number;
  stratifyBy?: string;
  /** Record indices chosen, in run order (ascending). */
  indices: number[];
  /** Records in the source (valid ones). */
  totalRecords: number;
  /** Malformed records skipped under onBadInput=skip. */
  skipped: number;
  /** The cover strategy: which sampled inputs were picked for which value class, and the classes found. */
  cover?: CoverIdentity;
}

/** One value class at one input path, e.g. `price` `negative`, or `country` `rare-value` `"lu"`. */
export interface CoveredClass {
  path: string;
  valueClass: ValueClass;
  /** The value, for rare-value, min and max (JSON text for strings). */
  value?: string;
}

/** A class found in the source, with how many inputs hold it. */
export interface SourceClass extends CoveredClass {
  inputs: number;
}

/** A sampled input picked for the classes it covers. */
export interface CoverPick {
  index: number;
  classes: CoveredClass[];
}

/** What the cover strategy did: the class picks, and the uniform random part (for change-rate bounds). */
export interface CoverIdentity {
  /** The share of the sample that may go to class picks. */
  share: number;
  /** Inputs in the uniform random part of the sample; a change-rate bound holds for these only. */
  randomSize: number;
  picks: CoverPick[];
  /** Classes found in the source, rarest first (at most 200; classesFound counts all). */
  classes: SourceClass[];
  classesFound: number;
}

export interface Sample {
  identity: SampleIdentity;
  records: InputRecord[];
}
