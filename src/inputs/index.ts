// Input sources and sampling: the public surface of src/inputs.
export { ACCEPTED_EXTENSIONS, detectFormat } from "./detect-format.ts";
export { createRandom, type Random } from "./random.ts";
export { readRecords } from "./read-records.ts";
export type { ReadOptions, RecordSink } from "./record-sink.ts";
export { assertSameSource, loadSample } from "./sample.ts";
export type {
  InputFormat,
  InputRecord,
  Sample,
  SampleIdentity,
  SampleRequest,
  SampleStrategy,
} from "./types.ts";
