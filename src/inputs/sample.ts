// Sampling an input source: one streaming pass that hashes the file, validates every record,
// and keeps only what the strategy may still choose. Replay checks the source is unchanged.
import { TwinrunError } from "../errors.ts";
import { isPostgresReference, parsePostgresReference } from "../table/postgres/postgres-reference.ts";
import { assertReadableFile } from "./assert-readable-file.ts";
import { detectFormat } from "./detect-format.ts";
import { readPostgresRecords } from "./postgres-records.ts";
import { createRandom } from "./random.ts";
import { sampleJsonlRandom } from "./random-jsonl.ts";
import { readRecords } from "./read-records.ts";
import type { ReadOptions, RecordSink } from "./record-sink.ts";
import { createSelector, planSample, type SamplePlan } from "./sample-plan.ts";
import type { InputFormat, InputRecord, Sample, SampleIdentity, SampleRequest } from "./types.ts";

/**
 * Why: the sample every run uses, reproducible from (source sha256, strategy, size, seed).
 * Records are indexed 0.. over valid records only; malformed ones fail the run or, with
 * onBadInput "skip", are counted in identity.skipped. A source without any valid record is an
 * error: zero trials would prove nothing yet look "equivalent".
 */
export async function loadSample(request: SampleRequest, options: ReadOptions = {}): Promise<Sample> {
  const plan = planSample(request);
  const database = isPostgresReference(request.path) ? parsePostgresReference(request.path) : undefined;
  const format = database === undefined ? detectFormat(request.path, request.format) : "postgres";
  const source = database?.display ?? request.path;
  if (database !== undefined && request.format !== undefined) {
    throw new TwinrunError(
      "USAGE",
      `${source}: --format ${request.format} (input.format) is for files; a database's rows are records already, so remove it`,
    );
  }
  if (database === undefined) await assertReadableFile(request.path);
  if (plan.strategy === "random" && format === "jsonl" && request.onBadInput === "fail") {
    // Nothing to skip, so records are lines by position: only the kept ones need decoding.
    const fast = await sampleJsonlRandom(request.path, plan.size ?? 0, createRandom(plan.seed), options);
    if (fast.totalRecords === 0) throw noRecords(request.path, 0);
    return {
      identity: describeSample(source, plan, format, fast.sha256, fast.records, fast.totalRecords, 0),
      records: fast.records,
    };
  }
  const selector = createSelector(plan);

  let totalRecords = 0;
  let skipped = 0;
  const sink: RecordSink = {
    accept(line, text, value, native) {
      selector.offer({ index: totalRecords, line, text }, value, native);
      totalRecords += 1;
    },
    reject(line, problem) {
      if (request.onBadInput === "skip") {
        skipped += 1;
        return;
      }
      throw new TwinrunError(
        "INPUT_INVALID",
        `${source}:${line}: ${problem} (use --on-bad-input skip to skip malformed records)`,
      );
    },
  };
  const sha256 =
    database !== undefined
      ? await readPostgresRecords(database, sink, selector.needsValue === true)
      : await readRecords(request.path, format as InputFormat, sink, {
          ...options,
          parseRecords: selector.needsValue === true,
          csvStrings: request.csvStrings,
        });

  if (totalRecords === 0) throw noRecords(source, skipped);
  const beyond = plan.indices?.find((index) => index >= totalRecords);
  if (beyond !== undefined) {
    throw new TwinrunError(
      "INPUT_INVALID",
      `${source}: replay asks for record index ${beyond}, but the input source has only ${totalRecords} ` +
        `valid records (indices 0–${totalRecords - 1}); was the input file changed since the report?`,
    );
  }

  const records = selector.finish();
  const identity = describeSample(source, plan, format, sha256, records, totalRecords, skipped);
  return { identity: { ...identity, ...selector.identity?.() }, records };
}

function describeSample(
  source: string,
  plan: SamplePlan,
  format: SampleIdentity["format"],
  sha256: string,
  records: InputRecord[],
  totalRecords: number,
  skipped: number,
): SampleIdentity {
  return {
    source,
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
}

function noRecords(path: string, skipped: number): TwinrunError {
  const why = skipped > 0 ? `all ${skipped} records were malformed and skipped` : "it holds no records";
  return new TwinrunError("INPUT_INVALID", `${path}: expected at least one input record, but ${why}`);
}

/**
 * Why: a report's record indices only name the same inputs in a byte-identical file; refuses to
 * replay against a changed one, which would silently run other inputs.
 */
export function assertSameSource(identity: SampleIdentity, expectedSha256: string): void {
  if (identity.sha256.toLowerCase() === expectedSha256.toLowerCase()) return;
  if (identity.format === "postgres") {
    throw new TwinrunError(
      "INPUT_INVALID",
      `${identity.source}: the rows changed since the report (sha256 was ${expectedSha256}, now ${identity.sha256}), ` +
        `so the report's record indices would select different inputs; restore the rows (a query with ORDER BY ` +
        `keeps their order), or run a fresh sample instead of a replay`,
    );
  }
  throw new TwinrunError(
    "INPUT_INVALID",
    `${identity.source}: the input file changed since the report (sha256 was ${expectedSha256}, ` +
      `now ${identity.sha256}), so the report's record indices would select different inputs; ` +
      `restore the original file, or run a fresh sample instead of a replay`,
  );
}
