import { describe, expect, it } from "vitest";
import type { Failure, Outcome } from "../../../adapters/types.ts";
import { createComparator } from "../../../src/compare/comparator.ts";
import { normalizeFailureMessage } from "../../../src/compare/failures.ts";
import { resolveCompareOptions } from "../../../src/compare/options.ts";
import type { CompareOptions } from "../../../src/compare/types.ts";
import { JsonSyntaxError } from "../../../src/json/syntax-error.ts";
import { IntegralFloat } from "../../../src/json/values.ts";

const comparatorWith = (options: Partial<CompareOptions> = {}) =>
  createComparator(resolveCompareOptions(options));
const ok = (text: string, value?: unknown): Outcome => ({ status: "ok", text, value, durationMs: 1 });
const failed = (kind: Failure["kind"], message: string): Outcome => ({
  status: "failure",
  failure: { kind, message },
  durationMs: 1,
});

describe("compareTexts", () => {
  const comparator = comparatorWith();

  it("treats byte-identical texts as equal without parsing them", () => {
    expect(comparator.compareTexts("not json {", "not json {")).toEqual({
      differences: [],
      truncated: false,
    });
  });

  it("treats identical texts with NaN as equal even under nan: unequal", () => {
    expect(comparatorWith({ nan: "unequal" }).compareTexts("[NaN]", "[NaN]").differences).toEqual([]);
  });

  it("takes reordered keys as exactly equal", () => {
    expect(comparator.compareTexts('{"a": 1, "b": [2.5]}', '{"b":[2.5],"a":1}').differences).toEqual([]);
  });

  it("never takes 1 and 1.0 as exactly equal", () => {
    expect(comparator.compareTexts('{"n": 1}', '{"n": 1.0}').differences).toEqual([
      { path: "n", kind: "type", old: 1, new: new IntegralFloat(1) },
    ]);
  });

  it("does not let NaN through the exact fast path under nan: unequal", () => {
    expect(comparatorWith({ nan: "unequal" }).compareTexts("[NaN]", "[ NaN ]").differences).toHaveLength(1);
  });

  it("does not let -0 through the exact fast path under signedZero", () => {
    expect(comparatorWith({ signedZero: true }).compareTexts("[-0.0]", "[0.0]").differences).toHaveLength(1);
  });

  it("compares big ints from text exactly", () => {
    expect(
      comparator.compareTexts('{"id": 9007199254740993}', '{"id": 9007199254740992}').differences,
    ).toHaveLength(1);
  });

  it("tolerates float noise in text", () => {
    expect(comparator.compareTexts("[0.30000000000000004]", "[0.3]").differences).toEqual([]);
  });

  it("throws JsonSyntaxError for an unparsable text (the adapter reports those)", () => {
    expect(() => comparator.compareTexts("{}", "{")).toThrow(JsonSyntaxError);
  });
});

describe("compareValues", () => {
  it("walks values that are the same object, so NaN inside still follows the nan policy", () => {
    const value = { x: [Number.NaN] };
    expect(comparatorWith({ nan: "unequal" }).compareValues(value, value).differences).toHaveLength(1);
    expect(comparatorWith().compareValues(value, value).differences).toEqual([]);
  });

  it("returns a fresh result per call", () => {
    const comparator = comparatorWith();
    const first = comparator.compareValues(1, 2);
    const second = comparator.compareValues(3, 4);
    expect(first.differences[0]).toMatchObject({ old: 1, new: 2 });
    expect(second.differences[0]).toMatchObject({ old: 3, new: 4 });
  });
});

