// The contracts of a table comparison (run by the engine, src/table/engine): what it is asked
// and what it returns.
import type { AggregateResult } from "../aggregate/aggregator.ts";
import type { CompareOptions, CompareResult, Difference } from "../compare/types.ts";
import type { TrialResult } from "../runner/types.ts";
import type { RowMatch, TableReport } from "./types.ts";

export interface TableComparisonOptions {
  compare: CompareOptions;
  match: RowMatch;
  /** Report a changed order of the shared columns (and let it fail the gate). */
  columnOrder: boolean;
  /** Match column names (key columns too) ignoring case; each pair so matched is listed in the schema. */
  ignoreColumnCase?: boolean;
  psiMax?: number;
  maxExamples: number;
  /** The engine's memory limit (e.g. "1GB"); beyond it, it spills to disk. */
  memoryLimit: string;
  /** False: tables of one Postgres database are streamed into the engine, not compared inside it. */
  pushdown?: boolean;
  /** Sees every changed trial (row pair) as it is added, e.g. to track accepted differences. */
  onTrial?: (trial: TrialResult) => void;
  /** With calibration: old's own noise, judged on every row pair whose cells differ. */
  noise?: TableNoise;
}

/** Why: a calibrated table run judges each row pair against old's noise exactly as a records run judges an input. */
export interface TableNoise {
  /** Moves the differences within old's own noise to `noise`. */
  split(result: CompareResult): CompareResult & { noise?: Difference[] };
  /** Counts one judged trial (a row pair, or a failed batch). */
  add(trial: TrialResult): void;
  /** Counts the row pairs whose cells were all equal. */
  addUnchanged(count: number): void;
}

export interface TableComparisonResult {
  aggregate: AggregateResult;
  table: TableReport;
  /** A schema difference no ignore rule covers: columns added or removed, types or dtypes changed. */
  schemaChanged: boolean;
}
