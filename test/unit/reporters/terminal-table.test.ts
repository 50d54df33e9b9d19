import { describe, expect, it } from "vitest";
import { IntegralFloat } from "../../../src/json/values.ts";
import type { Report } from "../../../src/report/types.ts";
import { renderTerminalReport } from "../../../src/reporters/terminal.ts";
import type { RenderOptions } from "../../../src/reporters/types.ts";
import { makeChangedReport, makeReport } from "./report-factory.ts";
import {
  makeColumnStats,
  makeDatasetReport,
  makeDistribution,
  makeNumericSummary,
  makeRowExample,
  makeTableRunReport,
} from "./table-report-factory.ts";

const ANSI = /\x1b\[/;

function render(report: Report, options: Partial<RenderOptions> = {}): string {
  let text = "";
  renderTerminalReport(
    report,
    { write: (chunk) => (text += chunk) },
    { color: false, examples: 5, width: 120, ...options },
  );
  return text;
}

/** The lines of the section whose first line starts with `heading`, up to the next blank line. */
function section(text: string, heading: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start < 0) throw new Error(`no section ${heading} in:\n${text}`);
  const end = lines.indexOf("", start);
  return lines.slice(start, end < 0 ? undefined : end);
}

/** A borderless grid's rows as cells, cut where some line of it starts a column (two spaces apart). */
function gridRows(lines: string[], headStart: string): string[][] {
  const head = lines.findIndex((line) => line.trimStart().startsWith(headStart));
  if (head < 0) throw new Error(`no grid headed ${headStart} in:\n${lines.join("\n")}`);
  const indent = lines[head].length - lines[head].trimStart().length;
  const rows = lines.slice(head).filter((line) => line.startsWith(" ".repeat(indent)) && line.trim() !== "");
  const starts = new Set<number>();
  for (const line of rows)
    for (let index = indent; index < line.length; index++)
      if (line[index] !== " " && (index === indent || line.slice(index - 2, index) === "  "))
        starts.add(index);
  const sorted = [...starts].sort((x, y) => x - y);
  return rows.map((line) => sorted.map((start, column) => line.slice(start, sorted[column + 1]).trim()));
}

function rowOf(lines: string[], first: string, headStart = "column"): string[] {
  const row = gridRows(lines, headStart).find((cells) => cells[0] === first);
  if (row === undefined) throw new Error(`no row ${first} in:\n${lines.join("\n")}`);
  return row;
}