describe("compareOutcomes", () => {
  const limitHit = (message = "stdout is larger than twinrun's output limit of 64 MB"): Outcome => ({
    status: "failure",
    failure: { kind: "unparsable", message, unobserved: "output-size" },
    durationMs: 1,
  });

  it.each([
    {
      name: "both sides past the output limit",
      oldOutcome: limitHit(),
      newOutcome: limitHit(),
      side: "both",
    },
    { name: "the old side past the limit", oldOutcome: limitHit(), newOutcome: ok("1"), side: "old" },
    {
      name: "the new side past the limit",
      oldOutcome: failed("exit", "exit 1"),
      newOutcome: limitHit(),
      side: "new",
    },
  ])("judges $name as inconclusive, never as same", ({ oldOutcome, newOutcome, side }) => {
    const result = comparatorWith().compareOutcomes(oldOutcome, newOutcome);
    expect(result.differences).toEqual([]);
    expect(result.inconclusive).toMatchObject({ side, limit: "output-size" });
  });

  it("judges two timeouts as inconclusive, saying how to raise the limit; one timeout is a change", () => {
    const timedOut = (ms: number): Outcome => ({
      status: "failure",
      failure: { kind: "timeout", message: `no output within ${ms} ms` },
      durationMs: ms,
    });
    const both = comparatorWith().compareOutcomes(timedOut(1500), timedOut(1500));
    expect(both.differences).toEqual([]);
    expect(both.inconclusive).toEqual({
      side: "both",
      limit: "timeout",
      message:
        "both sides timed out (no output within 1500 ms), so their outputs were not compared; " +
        "raise the limit with --timeout <ms> (run.timeout in the config, 0 for none)",
    });
    const one = comparatorWith().compareOutcomes(timedOut(1500), ok("1"));
    expect(one.inconclusive).toBeUndefined();
    expect(one.differences).toHaveLength(1);
  });

  const comparator = comparatorWith();

  const outcomeCases = [
    {
      name: "two equal outputs have no differences",
      oldOutcome: ok('{"a": 1}'),
      newOutcome: ok('{"a":1}'),
      expected: [],
    },
    {
      name: "two outputs are compared as values",
      oldOutcome: ok('{"a": 1}'),
      newOutcome: ok('{"a": 2}'),
      expected: ["value a"],
    },
    {
      name: "a parsed value is used when the adapter gave one",
      oldOutcome: ok("ignored", { a: 1 }),
      newOutcome: ok("also ignored", { a: 1 }),
      expected: [],
    },
    {
      name: "two failures of the same kind and message are the same",
      oldOutcome: failed("exception", "ValueError: bad row"),
      newOutcome: failed("exception", "ValueError: bad row"),
      expected: [],
    },
    {
      name: "failures differing only by whitespace and addresses are the same",
      oldOutcome: failed("exception", " KeyError at 0x7f3a9c0d10  \n"),
      newOutcome: failed("exception", "KeyError  at 0x55aa01"),
      expected: [],
    },
    {
      name: "two failures of different kinds differ",
      oldOutcome: failed("timeout", "timed out"),
      newOutcome: failed("exit", "exit 1"),
      expected: ["failure $"],
    },
    {
      name: "two failures with different messages differ",
      oldOutcome: failed("exception", "KeyError: 'a'"),
      newOutcome: failed("exception", "KeyError: 'b'"),
      expected: ["failure $"],
    },
    {
      name: "old failing and new succeeding is one failure difference",
      oldOutcome: failed("exit", "exit 1"),
      newOutcome: ok("1"),
      expected: ["failure $"],
    },
    {
      name: "new failing and old succeeding is one failure difference",
      oldOutcome: ok("1"),
      newOutcome: failed("crash", "worker died"),
      expected: ["failure $"],
    },
    {
      name: "unparsable ok text counts as an unparsable failure",
      oldOutcome: ok("garbage"),
      newOutcome: failed("unparsable", "output is not one JSON value: unexpected token 'g' at position 0"),
      expected: [],
    },
  ];
  it.each(outcomeCases.map((testCase) => [testCase.name, testCase] as const))(
    "%s",
    (_, { oldOutcome, newOutcome, expected }) => {
      const result = comparator.compareOutcomes(oldOutcome, newOutcome);
      expect(result.differences.map((difference) => `${difference.kind} ${difference.path}`)).toEqual(
        expected,
      );
    },
  );

  it("ignores failure messages under failureMessage: ignore", () => {
    const result = comparatorWith({ failureMessage: "ignore" }).compareOutcomes(
      failed("exception", "KeyError: 'a'"),
      failed("exception", "KeyError: 'b'"),
    );
    expect(result.differences).toEqual([]);
  });

  it("describes each side of a failure difference", () => {
    const result = comparator.compareOutcomes(failed("timeout", "timed out after 5000 ms"), ok('{"x": 1.0}'));
    expect(result.differences).toEqual([
      {
        path: "$",
        kind: "failure",
        old: { failure: "timeout", message: "timed out after 5000 ms" },
        new: { x: new IntegralFloat(1) },
      },
    ]);
  });

  it("normalises messages by trimming, collapsing whitespace and masking hex addresses", () => {
    expect(normalizeFailureMessage("  <obj at 0x7F3A>\n\tfailed  ")).toBe("<obj at 0x…> failed");
  });
});
