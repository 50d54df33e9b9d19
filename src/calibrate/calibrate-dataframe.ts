// The dataframe style's calibration: the old function runs twice, as two separate workers, on the
// same batches; the two tables it returned are compared by the table engine, and the columns
// that differ are its noise (table-calibration.ts).
import { createRecordAdapter } from "../../adapters/components.ts";
import type { ResolvedComponent, ResolvedRunConfig } from "../config/types.ts";
import type { Sample } from "../inputs/types.ts";
import { runTrials } from "../runner/run-trials.ts";
import { DataframeTables } from "../table/dataframe-tables.ts";
import type { TableComparisonOptions } from "../table/table-comparison.ts";
import type { NoiseJudge } from "./noise-judge.ts";
import { judgeOldTables } from "./table-calibration.ts";

/**
 * Why: a function that returns a table differs from itself by column, as a batch step does.
 * `batches` holds the calibration records in batches; `records` how many records they hold, and
 * `indices` which (empty: the whole sample).
 */
export async function calibrateDataframe(
  config: ResolvedRunConfig,
  oldSide: ResolvedComponent,
  calibration: { batches: Sample; records: number; indices: number[] },
  options: TableComparisonOptions,
  signal: AbortSignal | undefined,
): Promise<NoiseJudge> {
  const tables = new DataframeTables({ ...options, maxExamples: 0 });
  const first = createRecordAdapter("old", oldSide, config);
  const second = createRecordAdapter("old", oldSide, config);
  try {
    await Promise.all([first.start(), second.start()]);
    await runTrials({
      records: calibration.batches.records,
      oldAdapter: first,
      newAdapter: second,
      compareOutcomes: (a, b) => tables.compareBatch(a, b),
      concurrency: config.runner.concurrency,
      signal,
      onTrial: (trial) => tables.add(trial),
    });
  } finally {
    await Promise.all([first.stop(), second.stop()]);
  }
  const compared = await tables.finish();
  return judgeOldTables(oldSide.label, compared, {
    records: calibration.records,
    indices: calibration.indices,
  });
}
