// The dataframe style in the runner: the sample becomes batches (one trial per batch, whose input
// is the JSON array of its records); the returned tables are compared as two tables afterwards
// (src/table/dataframe-tables.ts), by position or by key columns.
import type { ResolvedComponent } from "../../src/config/types.ts";
import type { InputRecord, Sample } from "../../src/inputs/types.ts";
import { isPythonFunctionComponent } from "./types.ts";

/**
 * Why: one DataFrame per batch of `batchSize` records (all when undefined). A batch's trial is
 * identified by its first record (index and line); its text is the records' exact texts in order.
 */
export function batchRecords(records: readonly InputRecord[], batchSize: number | undefined): InputRecord[] {
  const size = batchSize === undefined || batchSize <= 0 ? records.length : batchSize;
  const batches: InputRecord[] = [];
  for (let start = 0; start < records.length; start += size) {
    const batch = records.slice(start, start + size);
    batches.push({
      index: batch[0].index,
      line: batch[0].line,
      text: `[${batch.map((record) => record.text).join(",")}]`,
    });
  }
  return batches;
}

/** Why: the runner's view of a sample: batches for the dataframe style, the records otherwise. */
export function batchSampleFor(config: { old: ResolvedComponent }, sample: Sample): Sample {
  const { old } = config;
  if (!isPythonFunctionComponent(old) || old.style !== "dataframe") return sample;
  return { identity: sample.identity, records: batchRecords(sample.records, old.batchSize) };
}