describe("renderTerminalReport: table comparisons", () => {
  it("renders schema, rows, columns, distribution and example rows in that order, without a paths table", () => {
    const text = render(makeTableRunReport({ distribution: [makeDistribution({ psi: 0.3 })] }));
    const order = ["Schema", "Rows matched", "Columns", "Distribution", "Differing rows"].map((heading) =>
      text.indexOf(`\n${heading}`),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain("Changed paths");
    expect(text).not.toContain("Differing inputs");
    expect(text).not.toMatch(ANSI);
  });

  it("lists columns only on one side, type changes and a changed column order", () => {
    const report = makeTableRunReport({
      schema: {
        columns: { old: ["id", "score", "legacy_flag"], new: ["score", "id", "score_v2", "zip"] },
        onlyOld: ["legacy_flag"],
        onlyNew: ["score_v2", "zip"],
        typeChanges: [{ column: "score", old: "int", new: "float" }],
        orderChanged: true,
      },
    });
    expect(section(render(report), "Schema")).toEqual([
      "Schema (old 3 columns, new 4)",
      "  only in old: legacy_flag",
      "  only in new: score_v2, zip",
      "  score: int → float",
      "  column order changed",
    ]);
  });

  it("says the schema is the same in one line when nothing changed", () => {
    expect(section(render(makeTableRunReport()), "Schema")).toEqual(["Schema: same 4 columns"]);
  });

  it("counts rows per side and names the first rows on one side only and the duplicate keys", () => {
    const report = makeTableRunReport({
      match: { by: "key", key: ["id", "day"] },
      rows: {
        old: 1000,
        new: 1002,
        matched: 995,
        onlyOld: 3,
        onlyNew: 1,
        onlyOldExamples: [
          { line: 41, key: { id: 40, day: "2024-01-02" } },
          { line: 80, key: { id: 9007199254740993n, day: "7" } },
        ],
        onlyNewExamples: [{ line: 1001, key: { id: 1001, day: "a b" } }],
        duplicates: {
          old: {
            keys: 2,
            extraRows: 3,
            examples: [{ key: { id: 7, day: "2024-01-01" }, lines: [4, 9, 12] }],
          },
          new: { keys: 0, extraRows: 0, examples: [] },
        },
      },
    });
    expect(section(render(report), "Rows")).toEqual([
      "Rows matched by key id,day",
      "  old 1,000 · new 1,002 · matched 995",
      '  only in old: 3 rows: id=40 day=2024-01-02, id=9007199254740993 day="7", …',
      '  only in new: 1 row: id=1001 day="a b"',
      "  duplicate keys in old: 2 keys, 3 extra rows: id=7 day=2024-01-01 ×3 (lines 4, 9, 12), …",
      "  rows sharing a key are paired in file order; the surplus counts as only-old/only-new",
    ]);
  });

  it("names rows on one side only by line when rows were matched by position", () => {
    const report = makeTableRunReport({
      match: { by: "position" },
      rows: { new: 1002, onlyNew: 2, onlyNewExamples: [{ line: 1001 }, { line: 1002 }] },
      files: {
        old: { path: "a.csv", format: "csv", sha256: "0123456789abcdef" },
        new: { path: "b.csv", format: "csv", sha256: "fedcba9876543210" },
      },
    });
    expect(section(render(report), "Rows")).toEqual([
      "Rows matched by position",
      "  old 1,000 · new 1,002 · matched 1,000",
      "  old file a.csv (csv, sha256 0123456789ab)",
      "  new file b.csv (csv, sha256 fedcba987654)",
      "  only in new: 2 rows: line 1001, line 1002",
    ]);
  });

  it("shows every column when there are few, changed first, and marks ignored ones", () => {
    const report = makeTableRunReport({
      columns: [
        makeColumnStats({ column: "score", changed: 12, maxAbs: 0.004, maxRel: 0.01, meanAbs: 0.00012 }),
        makeColumnStats({
          column: "bucket",
          nulls: { old: 3, new: 5 },
          nullChanges: { toNull: 2, fromNull: 0 },
        }),
        makeColumnStats({ column: "updated_at", compared: 0, ignored: true }),
      ],
    });
    const lines = section(render(report), "Columns");
    expect(gridRows(lines, "column")[0]).toEqual([
      "column",
      "changed",
      "max abs",
      "max rel",
      "mean abs",
      "nulls old/new",
      "null changes",
    ]);
    expect(rowOf(lines, "score")).toEqual([
      "score",
      "12/1000 (1.2%)",
      "0.004",
      "0.01",
      "1.2e-4",
      "0 / 0",
      "",
    ]);
    expect(rowOf(lines, "bucket")).toEqual(["bucket", "0/1000 (0%)", "", "", "", "3 / 5", "2 to null"]);
    expect(rowOf(lines, "updated_at")).toEqual(["updated_at", "ignored", "", "", "", "0 / 0", ""]);
  });

  it("folds unchanged columns into one line when there are many", () => {
    const unchanged = Array.from({ length: 18 }, (_, index) => makeColumnStats({ column: `f${index}` }));
    const report = makeTableRunReport({
      columns: [
        makeColumnStats({ column: "score", changed: 12 }),
        ...unchanged,
        makeColumnStats({ column: "updated_at", ignored: true }),
      ],
    });
    const lines = section(render(report), "Columns");
    expect(lines.at(-1)).toBe("19 more columns unchanged (1 ignored: updated_at)");
    expect(lines.some((line) => line.includes("f0"))).toBe(false);
    expect(section(render(makeTableRunReport({ columns: unchanged })), "Columns")).toEqual([
      "Columns: all 18 unchanged",
    ]);
  });

  it("tables distributions with the conventional PSI reading and leaves stable columns out", () => {
    const report = makeTableRunReport({
      distribution: [
        makeDistribution({ column: "score", psi: 0.02 }),
        makeDistribution({ column: "amount", psi: 0.31 }),
        makeDistribution({ column: "age", psi: 0.12 }),
        makeDistribution({ column: "bucket_id", psi: 0.01 }),
        makeDistribution({ column: "flat", psi: null }),
      ],
    });
    const lines = section(render(report), "Distribution");
    expect(
      gridRows(
        lines.slice(
          0,
          lines.findIndex((line) => line.startsWith("PSI")),
        ),
        "column",
      )
        .map((cells) => cells[0])
        .filter((name) => name !== ""),
    ).toEqual(["column", "amount", "age", "score"]);
    expect(rowOf(lines, "amount").at(-1)).toBe("0.31 major");
    expect(rowOf(lines, "age").at(-1)).toBe("0.12 moderate");
    expect(rowOf(lines, "score").at(-1)).toBe("0.02 stable");
    expect(lines.slice(-2)).toEqual([
      "PSI: < 0.1 stable · 0.1–0.25 moderate shift · > 0.25 major shift",
      "2 stable numeric columns not shown (values unchanged, PSI < 0.1)",
    ]);
  });

  it("flags PSI over psiMax and always shows those columns", () => {
    const over = Array.from({ length: 25 }, (_, index) =>
      makeDistribution({ column: `c${index}`, psi: 0.06 }),
    );
    const report = makeTableRunReport({
      psiMax: 0.05,
      columns: [],
      distribution: [...over, makeDistribution()],
    });
    const lines = section(render(report), "Distribution");
    expect(rowOf(lines, "c24").at(-1)).toBe("0.06 over 0.05");
    expect(lines.slice(-2)).toEqual([
      "PSI over 0.05 (psiMax) fails the gate",
      "1 stable numeric column not shown (values unchanged, PSI < 0.1)",
    ]);
  });

  it("prints old and new statistics with enough digits to tell them apart", () => {
    const report = makeTableRunReport({
      distribution: [
        makeDistribution({
          old: makeNumericSummary({ mean: 0.5, max: 123456.789 }),
          new: makeNumericSummary({ mean: 0.50004, max: 123456.789 }),
          sampled: true,
        }),
      ],
    });
    const lines = section(render(report), "Distribution");
    expect(rowOf(lines, "score *").slice(1, 9)).toEqual([
      "old",
      "0.5",
      "0.1",
      "0.1",
      "0.2",
      "0.5",
      "0.8",
      "123456.8",
    ]);
    expect(gridRows(lines, "column").find((cells) => cells[1] === "new")).toContain("0.50004");
    expect(lines).toContain("* quantiles and PSI from a uniform sample of each side");
  });

  it("shows a changed row as key columns plus changed columns, old beside new", () => {
    const example = makeRowExample({
      differences: [
        { path: "score", kind: "value", old: 0.4, new: 0.404, abs: 0.004, rel: 0.0099 },
        { path: "amount", kind: "type", old: 10, new: new IntegralFloat(10) },
        { path: "meta.id", kind: "value", old: 9007199254740993n, new: 9007199254740992n },
      ],
    });
    const lines = section(render(makeTableRunReport({}, { examples: [example] })), "row ");
    expect(lines[0]).toBe("row id=5 · old line 6 · new line 6");
    expect(gridRows(lines.slice(1), "column")).toEqual([
      ["column", "kind", "old", "new", "abs", "rel"],
      ["id (key)", "", "5", "5", "", ""],
      ["score", "value", "0.4", "0.404", "0.004", "0.0099"],
      ["amount", "type", "10", "10.0", "", ""],
      ["meta.id", "value", "9007199254740993", "9007199254740992", "", ""],
    ]);
    expect(lines.join("\n")).not.toContain("reproduce:");
  });

  it("lists a row on one side only under that side", () => {
    const example = makeRowExample({
      inputText: "id=40 · old line 41",
      differences: [{ path: "$", kind: "removed", old: { id: 40, score: 0.7 } }],
      old: { status: "ok", output: { score: 0.7, id: 40 }, durationMs: 0 },
      new: { status: "absent", durationMs: 0 },
    });
    const lines = section(render(makeTableRunReport({}, { examples: [example] })), "row ");
    expect(gridRows(lines.slice(1), "column")).toEqual([
      ["column", "old", "new (no such row)"],
      ["id (key)", "40", ""],
      ["score", "0.7", ""],
    ]);
  });

  it("calls an unchanged table equivalent in rows", () => {
    const report = makeTableRunReport(
      { columns: [makeColumnStats()] },
      {
        verdict: "equivalent",
        gate: { maxChanged: "0", passed: true, exitCode: 0 },
        summary: { changed: 0 },
      },
    );
    const text = render(report);
    expect(text.split("\n")[0]).toBe("✓ EQUIVALENT  no behavioural change in 1,000 rows · no failures");
    expect(text).not.toContain("Differing rows");
  });
});

describe("renderTerminalReport: dataset mode", () => {
  it("says how each side ran and where the temp files are", () => {
    const report = makeTableRunReport(
      {},
      {
        components: {
          old: { label: "main", spec: "python3 build.py" },
          new: { label: "working tree", spec: "python3 build.py" },
        },
        dataset: makeDatasetReport({ keptTemp: "/tmp/twinrun-3fa1" }),
      },
    );
    expect(section(render(report), "Dataset runs")).toEqual([
      "Dataset runs (sample written as csv, outputs read as parquet)",
      "  old: python3 build.py · ran in 1.2s, 1,000 rows",
      "  new: python3 build.py · ran in 1.4s, 1,000 rows",
      "  temp files kept in /tmp/twinrun-3fa1",
    ]);
  });

  it("shows a failed side's reason and keeps the failure example's rendering", () => {
    const failure = {
      kind: "exit" as const,
      message: "KeyError: 'day'",
      exitCode: 1,
      stderr: "Traceback\nKeyError: 'day'",
    };
    const report = makeChangedReport({
      summary: { trials: 1, same: 0, changed: 1, failures: { new: 1 } },
      paths: [],
      components: { new: { label: "working tree", spec: "python3 build_new.py" } },
      dataset: makeDatasetReport({
        new: { status: "failure", durationMs: 300, failure },
        keptTemp: "/tmp/twinrun-3fa1",
      }),
      examples: [
        makeRowExample({
          index: 0,
          inputText: "the whole sample (1,000 rows)",
          differences: [{ path: "$", kind: "failure", old: "ok", new: "exit" }],
          old: { status: "ok", output: { rows: 1000 }, durationMs: 1200 },
          new: { status: "failure", failure, durationMs: 300 },
        }),
      ],
    });
    const text = render(report);
    expect(section(text, "Dataset runs").slice(1)).toEqual([
      "  old: python3 features_old.py (worker) · ran in 1.2s, 1,000 rows",
      "  new: python3 build_new.py · failed after 300ms: exit (exit code 1): KeyError: 'day'",
      "  temp files kept in /tmp/twinrun-3fa1",
    ]);
    expect(text).toContain("input #0  the whole sample (1,000 rows)");
    expect(text).toContain("  new failed: exit (exit code 1): KeyError: 'day'");
    expect(text).toContain("    │ Traceback");
    expect(text).not.toContain("Schema");
  });
});

describe("renderTerminalReport: reports without a table", () => {
  it("renders a changed records report compactly: head, changed paths, each difference once", () => {
    const text = render(makeChangedReport(), { examples: 1, reproCommand: (index) => `repro ${index}` });
    expect(text.split("\n")).toEqual([
      "✗ CHANGED  3 of 100 inputs changed (3%) · 97 same · no failures",
      "  old    main@3f2a  python3 features_old.py (worker)",
      "  new    working tree  python3 features_new.py (worker)",
      "  input  data/rows.jsonl · random 100 of 5000 records, seed 42 · sha256 ab12cd34",
      "  time   old p50 12ms / p95 30ms · new p50 11ms / p95 28ms · wall 2.1s",
      "  gate   failed (max changed 0) → exit 1 · tolerance abs 1e-12, rel 1e-9",
      "",
      "Changed paths",
      "path   changed     kinds    max abs  max rel  inputs",
      "score  3/100 (3%)  value×3  3.2e-4   4e-4     #4 #17 #58",
      "",
      "Differing inputs (showing 1 of 3; --examples shows more)",
      "",
      'input #4  {"id": 4, "x": 1.5}',
      "  score  value  0.8 → 0.80032  (abs 3.2e-4, rel 4e-4)",
      "  reproduce: repro 4",
      "",
    ]);
  });

  it("counts an equivalent records report in inputs", () => {
    expect(render(makeReport()).split("\n")[0]).toBe(
      "✓ EQUIVALENT  no behavioural change in 100 inputs · no failures",
    );
  });
});
