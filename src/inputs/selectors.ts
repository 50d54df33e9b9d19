// Strategies as selectors: each sees every valid record once, in order, and keeps only what it may
// still choose. first/all/replay live here; random and stratified sit on the reservoir.

import type { Random } from "./random.ts";
import { SkipReservoir } from "./skip-reservoir.ts";
import type { InputRecord, SampleIdentity } from "./types.ts";

/** Why: one streaming contract for every strategy, so the readers never know which one runs. */
export interface RecordSelector {
  /** Offers the next valid record (indices ascending from 0), with its parsed value when the reader has it. */
  offer(record: InputRecord, value?: unknown, native?: boolean): void;
  /** The chosen records in run order (ascending index), once the source is exhausted. */
  finish(): InputRecord[];
  /** True when the selector reads every record's value (the reader then hands it over parsed). */
  needsValue?: boolean;
  /** Fields the selector adds to the sample identity, after finish(). */
  identity?(): Partial<SampleIdentity>;
}

/** Why: `first` keeps the first n records (fast, but biased toward the start of the file). */
export function createFirstSelector(size: number): RecordSelector {
  const kept: InputRecord[] = [];
  return {
    offer(record) {
      if (kept.length < size) kept.push(record);
    },
    finish: () => kept,
  };
}

/** Why: `all` (or size "all") keeps every record; memory then grows with the input, as asked. */
export function createAllSelector(): RecordSelector {
  const kept: InputRecord[] = [];
  return {
    offer(record) {
      kept.push(record);
    },
    finish: () => kept,
  };
}

/** Why: `random` is a seeded uniform sample of n records in one pass. */
export function createRandomSelector(size: number, random: Random): RecordSelector {
  const reservoir = new SkipReservoir<InputRecord>(size, random);
  return {
    offer(record) {
      reservoir.offer(record);
    },
    finish: () => sortByIndex(reservoir.items()),
  };
}

/** Why: replay keeps exactly the records of an earlier report; missing indices are the caller's to report. */
export function createReplaySelector(indices: readonly number[]): RecordSelector {
  const wanted = new Set(indices);
  const kept: InputRecord[] = [];
  return {
    offer(record) {
      if (wanted.has(record.index)) kept.push(record);
    },
    finish: () => kept,
  };
}

/** Why: samples are always run in ascending index order. */
export function sortByIndex(records: InputRecord[]): InputRecord[] {
  return records.sort((a, b) => a.index - b.index);
}
