import { describe, expect, it } from "vitest";
import { parseLossless } from "../../../src/json/parse.ts";
import { reductionsOf } from "../../../src/shrink/reductions.ts";
import { shrinkInput } from "../../../src/shrink/shrink-input.ts";

const target = { path: "bucket", kind: "value" } as const;
const budget = { maxSteps: 500, timeBudgetMs: 0 };

/** A check over the candidate's parsed value, counting how often it ran. */
function checkOf(holds: (value: Record<string, unknown>) => boolean) {
  const calls = { count: 0 };
  const check = async (text: string) => {
    calls.count++;
    const value = parseLossless(text);
    return value !== null && typeof value === "object" && holds(value as Record<string, unknown>);
  };
  return { check, calls };
}

const record = {
  id: "user-1",
  age: 25,
  income: 147_758.5,
  profile: { city: "Lyon", address: { zip: "10001" } },
  tags: [],
  scores: [1, 2, 3, 4, 5, 6, 7, 8],
};

describe("shrinkInput", () => {
  it("drops every key the change does not need", async () => {
    const { check } = checkOf((value) => value.age === 25);
    const minimal = await shrinkInput(JSON.stringify(record), target, check, budget);
    expect(minimal).toMatchObject({ input: { age: 25 }, inputText: '{"age":25}', stopped: "done", target });
  });

  it("keeps an empty array, a nested key, and array elements the change needs", async () => {
    const empty = await shrinkInput(
      JSON.stringify(record),
      target,
      checkOf((value) => Array.isArray(value.tags) && value.tags.length === 0).check,
      budget,
    );
    expect(empty.input).toEqual({ tags: [] });
    const nested = await shrinkInput(
      JSON.stringify(record),
      target,
      checkOf((value) => (value.profile as { city?: unknown } | undefined)?.city !== undefined).check,
      budget,
    );
    expect(nested.input).toEqual({ profile: { city: "" } });
    const elements = await shrinkInput(
      JSON.stringify(record),
      target,
      checkOf((value) => Array.isArray(value.scores) && value.scores.includes(7)).check,
      budget,
    );
    expect(elements.input).toEqual({ scores: [7] });
  });

  it("moves numbers toward round values and integers while the change still shows", async () => {
    const minimal = await shrinkInput(
      JSON.stringify(record),
      target,
      checkOf((value) => typeof value.income === "number" && value.income > 100).check,
      budget,
    );
    const { income } = minimal.input as { income: number };
    expect(Object.keys(minimal.input as object)).toEqual(["income"]);
    expect(Number.isInteger(income)).toBe(true);
    expect(income).toBeGreaterThan(100);
    expect(income).toBeLessThanOrEqual(1000);
  });

  it("stops at its step budget, and never runs a candidate twice", async () => {
    const { check, calls } = checkOf((value) => value.age === 25);
    const minimal = await shrinkInput(JSON.stringify(record), target, check, {
      maxSteps: 4,
      timeBudgetMs: 0,
    });
    expect(minimal).toMatchObject({ steps: 4, stopped: "steps" });
    expect(calls.count).toBe(4);
  });

  it("keeps the input as it was when nothing smaller shows the change", async () => {
    const text = '{"a":1}';
    const minimal = await shrinkInput(text, target, async (candidate) => candidate === text, budget);
    expect(minimal).toMatchObject({ inputText: text, stopped: "done" });
  });
});

describe("reductionsOf", () => {
  it("tries dropping everything first, then halves, then single keys", () => {
    const first = [...reductionsOf({ a: 1, b: 2, c: 3, d: 4 })].slice(0, 7);
    expect(first).toEqual([
      {},
      { c: 3, d: 4 },
      { a: 1, b: 2 },
      { b: 2, c: 3, d: 4 },
      { a: 1, c: 3, d: 4 },
      { a: 1, b: 2, d: 4 },
      { a: 1, b: 2, c: 3 },
    ]);
  });

  it("never changes the value it reduces", () => {
    const value = { a: [1, { b: "text" }] };
    const copy = structuredClone(value);
    for (const _ of reductionsOf(value));
    expect(value).toEqual(copy);
  });
});
