// Sampling an input source: one streaming pass that hashes the file, validates every record,
// and keeps only what the strategy may still choose. Replay checks the source is unchanged.
import { TwinrunError } from "../errors.ts";
import { assertReadableFile } from "./assert-readable-file.ts";
import { detectFormat } from "./detect-format.ts";
import { readRecords } from "./read-records.ts";
import type { ReadOptions, RecordSink } from "./record-sink.ts";
import { createSelector, planSample } from "./sample-plan.ts";
import type { Sample, SampleIdentity, SampleRequest } from "./types.ts";

/**
 * Why: the sample every run uses, reproducible from (source sha256, strategy, size, seed).
 * Records are indexed 0.. over valid records only; malformed ones fail the run or, with
 * onBadInput "skip", are counted in identity.skipped. A source without any valid record is an
 * error: zero trials would prove nothing yet look "equivalent".
 */
export async function loadSample(request: SampleRequest, options: ReadOptions = {}): Promise<Sample> {
  const plan = planSample(request);
  const format = detectFormat(request.path, request.format);
  await assertReadableFile(request.path);
  const selector = createSelector(plan);

  let totalRecords = 0;
  let skipped = 0;
  const sink: RecordSink = {
    accept(line, text) {
      selector.offer({ index: totalRecords, line, text });
      totalRecords += 1;
    },
    reject(line, problem) {
      if (request.onBadInput === "skip") {
        skipped += 1;
        return;
      }
      throw new TwinrunError(
        "INPUT_INVALID",
        `${request.path}:${line}: ${problem} (use --on-bad-input skip to skip malformed records)`,
      );
    },
  };
  const sha256 = await readRecords(request.path, format, sink, {
    ...options,
    csvStrings: request.csvStrings,
  });

  if (totalRecords === 0) {
    const why = skipped > 0 ? `all ${skipped} records were malformed and skipped` : "it holds no records";
    throw new TwinrunError(
      "INPUT_INVALID",
      `${request.path}: expected at least one input record, but ${why}`,
    );
  }
  const beyond = plan.indices?.find((index) => index >= totalRecords);
  if (beyond !== undefined) {
    throw new TwinrunError(
      "INPUT_INVALID",
      `${request.path}: replay asks for record index ${beyond}, but the input source has only ${totalRecords} ` +
        `valid records (indices 0–${totalRecords - 1}); was the input file changed since the report?`,
    );
  }

  const records = selector.finish();
  const identity: SampleIdentity = {
    source: request.path,
    format,
    sha256,
    strategy: plan.strategy,
    size: records.length,
    seed: plan.seed,
    ...(plan.stratifyBy !== undefined ? { stratifyBy: plan.stratifyBy } : {}),
    indices: records.map((record) => record.index),
    totalRecords,
    skipped,
  };
  return { identity, records };
}

/**
 * Why: a report's record indices only name the same inputs in a byte-identical file; refuses to
 * replay against a changed one, which would silently run other inputs.
 */
export function assertSameSource(identity: SampleIdentity, expectedSha256: string): void {
  if (identity.sha256.toLowerCase() === expectedSha256.toLowerCase()) return;
  throw new TwinrunError(
    "INPUT_INVALID",
    `${identity.source}: the input file changed since the report (sha256 was ${expectedSha256}, ` +
      `now ${identity.sha256}), so the report's record indices would select different inputs; ` +
      `restore the original file, or run a fresh sample instead of a replay`,
  );
}
