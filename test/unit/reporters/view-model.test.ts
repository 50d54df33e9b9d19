import { describe, expect, it } from "vitest";
import { renderJunitReport } from "../../../src/reporters/junit.ts";
import { renderMarkdownToString } from "../../../src/reporters/markdown.ts";
import { viewReport } from "../../../src/reporters/view-model.ts";
import { makeChangedReport, makeReport } from "./report-factory.ts";
import {
  makeDatasetReport,
  makeDiffReport,
  makeRowExample,
  makeTableRunReport,
} from "./table-report-factory.ts";

const options = { color: false, examples: 5, reproCommand: (index: number) => `repro ${index}` };

describe("viewReport", () => {
  it("reads a records run: inputs, per-trial timings, a sample, failures and replayable examples", () => {
    const view = viewReport(makeChangedReport());
    expect(view).toMatchObject({ origin: "records", unit: "inputs", reproducible: true });
    expect(view.timing).toMatchObject({
      kind: "per-trial",
      per: "trial",
      old: { p50: 12 },
      new: { p50: 11 },
    });
    expect(view.sample).toMatchObject({ name: "rows.jsonl", line: "random 100 of 5000 records, seed 42" });
    expect(view.failures).toEqual({ old: 0, new: 0, both: 0 });
    expect(view.changedPaths.map((path) => path.stats.path)).toEqual(["score"]);
    expect(view.examples[0].row).toBeUndefined();
  });

  it("reads a diff: rows, the wall time only, no sample, no failures, row examples that cannot be replayed", () => {
    const view = viewReport(makeDiffReport());
    expect(view).toMatchObject({ origin: "diff", unit: "rows", reproducible: false });
    expect(view.timing).toEqual({ kind: "wall", wallMs: 2100 });
    expect(view.sample).toBeUndefined();
    expect(view.failures).toBeUndefined();
    expect(view.examples[0].row?.title).toBe("id=5 · old line 6 · new line 6");
  });

  it("reads a dataset run: one duration per side, a sample, and the whole-sample trial not replayable", () => {
    const view = viewReport(makeTableRunReport({}, { dataset: makeDatasetReport() }));
    expect(view).toMatchObject({ origin: "dataset", unit: "rows", reproducible: false });
    expect(view.timing).toEqual({ kind: "once", oldMs: 1200, newMs: 1350, wallMs: 2100 });
    expect(view.sample).toBeDefined();
  });

  it("counts a dataset run whose side failed in inputs: no tables were compared", () => {
    const report = makeChangedReport({ dataset: makeDatasetReport(), examples: [makeRowExample()] });
    expect(viewReport(report)).toMatchObject({ origin: "dataset", unit: "inputs" });
  });

  it("times a dataframe step per batch", () => {
    expect(viewReport(makeTableRunReport()).timing).toMatchObject({ kind: "per-trial", per: "batch" });
  });

  it("states the warnings a reader needs before the counts", () => {
    const view = viewReport(
      makeReport({ complete: false, summary: { trials: 40, same: 40, truncatedTrials: 2 } }),
    );
    expect(view.notes.map((note) => note.text)).toEqual([
      "INCOMPLETE: the run stopped after 40 of 100 trials; every count covers completed trials only.",
      "2 trial(s) hit the per-trial difference cap (compare.maxDifferencesPerTrial); their later differences are not counted.",
    ]);
    expect(view.counts).toMatchObject({ trials: 40, planned: 100 });
  });
});

describe("a diff's summaries show only what a diff has", () => {
  it("leaves the input, the sample, failures and percentiles out of the Markdown facts", () => {
    const text = renderMarkdownToString(makeDiffReport(), options);
    const start = text.indexOf("| | |");
    const facts = text.slice(start, text.indexOf("\n\n", start)).split("\n");
    expect(facts).toEqual([
      "| | |",
      "| --- | --- |",
      "| old | `old` old.csv (1,000 rows) |",
      "| new | `new` new.csv (1,000 rows) |",
      "| rows | 1,000 · same 988 · changed 12 |",
      "| time | wall 2.1s |",
    ]);
    expect(text).not.toMatch(/seed|p50|failures|sha256/);
  });

  it("keeps them for a run", () => {
    const text = renderMarkdownToString(makeChangedReport(), options);
    expect(text).toContain("| sample | random 100 of 5000 records, seed 42 |");
    expect(text).toContain("| trials | 100 · same 97 · changed 3 · failures old 0 / new 0 / both 0 |");
    expect(text).toContain("| time | p50 old 12ms / new 11ms · wall 2.1s |");
  });

  it("names no sample in the JUnit properties of a diff", () => {
    let text = "";
    renderJunitReport(makeDiffReport(), { write: (chunk) => (text += chunk) }, options);
    expect(text).not.toContain("sample.");
    expect(text).toContain('<property name="trials" value="1000"/>');
  });
});
