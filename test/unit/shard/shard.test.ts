import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Sample } from "../../../src/inputs/types.ts";
import { formatShard, parseShardFlag, selectShard } from "../../../src/shard/shard.ts";

function makeSample(indices: number[]): Sample {
  return {
    identity: {
      source: "in.jsonl",
      format: "jsonl",
      sha256: "ab",
      strategy: "random",
      size: indices.length,
      seed: 1,
      indices,
      totalRecords: 1000,
      skipped: 0,
    },
    records: indices.map((index) => ({ index, line: index + 1, text: `{"i":${index}}` })),
  };
}

describe("parseShardFlag", () => {
  it.each([
    ["1/1", { index: 1, count: 1 }],
    ["2/4", { index: 2, count: 4 }],
    [" 3 / 3 ", { index: 3, count: 3 }],
  ])("reads %j", (text, expected) => {
    expect(parseShardFlag(text)).toEqual(expected);
    expect(formatShard(expected)).toBe(`${expected.index}/${expected.count}`);
  });

  it.each(["0/4", "5/4", "2", "2/0", "a/b", "-1/3", "1.5/3", ""])(
    "rejects %j naming the flag and the grammar",
    (text) => {
      expect(() => parseShardFlag(text)).toThrow(/--shard: expected <i>\/<n> with 1 <= i <= n/);
    },
  );
});

describe("selectShard", () => {
  it("takes every n-th sampled input by position, keeping the whole sample's size", () => {
    const sample = makeSample([4, 9, 12, 30, 31, 50, 77]);
    const shard = selectShard(sample, { index: 2, count: 3 });
    expect(shard.identity.indices).toEqual([9, 31]);
    expect(shard.records.map((record) => record.index)).toEqual([9, 31]);
    expect(shard.identity.size).toBe(7);
    expect(shard.identity.sha256).toBe("ab");
  });

  it("returns the sample untouched without a shard", () => {
    const sample = makeSample([1, 2]);
    expect(selectShard(sample, undefined)).toBe(sample);
  });

  it("splits any sample into disjoint shards whose union is exactly the sample", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(10_000), { maxLength: 60 }).map((values) => values.sort((a, b) => a - b)),
        fc.integer({ min: 1, max: 9 }),
        (indices, count) => {
          const sample = makeSample(indices);
          const parts = Array.from({ length: count }, (_, i) => selectShard(sample, { index: i + 1, count }));
          const union = parts.flatMap((part) => part.identity.indices).sort((a, b) => a - b);
          expect(union).toEqual(indices);
          const sizes = parts.map((part) => part.records.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
