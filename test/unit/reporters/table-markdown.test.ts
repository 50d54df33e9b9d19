import { describe, expect, it } from "vitest";
import { IntegralFloat } from "../../../src/json/values.ts";
import { renderMarkdownToString } from "../../../src/reporters/markdown.ts";
import { makeChangedReport } from "./report-factory.ts";
import {
  makeColumnStats,
  makeDatasetReport,
  makeDistribution,
  makeNumericSummary,
  makeRowExample,
  makeTableRunReport,
} from "./table-report-factory.ts";

const options = { color: false, examples: 5 };

/** The lines from the one starting with `heading` up to the next heading (`### `) or the end. */
function section(text: string, heading: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start < 0) throw new Error(`no section ${heading} in:\n${text}`);
  const end = lines.findIndex((line, index) => index > start && line.startsWith("### "));
  return lines
    .slice(start, end < 0 ? undefined : end)
    .filter((line, index, all) => index < all.length - 1 || line !== "");
}

describe("the Markdown reporter: table comparisons", () => {
  it("lists schema changes and the rows line, with duplicate keys and rows on one side only", () => {
    const report = makeTableRunReport({
      schema: {
        onlyOld: ["legacy_flag"],
        onlyNew: ["score|v2"],
        typeChanges: [{ column: "amount", old: "int", new: "float" }],
      },
      rows: {
        new: 1002,
        matched: 998,
        onlyOld: 2,
        onlyNew: 4,
        onlyOldExamples: [{ line: 41, key: { id: 40 } }],
        onlyNewExamples: [{ line: 1001, key: { id: 1001 } }],
        duplicates: {
          old: { keys: 0, extraRows: 0, examples: [] },
          new: { keys: 1, extraRows: 1, examples: [{ key: { id: 7 }, lines: [8, 9] }] },
        },
      },
    });
    expect(section(renderMarkdownToString(report, options), "### Schema and rows")).toEqual([
      "### Schema and rows",
      "",
      "**Schema changes:**",
      "",
      "- only in old: `legacy_flag`",
      "- only in new: `score|v2`",
      "- `amount`: int → float",
      "",
      "**Rows** (matched by key `id`): old 1,000 · new 1,002 · matched 998",
      "",
      "- only in old: 2 rows: `id=40`, …",
      "- only in new: 4 rows: `id=1001`, …",
      "- duplicate keys in new: 1 key, 1 extra row: `id=7` ×2 (lines 8, 9)",
    ]);
  });

  it("tables the ten most changed columns instead of changed paths, naming ignored ones", () => {
    const changed = Array.from({ length: 12 }, (_, index) =>
      makeColumnStats({ column: `c${index}`, changed: 12 - index, maxAbs: 0.5 }),
    );
    const report = makeTableRunReport({
      columns: [
        ...changed,
        makeColumnStats({ column: "bucket" }),
        makeColumnStats({ column: "ts", ignored: true }),
      ],
    });
    const lines = section(renderMarkdownToString(report, options), "### Changed columns");
    expect(lines.slice(2, 5)).toEqual([
      "| column | changed | max abs | max rel | mean abs | nulls old/new | null changes |",
      "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
      "| `c0` | 12/1000 (1.2%) | 0.5 |  |  | 0 / 0 |  |",
    ]);
    expect(lines.filter((line) => line.startsWith("| `"))).toHaveLength(10);
    expect(lines.at(-1)).toBe(
      "… and 2 more changed columns (all of them are in the JSON report) 2 columns unchanged. Ignored columns: `ts`",
    );
    expect(renderMarkdownToString(report, options)).not.toContain("### Changed paths");
  });

  it("tables the columns over psiMax with old → new statistics", () => {
    const report = makeTableRunReport({
      psiMax: 0.2,
      distribution: [
        makeDistribution({ column: "score", psi: 0.05 }),
        makeDistribution({
          column: "amount",
          psi: 0.31,
          old: makeNumericSummary({ mean: 120.5, std: 40.2, p1: 3, p50: 118, p99: 240 }),
          new: makeNumericSummary({ mean: 131.25, std: 44.9, p1: 3, p50: 126, p99: 262 }),
        }),
      ],
    });
    expect(section(renderMarkdownToString(report, options), "### Distribution")).toEqual([
      "### Distribution shift (PSI over psiMax 0.2)",
      "",
      "| column | PSI | mean | std | p1 | p50 | p99 |",
      "| --- | ---: | --- | --- | --- | --- | --- |",
      "| `amount` | 0.31 | 120.5 → 131.3 | 40.2 → 44.9 | 3 | 118 → 126 | 240 → 262 |",
    ]);
  });

  it("names major shifts in one line without psiMax, and says nothing when all are stable", () => {
    const shifted = makeTableRunReport({
      distribution: [makeDistribution({ column: "amount", psi: 0.4 }), makeDistribution({ psi: 0.2 })],
    });
    const text = renderMarkdownToString(shifted, options);
    expect(text).toContain("**Distribution:** major shift (PSI > 0.25) in `amount` 0.4");
    expect(text).not.toContain("### Distribution");
    const stable = renderMarkdownToString(
      makeTableRunReport({ distribution: [makeDistribution()] }),
      options,
    );
    expect(stable).not.toContain("Distribution");
  });

  it("shows the first example rows as small tables", () => {
    const examples = [5, 6, 7, 8].map((id) =>
      makeRowExample({
        inputText: `id=${id} · old line ${id + 1} · new line ${id + 1}`,
        differences: [
          { path: "score", kind: "value", old: 0.4, new: 0.404, abs: 0.004, rel: 0.0099 },
          { path: "amount", kind: "type", old: 10, new: new IntegralFloat(10) },
        ],
      }),
    );
    const text = renderMarkdownToString(makeTableRunReport({}, { examples }), options);
    expect(section(text, "### Examples").slice(0, 12)).toEqual([
      "### Examples (first 3 of 12 changed rows)",
      "",
      "<details open><summary>id=5 · old line 6 · new line 6: 2 changed column(s)</summary>",
      "",
      "| column | kind | old | new | abs | rel |",
      "| --- | --- | --- | --- | ---: | ---: |",
      "| `id` (key) |  | `5` | `5` |  |  |",
      "| `score` | value | `0.4` | `0.404` | 0.004 | 0.0099 |",
      "| `amount` | type | `10` | `10.0` |  |  |",
      "",
      "</details>",
      "<details><summary>id=6 · old line 7 · new line 7: 2 changed column(s)</summary>",
    ]);
    expect(text).toContain("<details><summary>id=7 · old line 8 · new line 8: 2 changed column(s)</summary>");
    expect(text).not.toContain("id=8");
  });

  it("adds each dataset side's run and the kept temp folder to the facts", () => {
    const failure = { kind: "exit" as const, message: "KeyError: '*day*'", exitCode: 1 };
    const report = makeChangedReport({
      dataset: makeDatasetReport({
        new: { status: "failure", durationMs: 300, failure },
        keptTemp: "/tmp/tw|x",
      }),
    });
    const text = renderMarkdownToString(report, options);
    expect(text).toContain("| old run | ran in 1.2s, 1,000 rows |");
    expect(text).toContain("| new run | failed after 300ms: exit (exit code 1): KeyError: '\\*day\\*' |");
    expect(text).toContain("| temp files | `/tmp/tw\\|x` |");
  });
});

describe("the Markdown reporter's gate line for tables", () => {
  it("counts rows, not inputs", () => {
    const report = makeTableRunReport({});
    const text = renderMarkdownToString(report, options);
    expect(text).toContain(`${report.summary.changed} of ${report.summary.trials} rows changed`);
    expect(text).not.toContain("inputs changed");
  });
});
