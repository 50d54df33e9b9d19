// The compact terminal layout: a head of at most six lines, each difference once, every line
// within the width (80 and 120 columns), long strings shown around their first difference.
import { describe, expect, it } from "vitest";
import type { Report } from "../../../src/report/types.ts";
import { displayWidth } from "../../../src/reporters/fit.ts";
import { renderTerminalReport } from "../../../src/reporters/terminal.ts";
import type { RenderOptions } from "../../../src/reporters/types.ts";
import { formatValue, formatValuePair } from "../../../src/reporters/value-text.ts";
import { makeChangedReport, makeDifference, makeExample, makePathStats } from "./report-factory.ts";
import { makeColumnStats, makeDistribution, makeTableRunReport } from "./table-report-factory.ts";

function render(report: Report, options: Partial<RenderOptions> = {}): string {
  let text = "";
  renderTerminalReport(
    report,
    { write: (chunk) => (text += chunk) },
    {
      color: false,
      examples: 5,
      reproCommand: (index) => `npx twinrun run --replay r.json --only ${index}`,
      ...options,
    },
  );
  return text;
}

/** The quickstart's shape: three differing inputs, one string path changed, long inputs and commands. */
function quickstartLike(): Report {
  const input = (id: number) =>
    JSON.stringify({
      id,
      age: 65,
      income: 19183.77,
      country: "BE",
      purchases: [273.41, 238.28, 252.95],
      tags: ["vip"],
    });
  return makeChangedReport({
    components: {
      old: {
        label: "old",
        spec: "python3 /home/someone/projects/customer-features/features_old.py (worker)",
      },
      new: {
        label: "new",
        spec: "python3 /home/someone/projects/customer-features/features_new.py (worker)",
      },
    },
    sample: {
      source: "/home/someone/projects/customer-features/data/customers.jsonl",
      size: 500,
      totalRecords: 2000,
    },
    summary: { trials: 500, changed: 12, same: 488 },
    paths: [
      makePathStats({
        path: "age_bucket",
        compared: 500,
        changed: 12,
        kinds: { value: 12 },
        maxAbs: undefined,
        maxRel: undefined,
        exampleIndices: [119, 273, 304, 354, 519],
      }),
      makePathStats({
        path: "features.spend_per_visit_normalised",
        compared: 500,
        changed: 2,
        exampleIndices: [304, 919],
      }),
    ],
    examples: [119, 273, 304].map((index) =>
      makeExample({
        index,
        inputText: input(index),
        differences: [
          makeDifference({
            path: "age_bucket",
            kind: "value",
            old: "65+",
            new: "40-64",
            abs: undefined,
            rel: undefined,
          }),
        ],
      }),
    ),
  });
}

describe.each([80, 120])("the terminal report at %i columns", (width) => {
  it("opens with at most six lines: verdict and counts, what ran, the input, times and the gate", () => {
    const lines = render(quickstartLike(), { width }).split("\n");
    const head = lines.slice(0, lines.indexOf(""));
    expect(head.length).toBeLessThanOrEqual(6);
    expect(head[0]).toBe("✗ CHANGED  12 of 500 inputs changed (2.4%) · 488 same · no failures");
    expect(head.at(-1)).toMatch(/^ {2}gate {3}failed \(max changed 0\) → exit 1/);
    expect(head.some((line) => line.startsWith("  time   old p50 12ms / p95 30ms"))).toBe(true);
    expect(lines.join("\n")).not.toMatch(/[┌│└├]/);
  });

  it("fits every line, tables included, into the width", () => {
    const texts = [render(quickstartLike(), { width }), render(wideTableReport(), { width })];
    for (const text of texts)
      for (const line of text.split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  });

  it("shows each example's differences once", () => {
    const text = render(quickstartLike(), { width });
    expect(text.match(/"40-64"/g)).toHaveLength(3);
    expect(text).toContain('  age_bucket  value  "65+" → "40-64"');
  });
});

describe("the terminal report's gate line", () => {
  it("names the path rules when there is room, and drops them before cutting the line", () => {
    const settings = {
      compare: { tolerance: { abs: 1e-12, rel: 1e-9 }, rules: [{ path: "a" }, { path: "b" }] },
    };
    const gate = (width: number) =>
      render(makeChangedReport({ settings } as Partial<Report>), { width })
        .split("\n")
        .find((line) => line.startsWith("  gate"));
    expect(gate(120)).toBe(
      "  gate   failed (max changed 0) → exit 1 · tolerance abs 1e-12, rel 1e-9 +2 rules",
    );
    expect(gate(80)).toBe("  gate   failed (max changed 0) → exit 1 · tolerance abs 1e-12, rel 1e-9");
  });
});

describe("the terminal report's wide cells", () => {
  it("wraps a long path in the changed-paths table instead of widening it", () => {
    const path = `features.${"very_long_feature_name_".repeat(6)}end`;
    const text = render(makeChangedReport({ paths: [makePathStats({ path })] }), { width: 80 });
    const table = text.slice(text.indexOf("Changed paths"));
    const rows = table.split("\n").slice(2, 6);
    expect(rows.length).toBeGreaterThan(1);
    for (const line of table.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it("shows two long strings around their first difference, at the same offset on both sides", () => {
    const common = "lorem ipsum ".repeat(1000);
    const example = makeExample({
      differences: [
        makeDifference({
          path: "text",
          old: `${common}the quick brown fox`,
          new: `${common}the quick brown cat`,
          abs: undefined,
          rel: undefined,
        }),
      ],
    });
    const line = render(makeChangedReport({ examples: [example] }), { width: 120 })
      .split("\n")
      .find((candidate) => candidate.startsWith("  text"));
    expect(line).toBeDefined();
    expect(displayWidth(line!)).toBeLessThanOrEqual(120);
    expect(line).toMatch(/"…[^"]*brown fox…?" → "…[^"]*brown cat…?"/);
    expect(line).toContain(`(from char ${(common.length + 17).toLocaleString("en-US")})`);
  });

  it("shows deep values to a depth limit", () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level++) deep = { next: deep };
    expect(formatValue(deep, 80)).toBe('{"next":{"next":{"next":{…1 key}}}}');
    expect(formatValue([[[[1, 2]]]], 80)).toBe("[[[[…2 items]]]]");
  });

  it("keeps short strings and non-strings whole", () => {
    expect(formatValuePair("a", "b", 20)).toEqual({ old: '"a"', new: '"b"' });
    expect(formatValuePair(1, "1", 20)).toEqual({ old: "1", new: '"1"' });
  });
});

/** A table comparison whose tables are wider than any terminal: long column names, every statistic. */
function wideTableReport(): Report {
  const name = (index: number) => `customer_lifetime_value_estimate_${index}_normalised`;
  return makeTableRunReport({
    columns: [0, 1, 2].map((index) =>
      makeColumnStats({
        column: name(index),
        changed: 3,
        compared: 1000,
        maxAbs: 12345.678,
        maxRel: 0.5,
        meanAbs: 0.25,
      }),
    ),
    distribution: [0, 1].map((index) => makeDistribution({ column: name(index), psi: 0.42 })),
  });
}
