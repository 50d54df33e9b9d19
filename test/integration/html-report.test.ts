// The HTML report through the real CLI, opened in headless Chromium from disk: it loads with no
// console error and no request but its own file, draws its charts as SVG with the expected series,
// and a report built from hostile outputs runs no script. Screenshots are kept for review.
import { mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/reporters/html/page.ts";
import { jsonl, makeWorkspace, runCli } from "../helpers/cli.ts";
import { launchChromium, type OpenedReport, openReport } from "../helpers/html-browser.ts";

/** Screenshots of every report these tests open, overwritten on each run. */
const SCREENSHOTS = path.join(tmpdir(), "twinrun-html-report-screenshots");

let browser: Browser;
beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

let cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

function workspace(files: Record<string, string>): string {
  const created = makeWorkspace(files);
  cleanups.push(created.cleanup);
  return created.dir;
}

async function open(file: string, name: string): Promise<OpenedReport> {
  const opened = await openReport(browser, file);
  cleanups.push(opened.close);
  await opened.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  return opened;
}

/** The page fetched nothing but itself and logged no error. */
function expectQuiet(opened: OpenedReport, file: string): void {
  expect(opened.requests).toEqual([`file://${file}`]);
  expect(opened.consoleErrors).toEqual([]);
  expect(opened.dialogs).toEqual([]);
}

/** The series a chart's marks were drawn for (Vega labels each mark with its data). */
async function seriesOf(opened: OpenedReport, selector: string): Promise<string[]> {
  const labels = await opened.page.$$eval(`${selector} svg [aria-label]`, (marks) =>
    marks.map((mark) => mark.getAttribute("aria-label") ?? ""),
  );
  const series = labels.flatMap((label) => /series: (\w+)/.exec(label)?.[1] ?? []);
  return [...new Set(series)].sort();
}

const inputs = jsonl(Array.from({ length: 40 }, (_, id) => ({ id, x: id * 2.5 })));

describe("the HTML report of a record run", () => {
  it("shows verdict, changed paths, error and timing histograms, and examples side by side", async () => {
    const dir = workspace({
      "inputs.jsonl": inputs,
      "old.mjs":
        "export const f = (r) => ({ id: r.id, score: r.x * 1.5, bucket: r.x > 50 ? 'hi' : 'lo' });\n",
      "new.mjs":
        "export const f = (r) => ({ id: r.id, score: r.id % 4 === 0 ? r.x * 1.5 * (1 + 1e-3 * (1 + r.id)) : r.x * 1.5, bucket: r.x >= 50 ? 'hi' : 'lo' });\n",
      "twinrun.config.yaml":
        "input: { path: inputs.jsonl, sample: all }\nold: { adapter: module, file: old.mjs, export: f }\nnew: { adapter: module, file: new.mjs, export: f }\n",
    });
    const result = await runCli(["run", "--html", "out/report.html", "--no-save"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    const file = path.join(dir, "out/report.html");
    const opened = await open(file, "record-run");
    expectQuiet(opened, file);
    const { page } = opened;
    expect(await page.textContent("#verdict")).toContain("changed");
    expect(await page.textContent("#verdict")).toContain("exit 1");
    const paths = await page.$$eval("#paths td.path", (cells) => cells.map((cell) => cell.textContent));
    expect(paths).toEqual(["score", "bucket"]);
    // Only the numeric path has error histograms; each draws one series.
    expect(await page.$$eval("#errors h3", (titles) => titles.map((title) => title.textContent))).toEqual([
      "score",
    ]);
    expect(await seriesOf(opened, '[data-chart="abs-errors"]')).toEqual(["abs"]);
    expect(await seriesOf(opened, '[data-chart="rel-errors"]')).toEqual(["rel"]);
    expect(await seriesOf(opened, '[data-chart="timing"]')).toEqual(["new", "old"]);
    // The chart is laid out under the page's policy: it has a size, not just markup.
    const box = await page.locator('[data-chart="timing"] svg').boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    // Examples: the first is open, the others collapsed; the changed value is highlighted per side.
    expect(await page.$$eval("details.example", (all) => all.map((d) => d.hasAttribute("open")))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    const first = page.locator("details.example").first();
    expect(await first.locator(".side.old mark.old").first().textContent()).toMatch(/^\d/);
    expect(await first.locator(".side.new mark.new").first().textContent()).toMatch(/^\d/);
  });
});

describe("the HTML report of a table diff", () => {
  it("shows schema, rows, columns with bars and each shifted column's distributions over PSI's bins", async () => {
    const rows = Array.from({ length: 300 }, (_, id) => id);
    const csv = (shift: (id: number) => number, renamed: string) =>
      `id,amount,segment\n${rows.map((id) => `${id},${((id * 37) % 100) + shift(id)},${id % 3 === 0 ? "a" : id % 5 === 0 ? renamed : "b"}`).join("\n")}\n`;
    const dir = workspace({
      "old.csv": csv(() => 0, "c"),
      "new.csv": csv((id) => (id % 2 === 0 ? 30 : 0), "d"),
    });
    const result = await runCli(
      ["diff", "old.csv", "new.csv", "--key", "id", "--html", "diff.html", "--no-save"],
      { cwd: dir },
    );
    expect(result.exitCode).toBe(1);
    const file = path.join(dir, "diff.html");
    const opened = await open(file, "table-diff");
    expectQuiet(opened, file);
    const { page } = opened;
    expect(await page.textContent("#rows")).toContain("matched 300");
    const columns = await page.$$eval("#columns td.path", (cells) => cells.map((cell) => cell.textContent));
    expect(columns[0]).toBe("amount");
    expect(await page.textContent("#distributions h3")).toMatch(/^amount PSI \d/);
    expect(await seriesOf(opened, '[data-chart="distribution"]')).toEqual(["new", "old"]);
    // Ten decile bins, two bars each.
    expect(await page.locator('[data-chart="distribution"] svg [aria-roledescription="bar"]').count()).toBe(
      20,
    );
    expect(await page.textContent("#distributions table.quantiles")).toContain("p99");
    // The text column's top values, both sides: the renamed category shows on one side each.
    expect(await page.textContent("#categories h3")).toMatch(/^segment/);
    expect(await seriesOf(opened, '[data-chart="categories"]')).toEqual(["new", "old"]);
    const values = await page.$$eval("#categories tbody td.mono", (cells) =>
      cells.map((cell) => cell.textContent),
    );
    expect(values.sort()).toEqual(["a", "b", "c", "d"]);
    // A file diff runs nothing: no timing chart.
    expect(await page.locator('[data-chart="timing"]').count()).toBe(0);
  });
});

describe("the HTML report of a failed run", () => {
  it("groups the failures by side and kind and shows their stderr", async () => {
    const dir = workspace({
      "inputs.jsonl": jsonl([{ id: 1 }, { id: 2 }, { id: 3 }]),
      "old.mjs": "process.stdin.resume(); process.stdin.on('end', () => console.log('{\"ok\":true}'));\n",
      "new.mjs":
        "process.stdin.resume(); process.stdin.on('end', () => { console.error('Traceback: KeyError: \\'segment\\''); process.exit(3); });\n",
      "twinrun.config.yaml":
        "input: { path: inputs.jsonl, sample: all }\nold: { command: node old.mjs }\nnew: { command: node new.mjs }\n",
    });
    const result = await runCli(["run", "--html", "failed.html", "--no-save"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    const file = path.join(dir, "failed.html");
    const opened = await open(file, "failed-run");
    expectQuiet(opened, file);
    const { page } = opened;
    expect(await page.textContent("#failures")).toContain("new only 3");
    const group = page.locator("#failures details.failure-group");
    expect(await group.count()).toBe(1);
    expect(await group.locator("summary").textContent()).toMatch(/new\s*exit\s*3 among the examples kept/);
    expect(await group.locator("pre.stderr").textContent()).toContain("KeyError: 'segment'");
    expect(await seriesOf(opened, '[data-chart="timing"]')).toEqual(["new", "old"]);
  });
});

describe("the HTML report of hostile outputs", () => {
  const hostile = [
    "</script><script>window.__pwned = 1; alert(1)</script>",
    '<img src=x onerror="window.__pwned = 2; alert(2)">',
    "javascript:window.__pwned = 3",
    '"><svg onload="window.__pwned = 4">',
    "<style>body { display: none }</style>",
  ];

  it("shows every hostile string as text and runs no script", async () => {
    const dir = workspace({
      "inputs.jsonl": jsonl(hostile.map((text, id) => ({ id, text }))),
      "old.mjs":
        "export const f = (r) => ({ id: r.id, link: 'https://example.invalid/a', label: 'plain' });\n",
      "new.mjs":
        "export const f = (r) => { if (r.id === 4) throw new Error(r.text); return { id: r.id, link: r.text, label: r.text, [r.text]: 1 }; };\n",
      "twinrun.config.yaml": [
        "input: { path: inputs.jsonl, sample: all }",
        "old: { adapter: module, file: old.mjs, export: f, label: '<script>window.__pwned = 5</script>' }",
        "new: { adapter: module, file: new.mjs, export: f, label: '<img src=x onerror=alert(5)>' }",
        "",
      ].join("\n"),
    });
    const result = await runCli(["run", "--html", "hostile.html", "--no-save"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    const file = path.join(dir, "hostile.html");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("Content-Security-Policy");
    const opened = await open(file, "hostile");
    expectQuiet(opened, file);
    const { page } = opened;
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // Nothing the data held became an element: no script, image, link, frame or style sheet of its own.
    expect(await page.locator("script, img, a, iframe, object, embed, link").count()).toBe(0);
    expect(await page.locator("style").count()).toBe(1);
    const handlers = await page.$$eval("*", (elements) =>
      elements.flatMap((element) =>
        [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((a) => a.name),
      ),
    );
    expect(handlers).toEqual([]);
    expect(await page.isVisible("body")).toBe(true);
    // The policy is in force: a script element added to the page later is refused too.
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content")).toBe(
      CONTENT_SECURITY_POLICY,
    );
    await page.evaluate(
      "const script = document.createElement('script'); script.textContent = 'globalThis.__pwned = 9'; document.body.append(script);",
    );
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // The strings are there to read, as text (inside JSON values, with their quotes escaped).
    const body = (await page.textContent("body")) ?? "";
    for (const string of hostile) expect(body).toContain(JSON.stringify(string).slice(1, -1));
    expect(await page.textContent("h1")).toContain("<script>window.__pwned = 5</script>");
  });
});
