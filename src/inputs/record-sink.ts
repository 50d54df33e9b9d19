// The one hand-off between a format reader (JSONL, JSON array, CSV) and the sampler:
// readers report each record or malformed record in file order and never decide what to keep.

/** Why: readers stay ignorant of indices, strategies and --on-bad-input; the sampler owns those. */
export interface RecordSink {
  /** A well-formed record: the 1-based line where it starts, its exact JSON text, and its value when parsed. */
  accept(line: number, text: string, value?: unknown, native?: boolean): void;
  /** A malformed record: where it starts and what is wrong with it (the caller adds the file name). */
  reject(line: number, problem: string): void;
}

/** Options every reader takes; chunkBytes exists so tests can force tiny chunks. */
export interface ReadOptions {
  /** Size of the read-stream chunks in bytes (default 256 KiB). */
  chunkBytes?: number;
  /** JSONL: hand each record's parsed value to the sink (validation then parses only once); `native`
   * says it came from JSON.parse, which is exact unless the text holds `1.0` or ids beyond 2^53. */
  parseRecords?: boolean;
}

/**
 * Why: one chunk size for every streaming reader: big enough for low per-chunk overhead, small
 * enough that freed chunks waiting for GC do not inflate RSS (1 MiB chunks cost ~20 MB more).
 */
export const DEFAULT_CHUNK_BYTES = 256 * 1024;
