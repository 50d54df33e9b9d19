import { afterAll, describe, expect, it } from "vitest";
import { TwinrunError } from "../../../src/errors.ts";
import { createCoverSelector, MAX_CATEGORY_VALUES, MAX_PATHS } from "../../../src/inputs/cover-selector.ts";
import { createRandom } from "../../../src/inputs/random.ts";
import { loadSample } from "../../../src/inputs/sample.ts";
import type { CoverIdentity } from "../../../src/inputs/types.ts";
import { VALUE_CLASSES } from "../../../src/inputs/value-classes.ts";
import { createTempFiles, makeJsonl, makeRequest } from "./sample-request.ts";

const files = createTempFiles();
afterAll(() => files.remove());

// 2,000 ordinary records and one edge value each at a known index.
const EDGES: Record<number, string> = {
  101: '{"id":101,"name":"n","price":2.5,"tags":["a"],"country":"de"}',
  202: '{"id":202,"name":null,"price":2.5,"tags":["a"],"country":"de"}',
  303: '{"id":303,"name":"","price":2.5,"tags":["a"],"country":"de"}',
  404: '{"id":404,"name":"n","price":2.5,"tags":[],"country":"de"}',
  505: '{"id":505,"name":"n","price":0,"tags":["a"],"country":"de"}',
  606: '{"id":606,"name":"n","price":-4.5,"tags":["a"],"country":"de"}',
  707: '{"id":707,"name":"n","price":NaN,"tags":["a"],"country":"de"}',
  808: '{"id":808.0,"name":"n","price":2.5,"tags":["a"],"country":"de"}',
  909: '{"id":9007199254740993,"name":"n","price":2.5,"tags":["a"],"country":"de"}',
  1010: '{"id":1010,"name":"Zoë","price":2.5,"tags":["a"],"country":"de"}',
  1111: `{"id":1111,"name":"${"x".repeat(300)}","price":2.5,"tags":["a"],"country":"de"}`,
  1212: '{"id":1212,"name":" n","price":2.5,"tags":["a"],"country":"de"}',
  1313: '{"id":1313,"name":"n","price":2.5,"tags":["a"],"country":"lu"}',
  1414: '{"id":1414,"name":"n","tags":["a"],"country":"de"}',
  1515: '{"id":1515,"name":"n","price":99999,"tags":["a"],"country":"de"}',
  1616: '{"id":1616,"name":"n","price":2.5,"tags":["a"],"country":"de","coupon":"X"}',
};
const ordinary = (i: number): string =>
  `{"id":${i},"name":"n${i % 7}","price":${1 + (i % 50) / 10},"tags":["a","b"],"country":"${i % 2 ? "de" : "fr"}"}`;
const lines = Array.from({ length: 2000 }, (_, i) => EDGES[i] ?? ordinary(i));
const edgeFile = files.write("edges.jsonl", `${lines.join("\n")}\n`);

function coverOf(identity: { cover?: CoverIdentity }): CoverIdentity {
  if (identity.cover === undefined) throw new Error("expected a cover identity");
  return identity.cover;
}

function pickedFor(cover: CoverIdentity, path: string, valueClass: string): number[] {
  return cover.picks
    .filter((pick) => pick.classes.some((c) => c.path === path && c.valueClass === valueClass))
    .map((pick) => pick.index);
}

