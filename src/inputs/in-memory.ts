// Inputs handed over in memory (the programmatic API: `runTwin({inputs: [...]})`) instead of read
// from a file. Each record is serialised once (stringifyLossless), so both sides receive the same
// text, exactly as with a JSONL file; then the same sampling strategies apply.
import { createHash } from "node:crypto";
import { TwinrunError } from "../errors.ts";
import { stringifyLossless } from "../json/stringify.ts";
import { createSelector, planSample } from "./sample-plan.ts";
import type { InputRecord, Sample, SampleRequest } from "./types.ts";

/** How in-memory inputs are named in reports (the sample's `source`). */
export const IN_MEMORY_SOURCE = "(in-memory inputs)";

/** Why: the API's records become InputRecords once; a record with no JSON form is a usage error naming it. */
export function serialiseInputs(records: readonly unknown[], where = "inputs"): InputRecord[] {
  if (!Array.isArray(records)) {
    throw new TwinrunError("USAGE", `${where}: expected an array of input records, got ${typeof records}`);
  }
  return records.map((record, index) => {
    if (record === undefined || typeof record === "function" || typeof record === "symbol") {
      throw new TwinrunError(
        "INPUT_INVALID",
        `${where}[${index}]: expected a JSON value (a record), got ${typeof record}`,
      );
    }
    let text: string;
    try {
      // JSON.stringify finds cycles (stringifyLossless would loop); bigints it cannot write are let through.
      JSON.stringify(record, (_key, value) => (typeof value === "bigint" ? null : value));
      text = stringifyLossless(record);
    } catch (error) {
      const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new TwinrunError("INPUT_INVALID", `${where}[${index}]: cannot be written as JSON (${why})`);
    }
    return { index, line: index + 1, text };
  });
}

/** Why: in-memory inputs are sampled like a file (first, random, stratified, all), with a sha256 over their texts. */
export function sampleInMemory(
  records: readonly InputRecord[],
  request: Omit<SampleRequest, "path">,
): Sample {
  if (records.length === 0) {
    throw new TwinrunError(
      "INPUT_INVALID",
      `${IN_MEMORY_SOURCE}: expected at least one input record, got none`,
    );
  }
  const plan = planSample({ ...request, path: IN_MEMORY_SOURCE });
  const selector = createSelector(plan);
  const hash = createHash("sha256");
  for (const record of records) {
    hash.update(`${record.text}\n`);
    selector.offer(record);
  }
  const beyond = plan.indices?.find((index) => index >= records.length);
  if (beyond !== undefined) {
    throw new TwinrunError(
      "INPUT_INVALID",
      `${IN_MEMORY_SOURCE}: asked for record index ${beyond}, but there are only ${records.length} records`,
    );
  }
  const chosen = selector.finish();
  return {
    identity: {
      source: IN_MEMORY_SOURCE,
      format: "json",
      sha256: hash.digest("hex"),
      strategy: plan.strategy,
      size: chosen.length,
      seed: plan.seed,
      ...(plan.stratifyBy !== undefined && { stratifyBy: plan.stratifyBy }),
      indices: chosen.map((record) => record.index),
      totalRecords: records.length,
      skipped: 0,
    },
    records: chosen,
  };
}
