// The HTML reporter from report literals: which sections a report gets, the page's policy, and
// that nothing from a component becomes markup. The browser tests open real reports.
import { describe, expect, it } from "vitest";
import type { Report } from "../../../../src/report/types.ts";
import { escapeHtml } from "../../../../src/reporters/html/markup.ts";
import { CONTENT_SECURITY_POLICY } from "../../../../src/reporters/html/page.ts";
import { windowString } from "../../../../src/reporters/html/value-markup.ts";
import { reporters } from "../../../../src/reporters/index.ts";
import { makeChangedReport, makeExample, makePathStats, makeReport } from "../report-factory.ts";
import { makeDiffReport, makeDistribution } from "../table-report-factory.ts";

async function renderHtml(report: Report, examples = 5): Promise<string> {
  let text = "";
  await reporters.html(
    report,
    { write: (chunk) => (text += chunk) },
    {
      color: false,
      examples,
      reproCommand: (index) => `npx twinrun run --replay r.json --only ${index}`,
    },
  );
  return text;
}

const bins = (...lowers: number[]) => lowers.map((lower, i) => ({ lower, upper: lower * 10, count: i + 1 }));

function withCharts(report: Report): Report {
  return {
    ...report,
    paths: [makePathStats({ errorBins: { abs: bins(1e-5, 1e-4), rel: bins(1e-6) } })],
    timing: {
      old: { p50: 2, p95: 4, totalMs: 200, histogramMs: bins(1, 10) },
      new: { p50: 3, p95: 5, totalMs: 300, histogramMs: bins(1, 10) },
      wallMs: 500,
    },
  } as Report;
}

describe("the html reporter", () => {
  it("writes one page with the policy, inline style and no script", async () => {
    const page = await renderHtml(withCharts(makeChangedReport()));
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    );
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page).not.toMatch(/<script|<link|<img|https?:\/\/(?!www\.w3\.org)/i);
  });

  it("shows a changed run's verdict, paths, error and timing charts, and examples with a repro line", async () => {
    const page = await renderHtml(withCharts(makeChangedReport()));
    for (const id of ["verdict", "paths", "errors", "timing", "examples"])
      expect(page).toContain(`id="${id}"`);
    for (const chart of ["abs-errors", "rel-errors", "timing"])
      expect(page).toMatch(new RegExp(`data-chart="${chart}"><figcaption>[^<]*</figcaption><svg`));
    expect(page).toContain("npx twinrun run --replay r.json --only 4");
    expect(page).toContain('<mark class="new">0.80032</mark>');
  });

  it("gives an equivalent run no paths, errors or examples, and an older report without bins no charts", async () => {
    const page = await renderHtml(makeReport());
    expect(page).toContain('<span class="word">equivalent</span>');
    for (const id of ["paths", "errors", "examples", "timing"]) expect(page).not.toContain(`id="${id}"`);
  });

  it("shows as many examples as asked for, the first open", async () => {
    const examples = [4, 17, 58].map((index) => makeExample({ index }));
    const page = await renderHtml(makeChangedReport({ examples }), 2);
    expect(page.match(/<details class="example"/g)).toHaveLength(2);
    expect(page.match(/<details class="example" open>/g)).toHaveLength(1);
    expect(page).toContain("showing 2 of 3");
  });

  it("draws a table column's distributions over PSI's bins and lists its quantiles", async () => {
    const shifted = makeDistribution({
      psi: 0.4,
      bins: { edges: [0.2, 0.4, 0.6], old: [25, 25, 25, 25], new: [10, 20, 30, 40] },
    });
    const page = await renderHtml(makeDiffReport({ distribution: [shifted] }));
    expect(page).toContain('data-chart="distribution"');
    expect(page).toMatch(/score <span class="psi major">PSI 0.4 major<\/span>/);
    expect(page).toContain("(0.2, 0.4]");
    const withoutBins = await renderHtml(makeDiffReport({ distribution: [makeDistribution({ psi: 0.4 })] }));
    expect(withoutBins).not.toContain('data-chart="distribution"');
    expect(withoutBins).toContain('class="quantiles"');
  });

  it("escapes strings from components, inputs and paths wherever they land", async () => {
    const evil = '<img src=x onerror="alert(1)"></script><script>alert(2)</script>';
    const report = makeChangedReport({
      components: { old: { label: evil, spec: evil }, new: { label: "new", spec: evil } },
      paths: [makePathStats({ path: evil })],
      examples: [
        makeExample({
          inputText: evil,
          differences: [{ path: evil, kind: "value", old: evil, new: "x" }],
          old: { status: "ok", output: { [evil]: evil }, durationMs: 1 },
          new: {
            status: "failure",
            failure: { kind: "exit", exitCode: 1, message: evil, stderr: evil },
            durationMs: 1,
          },
        }),
      ],
    });
    const page = await renderHtml(report);
    expect(page).not.toMatch(/<img|<\/?script/i);
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
});

