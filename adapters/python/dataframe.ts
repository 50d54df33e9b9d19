// The dataframe style in the runner: the sample becomes batches (one trial per batch, whose input
// is the JSON array of its records), and the returned tables are compared row by row, by
// position or, with `key`, by key columns (an internal `unordered: {key}` rule on `rows`).
import type { CompareOptions, CompareRule } from "../../src/compare/types.ts";
import type { ResolvedComponent } from "../../src/config/types.ts";
import type { InputRecord, Sample } from "../../src/inputs/types.ts";

/** The row field worker.py synthesizes when several key columns identify a row (`"north|2021"`). */
export const COMPOSITE_KEY_FIELD = "$key";

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

/** Why: with key columns, table rows are matched by key instead of by position. */
export function tableCompareOptions(
  compare: CompareOptions,
  key: readonly string[] | undefined,
): CompareOptions {
  if (key === undefined || key.length === 0) return compare;
  const keyField = key.length === 1 ? key[0] : COMPOSITE_KEY_FIELD;
  // First, so a user's own rule on `rows` (later, equally specific) still wins.
  const rowRule: CompareRule = { path: "rows", unordered: { key: keyField } };
  return { ...compare, rules: [rowRule, ...compare.rules] };
}

/** Why: the runner's view of a sample: batches for the dataframe style, the records otherwise. */
export function batchSampleFor(config: { old: ResolvedComponent }, sample: Sample): Sample {
  const { old } = config;
  if (old.adapter !== "python" || old.style !== "dataframe") return sample;
  return { identity: sample.identity, records: batchRecords(sample.records, old.batchSize) };
}

/** Why: the comparator options of a run, with the row-key rule when the dataframe style has a key. */
export function compareOptionsFor(config: {
  old: ResolvedComponent;
  compare: CompareOptions;
}): CompareOptions {
  const { old } = config;
  if (old.adapter !== "python" || old.style !== "dataframe") return config.compare;
  return tableCompareOptions(config.compare, old.key);
}
