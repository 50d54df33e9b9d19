import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Outcome } from "../../../adapters/types.ts";
import { Aggregator } from "../../../src/aggregate/aggregator.ts";
import type { Difference } from "../../../src/compare/types.ts";
import { HintCollector } from "../../../src/hints/hint-collector.ts";
import type { PathStats } from "../../../src/report/types.ts";
import type { TrialResult } from "../../../src/runner/types.ts";

const ok: Outcome = { status: "ok", text: "{}", durationMs: 1 };
const crashed: Outcome = { status: "failure", failure: { kind: "exit", message: "exit 1" }, durationMs: 1 };

/** A seeded stream of numbers in [0, 1), so the data are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function baseRecord(i: number, random: () => number): Record<string, unknown> {
  const record: Record<string, unknown> = {
    id: `user-${i}`,
    age: 18 + Math.floor(random() * 60),
    income: Math.round(random() * 200_000),
    country: ["DE", "FR", "US", "JP"][Math.floor(random() * 4)],
    name: random() < 0.15 ? ["Zoë", "José", "Łukasz"][i % 3] : ["Bob", "Ann", "Lee"][i % 3],
    profile: { city: ["a", "b", "c"][Math.floor(random() * 3)], score: random() },
    tags: random() < 0.1 ? [] : ["x", "y"],
  };
  for (let f = 0; f < 10; f++) record[`f${f}`] = Math.floor(random() * 1000);
  return record;
}

function trialOf(
  index: number,
  input: unknown,
  differences: Difference[],
  outcomes = { old: ok, new: ok },
): TrialResult {
  return {
    index,
    inputText: JSON.stringify(input),
    old: outcomes.old,
    new: outcomes.new,
    comparison: { differences, truncated: false },
  };
}

/** Runs `changes` over generated records and returns each path's hints. */
function hintsFor(
  changes: (record: Record<string, unknown>, i: number) => boolean,
  options: {
    count?: number;
    seed?: number;
    edit?: (record: Record<string, unknown>, i: number) => void;
  } = {},
): PathStats[] {
  const random = seeded(options.seed ?? 1);
  const aggregator = new Aggregator({ maxExamples: 0, hints: true });
  for (let i = 0; i < (options.count ?? 500); i++) {
    const record = baseRecord(i, random);
    options.edit?.(record, i);
    const changed = changes(record, i);
    aggregator.add(trialOf(i, record, changed ? [{ path: "score", kind: "value", old: 1, new: 2 }] : []));
  }
  return aggregator.result().paths;
}

describe("root-cause hints", () => {
  it("finds equality with a few values, with full coverage and no unchanged trial", () => {
    const edit = (record: Record<string, unknown>, i: number) => {
      if (i % 25 === 0) record.age = [25, 40, 65][(i / 25) % 3];
      else if ([25, 40, 65].includes(record.age as number)) record.age = 30;
    };
    const [stats] = hintsFor((record) => [25, 40, 65].includes(record.age as number), { edit });
    expect(stats.hints?.[0]).toMatchObject({
      text: "age ∈ {25, 40, 65}",
      condition: { field: "age", op: "in", values: [25, 40, 65] },
      covered: 20,
      total: 20,
      unchangedCovered: 0,
      unchangedTotal: 480,
      precision: 1,
    });
  });

  it("states a numeric threshold as the roundest number that cuts the same way", () => {
    const [stats] = hintsFor((record) => (record.income as number) > 100_000);
    expect(stats.hints?.map((hint) => hint.text)).toContain("income > 100000");
  });

  it("finds a missing key, a non-ASCII string and an empty array", () => {
    const missing = hintsFor((record) => (record.profile as { city?: string }).city === undefined, {
      edit: (record, i) => {
        if (i % 7 === 0) delete (record.profile as { city?: string }).city;
      },
    });
    expect(missing[0].hints?.[0].text).toBe("profile.city is missing");
    const nonAscii = hintsFor((record) => /[^\x00-\x7f]/.test(String(record.name)));
    expect(nonAscii[0].hints?.map((hint) => hint.text)).toEqual(["name has non-ASCII characters"]);
    const empty = hintsFor((record) => (record.tags as unknown[]).length === 0);
    expect(empty[0].hints?.[0].text).toBe("tags is empty");
  });

  it("finds a conjunction of two fields when neither alone is precise", () => {
    const [stats] = hintsFor((record) => record.country === "DE" && (record.age as number) > 60);
    const texts = stats.hints?.map((hint) => hint.text) ?? [];
    expect(texts.some((text) => text.includes('country = "DE"') && text.includes("age > 60"))).toBe(true);
  });

  it("gives no hint when a hash of the id decides which inputs change", () => {
    for (const [seed, share] of [
      [1, 2],
      [2, 6],
      [3, 20],
      [4, 60],
      [5, 128],
    ]) {
      const paths = hintsFor((record) => createHash("sha256").update(String(record.id)).digest()[0] < share, {
        seed,
      });
      expect(paths[0]?.hints, `seed ${seed}, share ${share}/256`).toBeUndefined();
    }
  });

  it("never lists the changed inputs' unique ids", () => {
    const chosen = new Set([3, 77, 141, 288]);
    const paths = hintsFor((_record, i) => chosen.has(i));
    expect(paths[0].hints).toBeUndefined();
  });

  it("gives failures their own hints per failure kind, against every judged trial", () => {
    const collector = new HintCollector();
    const random = seeded(9);
    const failure: Difference = {
      path: "$",
      kind: "failure",
      old: {},
      new: { failure: "exit", message: "x" },
    };
    for (let i = 0; i < 200; i++) {
      const record = baseRecord(i, random);
      const empty = (record.tags as unknown[]).length === 0;
      collector.add(trialOf(i, record, empty ? [failure] : [], { old: ok, new: empty ? crashed : ok }));
    }
    const stats: PathStats = { path: "$", compared: 200, changed: 0, kinds: {}, exampleIndices: [] };
    const [withHints] = collector.attachHints([stats]);
    expect(withHints.hints?.[0]).toMatchObject({
      text: "tags is empty",
      failure: "new exit",
      unchangedCovered: 0,
    });
  });

  it("leaves inconclusive trials out of both sides of a hint", () => {
    const collector = new HintCollector();
    collector.add({
      ...trialOf(0, { a: 1 }, []),
      comparison: {
        differences: [],
        truncated: false,
        inconclusive: { side: "new", limit: "output-size", message: "too big" },
      },
    });
    for (let i = 1; i <= 40; i++)
      collector.add(trialOf(i, { a: i % 2 }, i % 2 === 1 ? [{ path: "x", kind: "value" }] : []));
    const [stats] = collector.attachHints([
      { path: "x", compared: 40, changed: 20, kinds: {}, exampleIndices: [] },
    ]);
    expect(stats.hints?.[0]).toMatchObject({ text: "a = 1", covered: 20, total: 20, unchangedTotal: 20 });
  });
});