describe("the html reporter's notes", () => {
  it("names each path rule that matched nothing, with its did-you-mean", async () => {
    const page = await renderHtml(
      makeChangedReport({ unusedRules: [{ path: "scroe", options: ["ignore"], suggestion: "score" }] }),
    );
    expect(page).toContain(
      "<li>Unused ignore rule <code>scroe</code>: it matched no path in any output; did you mean <code>score</code>?</li>",
    );
  });

  it("draws a text column's top values when they hold most of its rows", async () => {
    const categories = [
      {
        column: "plan",
        distinct: 3,
        totals: { old: 10, new: 10 },
        values: [{ value: "pro", old: 6, new: 2 }],
      },
      {
        column: "name",
        distinct: 900,
        totals: { old: 1000, new: 1000 },
        values: [{ value: "x", old: 2, new: 2 }],
      },
    ];
    const page = await renderHtml(makeDiffReport({ categories }));
    expect(page).toContain('data-chart="categories"');
    expect(page).toMatch(/<h3 class="mono">plan /);
    expect(page).not.toMatch(/<h3 class="mono">name /);
  });
});

describe("the html reporter's trust sections", () => {
  it("shows the sample's bound on the change rate and the minimal input when the report has them", async () => {
    const report = makeChangedReport({
      summary: {
        changeRate: {
          applies: true,
          confidence: 0.95,
          method: "hypergeometric",
          population: 5000,
          sampled: 100,
          changed: 3,
          low: 0.006,
          high: 0.085,
          lowCount: 30,
          highCount: 425,
        },
      },
      examples: [
        makeExample({
          minimalInput: {
            input: { x: 1 },
            inputText: '{"x":1}',
            target: { path: "score", kind: "value" },
            steps: 7,
            durationMs: 40,
            stopped: "done",
            repro: "npx twinrun run --input minimal.jsonl",
          },
        } as Partial<ReturnType<typeof makeExample>>),
      ],
    });
    const page = await renderHtml(report);
    expect(page).toMatch(/<section id="trust">[\s\S]*with 95% confidence 30 to 425 of the 5,000 inputs/);
    expect(page).toContain('minimal input <span class="muted">(7 steps, as small as it goes)</span>');
    expect(page).toContain("<code>npx twinrun run --input minimal.jsonl</code>");
  });
});

describe("the html reporter's calibration section", () => {
  it("lists every noisy path with old's own rate and the explicit rule", async () => {
    const calibration = {
      trials: 20,
      indices: [0, 1],
      margin: 2,
      level: 0.05,
      noiseTrials: 5,
      paths: [
        {
          path: "generated_at",
          differed: 20,
          compared: 20,
          kinds: { value: 20 },
          maxAbs: 3,
          flag: "--ignore generated_at",
          run: { differed: 100, compared: 100, noise: 100, beyond: 0, pValue: 1, rateBeyond: false },
        },
      ],
    };
    const page = await renderHtml({ ...makeChangedReport(), calibration } as Report);
    expect(page).toMatch(
      /<section id="calibration">[\s\S]*<td class="path">generated_at<\/td><td class="num">20\/20 \(100%\)/,
    );
    expect(page).toContain('<td class="mono">--ignore generated_at</td>');
    // Old's noise comes before the changed paths it was judged against.
    expect(page.indexOf('id="calibration"')).toBeLessThan(page.indexOf('id="paths"'));
  });
});

describe("long strings in examples", () => {
  it("shows the window around the first differing character on both sides", () => {
    const head = "a".repeat(20_000);
    const oldText = windowString(`${head}XYZ${"b".repeat(500)}`, `${head}QRS${"b".repeat(500)}`);
    expect(oldText).toContain("XYZ");
    expect(oldText.length).toBeLessThan(200);
    expect(oldText).toMatch(/^"…\(\d+ chars\)/);
  });

  it("keeps a short string whole", () => {
    expect(windowString("short", "other")).toBe('"short"');
  });
});
