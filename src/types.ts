// twinrun's vocabulary in one place: each word of the design, the type that carries it, and its
// meaning. Re-exports only; code imports from where a type lives, and reads its meaning here.
//
// Words that are not a single type:
// - side: `old` or `new`, always; display labels (`main@3f2a`, `working tree`) are settings.
// - table: tabular data (an input file, a component's output table, a database table). A
//   rendered arrangement of rows and columns on a terminal or in Markdown is a grid.
// - batch step: a component that maps a table to a table: a dataset-mode command run once on
//   the whole sample file, a notebook run as a batch step, or a Python function in the
//   dataframe style. A run of batch steps is a run of kind `tables`.
// - batch: the slice of `batchSize` sample rows (all of them by default) a dataframe-style function receives per call
//   (run shape `batches`); the old and new outputs of all batches are compared as one table.

/** How a component runs: per input (`records`), per batch of rows (`batches`), or once (`table`). */
export type { RunShape } from "../adapters/kind.ts";
/** Which version of the component: the sides are `old` and `new`, never left/right or a/b. */
/** What one component did on one input: a value or a failure, plus its duration. */
/** How a component is run once per input (a record adapter) or once per sample file (a batch step). */
export type { Failure, Outcome, RecordAdapter, Side, TableAdapter } from "../adapters/types.ts";
/** Old against old: the paths a component differs on by itself, and by how much (its noise). */
export type { CalibrationReport } from "./calibrate/types.ts";
/** One place where two outcomes disagree beyond tolerance. */
export type { Difference, DifferenceKind } from "./compare/types.ts";
/** Turns a report into pass/fail and an exit code, from thresholds and accepted differences. */
export type { GateDecision } from "./gate/gate.ts";
/** The condition on the inputs that separates the changed trials from the unchanged ones. */
export type { Hint } from "./hints/types.ts";
/** The inputs chosen from the input source, and what makes them reproducible. */
export type { Sample, SampleIdentity } from "./inputs/types.ts";
/** The gate's finding: `equivalent`, `changed`, `inconclusive` or `error` (one per report). */
export type { Report, Verdict } from "./report/types.ts";
/** Renders a finished report; all reporters live in one registry. */
export type { Reporter } from "./reporters/types.ts";
/** `records` (one trial per input) or `tables` (one trial per row pair), decided once per run. */
export type { RunKind } from "./run/run-kind.ts";
/** One input run through both components. */
export type { TrialResult } from "./runner/types.ts";
/** A changed input shrunk as far as it goes while the same path still changes the same way. */
export type { MinimalInput } from "./shrink/types.ts";
