// Calibration of a table run (dataset mode, the dataframe style): old's two tables, from two runs
// on the same records, compared by the table engine. The columns that differ are old's noise,
// judged by the same NoiseJudge as a records run's noisy paths.
import type { ResolvedRunConfig } from "../config/types.ts";
import { TwinrunError } from "../errors.ts";
import type { InputRecord } from "../inputs/types.ts";
import type { TableComparisonResult } from "../table/table-comparison.ts";
import type { TableReport } from "../table/types.ts";
import { NoiseJudge } from "./noise-judge.ts";
import { pickCalibrationRecords } from "./run-calibration.ts";

/**
 * Why: a batch step costs about the same on 50 rows as on the sample, and every row pair it
 * compares sharpens the rate test; so a table run calibrates on the whole sample unless
 * `--calibrate n` asks for fewer records (a seeded subset, as for records).
 */
export function pickTableCalibrationRecords(
  records: readonly InputRecord[],
  config: Pick<ResolvedRunConfig, "calibrate" | "input">,
): InputRecord[] {
  const count = config.calibrate?.trials ?? records.length;
  return pickCalibrationRecords(records, count, config.input.seed);
}

/**
 * Why: old's two tables become the noise judge of the run; a table that differs from itself on
 * every row and column (or whose rows do not even match) is the clear error, not a wall of noise.
 * `indices` are the records old ran on when a subset was picked; empty: the whole sample.
 */
export function judgeOldTables(
  oldLabel: string,
  compared: TableComparisonResult,
  calibration: { records: number; indices: number[] },
): NoiseJudge {
  const problem = describeTotalDifference(compared.table);
  if (problem !== undefined) {
    throw new TwinrunError(
      "USAGE",
      `${oldLabel} is not deterministic with itself: run twice on the same ${calibration.records} record(s), ${problem}; ` +
        "twinrun cannot tell a change from its noise. Seed its randomness (it gets TWINRUN_SEED), " +
        "or ignore the nondeterministic columns (--ignore <column>) and keep at least one stable column",
    );
  }
  return new NoiseJudge(compared.aggregate.paths, {
    trials: calibration.records,
    indices: calibration.indices,
  });
}

/** How two old tables differ everywhere, in words; undefined when some row and column agree. */
function describeTotalDifference(table: TableReport): string | undefined {
  const { matched, old, new: second } = table.rows;
  const key = table.match.by === "key" ? table.match.key : [];
  if (matched === 0) {
    if (old + second === 0) return undefined;
    return key.length > 0
      ? `no row of its second table matched its first by key (${key.join(", ")}): the key columns change from run to run`
      : "no row of its second table matched its first";
  }
  const columns = table.columns.filter((stats) => stats.ignored !== true && !key.includes(stats.column));
  if (
    columns.length === 0 ||
    !columns.every((stats) => stats.compared > 0 && stats.changed === stats.compared)
  )
    return undefined;
  const names = columns.map((stats) => stats.column);
  const shown = names.slice(0, 5).join(", ") + (names.length > 5 ? `, … (${names.length} columns)` : "");
  return `its tables differed on every one of the ${matched} matched rows in every column (${shown})`;
}
