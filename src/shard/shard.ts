// Sharding: the i-th of n disjoint, deterministic parts of one sample, so a big sample can
// spread over a CI matrix and `twinrun merge` can put the parts back together exactly.
import { flagError } from "../config/flag-grammars.ts";
import type { Sample } from "../inputs/types.ts";
import type { ShardInfo } from "../report/types.ts";

const SHARD_EXPECTED = "<i>/<n> with 1 <= i <= n, e.g. 2/4";

/** Why: `--shard 2/4` is read once, with a message that names the flag and the grammar. */
export function parseShardFlag(text: string): ShardInfo {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw flagError("--shard", SHARD_EXPECTED, text);
  }
  return { index, count };
}

/**
 * Why: shards partition the sample AFTER sampling, by position modulo n (position p goes to
 * shard p % n + 1), so the shards are disjoint, their union is exactly the unsharded sample
 * for the same seed, and each shard gets a spread of the file rather than one contiguous block.
 * The identity keeps the whole sample's size; its indices become this shard's.
 */
export function selectShard(sample: Sample, shard: ShardInfo | undefined): Sample {
  if (shard === undefined) return sample;
  const records = sample.records.filter((_, position) => position % shard.count === shard.index - 1);
  return {
    identity: { ...sample.identity, indices: records.map((record) => record.index) },
    records,
  };
}

/** `2/4`, as users write it. */
export function formatShard(shard: ShardInfo): string {
  return `${shard.index}/${shard.count}`;
}