describe("the cover strategy", () => {
  it("picks the one input of each rare value class and says which class it covers", async () => {
    const sample = await loadSample(makeRequest({ path: edgeFile, strategy: "cover", size: 60, seed: 3 }));
    const cover = coverOf(sample.identity);
    const expected: [string, string, number][] = [
      ["name", "null", 202],
      ["name", "empty-string", 303],
      ["tags", "empty-array", 404],
      ["price", "zero", 505],
      ["price", "negative", 606],
      ["price", "non-finite", 707],
      ["id", "integral-float", 808],
      ["id", "big-integer", 909],
      ["name", "non-ascii", 1010],
      ["name", "long-string", 1111],
      ["name", "whitespace", 1212],
      ["country", "rare-value", 1313],
      ["price", "missing", 1414],
      ["price", "max", 1515],
      ["coupon", "present", 1616],
    ];
    for (const [path, valueClass, index] of expected) {
      expect(pickedFor(cover, path, valueClass), `${path} ${valueClass}`).toEqual([index]);
      expect(sample.identity.indices).toContain(index);
    }
    expect(cover.picks.find((pick) => pick.index === 1313)?.classes).toContainEqual({
      path: "country",
      valueClass: "rare-value",
      value: '"lu"',
    });
    expect(cover.classes).toContainEqual({ path: "price", valueClass: "negative", inputs: 1 });
    expect(cover.classes.every((c) => VALUE_CLASSES.includes(c.valueClass))).toBe(true);
    expect(sample.records.find((record) => record.index === 808)?.text).toBe(EDGES[808]);
  });

  it("gives classes at most the cover share and fills the rest uniformly at random", async () => {
    const sample = await loadSample(makeRequest({ path: edgeFile, strategy: "cover", size: 10, seed: 1 }));
    const cover = coverOf(sample.identity);
    expect(sample.identity.size).toBe(10);
    expect(cover.picks.length).toBe(5);
    expect(cover.randomSize).toBe(5);
    expect(cover.classesFound).toBeGreaterThan(15);
    // The rarest classes (one input each) come first.
    for (const pick of cover.picks) {
      const inputs = pick.classes.map(
        (c) =>
          cover.classes.find((f) => f.path === c.path && f.valueClass === c.valueClass && f.value === c.value)
            ?.inputs,
      );
      expect(Math.min(...inputs.map((n) => n ?? Number.POSITIVE_INFINITY))).toBe(1);
    }
    expect(new Set(sample.identity.indices).size).toBe(10);
  });

  it("draws the same sample from the same seed and another from another seed", async () => {
    const first = await loadSample(makeRequest({ path: edgeFile, strategy: "cover", size: 30, seed: 5 }));
    const again = await loadSample(makeRequest({ path: edgeFile, strategy: "cover", size: 30, seed: 5 }));
    const other = await loadSample(makeRequest({ path: edgeFile, strategy: "cover", size: 30, seed: 6 }));
    expect(again.identity).toEqual(first.identity);
    expect(other.identity.indices).not.toEqual(first.identity.indices);
  });

  it("finds the same classes over the columns of a CSV source", async () => {
    let csv = "id,name,price,country\n";
    for (let i = 0; i < 500; i += 1) {
      const name = i === 40 ? "Zoë" : i === 41 ? "" : `n${i % 3}`;
      const price = i === 42 ? "-1" : i === 43 ? "0" : String(1 + (i % 9));
      csv += `${i},${name},${price},${i === 44 ? "lu" : "de"}\n`;
    }
    const path = files.write("edges.csv", csv);
    const cover = coverOf((await loadSample(makeRequest({ path, strategy: "cover", size: 20 }))).identity);
    expect(pickedFor(cover, "name", "non-ascii")).toEqual([40]);
    expect(pickedFor(cover, "name", "null")).toEqual([41]);
    expect(pickedFor(cover, "price", "negative")).toEqual([42]);
    expect(pickedFor(cover, "price", "zero")).toEqual([43]);
    expect(pickedFor(cover, "country", "rare-value")).toEqual([44]);
  });

  it("takes every input of a source smaller than the sample, still naming the classes", async () => {
    const path = files.write(
      "small.jsonl",
      makeJsonl(5, (i) => ({ i, v: i === 3 ? null : i })),
    );
    const sample = await loadSample(makeRequest({ path, strategy: "cover", size: 50 }));
    expect(sample.identity.indices).toEqual([0, 1, 2, 3, 4]);
    expect(pickedFor(coverOf(sample.identity), "v", "null")).toEqual([3]);
  });
});

describe("the cover selector's memory bound", () => {
  it("tracks at most MAX_PATHS paths when object keys are ids", () => {
    const selector = createCoverSelector(10, createRandom(0));
    for (let i = 0; i < 5000; i += 1) {
      const value = { byUser: { [`user-${i}`]: i }, [`k${i}`]: "v" };
      selector.offer({ index: i, line: i + 1, text: JSON.stringify(value) }, value);
    }
    expect(selector.trackedPaths).toBe(MAX_PATHS);
    expect(selector.finish().records).toHaveLength(10);
  });

  it("keeps one input per path and class, and stops counting values of a high-cardinality field", () => {
    const selector = createCoverSelector(10, createRandom(0));
    for (let i = 0; i < 20_000; i += 1) {
      const value = {
        id: i,
        name: `user-${i}`,
        score: i % 3 === 0 ? null : -i,
        kind: i % 1000 === 0 ? "rare" : "common",
      };
      selector.offer({ index: i, line: i + 1, text: JSON.stringify(value) }, value);
    }
    // 5 paths (record, id, name, score, kind), each with at most every class and MAX_CATEGORY_VALUES values.
    expect(selector.keptInputs).toBeLessThanOrEqual(5 * (VALUE_CLASSES.length + MAX_CATEGORY_VALUES));
    const { cover } = selector.finish();
    expect(cover.classes.filter((c) => c.valueClass === "rare-value")).toEqual([
      { path: "kind", valueClass: "rare-value", inputs: 20, value: '"rare"' },
    ]);
  });
});

describe("random over JSONL (positions, only kept lines parsed)", () => {
  it("draws the same sample as the validating pass over a valid source", async () => {
    const path = files.write(
      "valid.jsonl",
      makeJsonl(3000, (i) => ({ i, pad: "x".repeat(i % 13) })),
    );
    const fast = await loadSample(makeRequest({ path, strategy: "random", size: 40, seed: 9 }));
    const full = await loadSample(
      makeRequest({ path, strategy: "random", size: 40, seed: 9, onBadInput: "skip" }),
    );
    expect(fast.identity).toEqual(full.identity);
    expect(fast.records).toEqual(full.records);
  });

  it("counts blank lines as no records and fails on a malformed line it keeps, naming its line", async () => {
    const path = files.write("bad.jsonl", '{"i":0}\n\n   \n{"i":1\n');
    const error = await loadSample(makeRequest({ path, strategy: "random", size: 5 })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TwinrunError);
    expect((error as TwinrunError).message).toContain("bad.jsonl:4:");
    const good = files.write("blank.jsonl", '\uFEFF{"i":0}\n\n  \r\n{"i":1}\r\n');
    const sample = await loadSample(makeRequest({ path: good, strategy: "random", size: 5 }));
    expect(sample.records).toEqual([
      { index: 0, line: 1, text: '{"i":0}' },
      { index: 1, line: 4, text: '{"i":1}' },
    ]);
  });
});
