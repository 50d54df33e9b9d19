// One row pair's example as every table engine shows it: who (its key or row number), where
// (its lines on each side), and the whole rows, so a row only on one side shows what it held.
import type { Outcome } from "../../../adapters/types.ts";
import { toExample } from "../../aggregate/aggregator.ts";
import type { Example } from "../../report/types.ts";
import type { TrialResult } from "../../runner/types.ts";
import { describeKey } from "../describe-key.ts";
import type { HandedTrial } from "./handover.ts";

type Row = Record<string, unknown> | null;

/** Why: a whole row is the value of a table trial's outcome; the row took no time of its own. */
export function rowOutcome(row: Row): Outcome {
  return { status: "ok", text: "", value: row, durationMs: 0 };
}

/** Why: the aggregator counts a handed row pair as a trial; its rows are fetched only for examples. */
export function rowPairTrial(handed: HandedTrial): TrialResult {
  return {
    index: handed.index,
    inputText: "",
    old: rowOutcome(null),
    new: rowOutcome(null),
    comparison: handed.comparison,
    ...(handed.absent !== undefined && { absent: handed.absent }),
  };
}

/** The rows and lines of one pair, as fetched by the engine that holds the tables. */
export interface FetchedPair {
  oldRow: Row;
  newRow: Row;
  oldLine: number | undefined;
  newLine: number | undefined;
}

/** Why: the embedded engine and pushdown must describe an example row pair in the same words. */
export function rowPairExample(
  candidate: HandedTrial,
  fetched: FetchedPair,
  key: readonly string[] | undefined,
): Example {
  const { oldRow, newRow, oldLine, newLine } = fetched;
  const where =
    oldLine === undefined
      ? `not in old · new line ${newLine}`
      : newLine === undefined
        ? `old line ${oldLine} · not in new`
        : `old line ${oldLine} · new line ${newLine}`;
  const who =
    key === undefined || candidate.key === undefined ? `row ${candidate.index}` : describeKey(candidate.key);
  const differences =
    candidate.absent === undefined
      ? candidate.comparison.differences
      : candidate.comparison.differences.map((difference) =>
          candidate.absent === "new" ? { ...difference, old: oldRow } : { ...difference, new: newRow },
        );
  return toExample({
    index: candidate.index,
    inputText: `${who} · ${where}`,
    old: rowOutcome(oldRow),
    new: rowOutcome(newRow),
    comparison: { ...candidate.comparison, differences },
    ...(candidate.absent !== undefined && { absent: candidate.absent }),
  });
}
