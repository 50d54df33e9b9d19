// Unused path rules: which rules matched a path in some output, and a did-you-mean for the others.
import { describe, expect, it } from "vitest";
import type { Outcome } from "../../../adapters/types.ts";
import { findUnusedTableRules, RuleUsage } from "../../../src/compare/rule-usage.ts";
import type { CompareRule } from "../../../src/compare/types.ts";

const ok = (value: unknown): Outcome => ({ status: "ok", text: JSON.stringify(value), durationMs: 1 });
const crash: Outcome = {
  status: "failure",
  failure: { kind: "exit", message: "exit 1", exitCode: 1 },
  durationMs: 1,
} as Outcome;

function unusedAfter(rules: CompareRule[], outputs: unknown[]) {
  const usage = new RuleUsage(rules);
  for (const output of outputs) usage.observeTrial(ok(output), ok(output));
  return usage.unused();
}

const OUTPUT = {
  tier: "gold",
  features: { age: 3, score: 0.5 },
  rows: [{ score: 1, meta: { timestamp: 1 } }],
  tags: ["a"],
};

describe("RuleUsage", () => {
  it.each([
    ["a top-level key", "tier"],
    ["a nested key", "features.score"],
    ["one level of wildcard", "features.*"],
    ["array elements", "rows[*].score"],
    ["an index", "rows[0]"],
    ["any depth", "**.timestamp"],
    ["a trailing **", "features.**"],
    ["the root", "$"],
    ["an array itself", "tags"],
  ])("counts a rule on %s as used when an output has the path (%s)", (_name, pattern) => {
    expect(unusedAfter([{ path: pattern, ignore: true }], [OUTPUT])).toEqual([]);
  });

  it("lists a misspelt rule with the path it likely meant, and what the rule sets", () => {
    const unused = unusedAfter(
      [
        { path: "tierr", ignore: true },
        { path: "features.scor", tolerance: { rel: 1e-6 } },
        { path: "rows[*].socre", unordered: true },
        { path: "tier", ignore: true },
      ],
      [OUTPUT],
    );
    expect(unused).toEqual([
      { path: "tierr", options: ["ignore"], suggestion: "tier" },
      { path: "features.scor", options: ["tolerance"], suggestion: "features.score" },
      { path: "rows[*].socre", options: ["unordered"], suggestion: "rows[*].score" },
    ]);
  });

  it("gives no suggestion when no seen path is close", () => {
    expect(unusedAfter([{ path: "completely_different", ignore: true }], [OUTPUT])).toEqual([
      { path: "completely_different", options: ["ignore"] },
    ]);
  });

  it("counts a rule matched in a later trial only, or on the new side only", () => {
    const usage = new RuleUsage([
      { path: "late", ignore: true },
      { path: "debug", ignore: true },
    ]);
    for (let i = 0; i < 50; i++) usage.observeTrial(ok({ x: i }), ok({ x: i }));
    usage.observeTrial(ok({ x: 1, late: 1 }), ok({ x: 1, late: 1 }));
    expect(usage.unused().map((rule) => rule.path)).toEqual(["debug"]);
    usage.observeTrial(ok({ x: 1 }), ok({ x: 1, debug: true }));
    expect(usage.unused()).toEqual([]);
    expect(usage.wantsOutputs).toBe(false);
  });

  it("reads the parsed value an adapter kept, and skips failed outcomes", () => {
    const usage = new RuleUsage([{ path: "y", ignore: true }]);
    usage.observeTrial(crash, crash);
    // Nothing was observed: no rule is called unused because every output failed.
    expect(usage.unused()).toEqual([]);
    usage.observeTrial({ status: "ok", text: "not read", value: { y: 1 }, durationMs: 1 }, crash);
    expect(usage.unused()).toEqual([]);
  });

  it("skips an unparsable output without throwing, and guesses nothing for a one-letter pattern", () => {
    const usage = new RuleUsage([{ path: "y", ignore: true }]);
    usage.observeTrial({ status: "ok", text: "Traceback", durationMs: 1 }, ok({ z: 1 }));
    expect(usage.unused()).toEqual([{ path: "y", options: ["ignore"] }]);
  });

  it("finds rules on deep paths inside long arrays", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: i }));
    rows.push({ id: -1, rare: true } as never);
    expect(unusedAfter([{ path: "rows[*].rare", ignore: true }], [{ rows }])).toEqual([]);
  });
});

describe("findUnusedTableRules", () => {
  const columns = { old: ["id", "amount", "region"], new: ["id", "amount", "flag"] };

  it("counts a rule naming a column of either side, or a path inside a column's cells", () => {
    const rules: CompareRule[] = [
      { path: "amount", tolerance: { abs: 0.01 } },
      { path: "flag", ignore: true },
      { path: "region.code", ignore: true },
      { path: "*", trim: true },
    ];
    expect(findUnusedTableRules(rules, columns)).toBeUndefined();
  });

  it("lists a misspelt column with the column it likely meant", () => {
    expect(findUnusedTableRules([{ path: "amout", ignore: true }], columns)).toEqual([
      { path: "amout", options: ["ignore"], suggestion: "amount" },
    ]);
  });
});
