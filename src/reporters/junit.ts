// The JUnit XML reporter, for CI test dashboards (GitLab, Jenkins, GitHub test-report actions).
//
// One testcase per changed path — not per trial — plus one for the gate. Paths are stable names
// across runs (`features.age_bucket`), so a dashboard tracks each one's history, and a change
// that touches 400 inputs is one red line that says "on 400 of 500 inputs", not 400 lines named
// after input indices that differ with every sample. The failing inputs are listed inside. A
// path fails when the gate fails and its changes are not all accepted, so the dashboard agrees
// with the exit code.
import { describeExceededEntry } from "../accept/evaluate.ts";
import { foldPath } from "../compare/paths.ts";
import type { Report } from "../report/types.ts";
import { writeFileAtomic } from "../util/atomic-write.ts";
import { type ChangedPath, describePathChange } from "./ci-text.ts";
import { formatLosslessValue } from "./display-value.ts";
import { toOneLine } from "./format.ts";
import type { RenderOptions, TextSink } from "./types.ts";
import { type ReportView, viewReport } from "./view-model.ts";

interface TestCase {
  classname: string;
  name: string;
  failure?: { type: string; message: string; body: string };
  error?: { type: string; message: string; body: string };
  out?: string;
}

/** Example differences listed per failing path. */
const EXAMPLES_PER_PATH = 3;

/** Renders the report as one JUnit `<testsuites>` document, ending with a newline. */
export function renderJunitReport(report: Report, out: TextSink, options: RenderOptions): void {
  const view = viewReport(report);
  const cases = [
    gateCase(view),
    ...slowdownCase(view),
    ...view.changedPaths.map((path) => pathCase(view, path, options)),
  ];
  cases.push(...acceptedCases(view));
  const failures = cases.filter((testCase) => testCase.failure !== undefined).length;
  const errors = cases.filter((testCase) => testCase.error !== undefined).length;
  const seconds = (report.timing.wallMs / 1000).toFixed(3);
  const suiteName = `twinrun: ${report.components.old.label} vs ${report.components.new.label}`;
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="${seconds}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="twinrun" ${counts}>`,
    `  <testsuite name="${attr(suiteName)}" ${counts} timestamp="${attr(report.createdAt)}">`,
    "    <properties>",
    ...properties(view).map(
      ([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`,
    ),
    "    </properties>",
    ...cases.map(renderCase),
    "  </testsuite>",
    "</testsuites>",
  ];
  out.write(`${lines.join("\n")}\n`);
}

/** Why: `--junit <file>` is written atomically, like every report file. */
export async function writeJunitReport(report: Report, file: string, options: RenderOptions): Promise<void> {
  let text = "";
  renderJunitReport(report, { write: (chunk) => (text += chunk) }, options);
  await writeFileAtomic(file, text);
}

function gateCase(view: ReportView): TestCase {
  const name = `gate (max changed ${view.gate.maxChanged})`;
  const line = view.gateLine;
  if (view.verdict === "error" || !view.complete) {
    const why = view.error ?? (view.complete ? "no trial ran" : "the run was interrupted before it finished");
    return { classname: "twinrun", name, error: { type: "error", message: why, body: line } };
  }
  if (!view.gate.passed)
    return { classname: "twinrun", name, failure: { type: "gate", message: line, body: line } };
  return { classname: "twinrun", name, out: line };
}

/** The slowdown gate is a testcase of its own, so a dashboard shows a slow refactor as such. */
function slowdownCase(view: ReportView): TestCase[] {
  const slowdown = view.gate.slowdown;
  if (slowdown === undefined) return [];
  const name = `slowdown (max ${slowdown.maxSlowdown}x)`;
  return slowdown.passed
    ? [{ classname: "twinrun", name, out: slowdown.line }]
    : [
        {
          classname: "twinrun",
          name,
          failure: { type: "slowdown", message: slowdown.line, body: slowdown.line },
        },
      ];
}

function pathCase(view: ReportView, changed: ChangedPath, options: RenderOptions): TestCase {
  const { stats, accepted } = changed;
  const message = `${stats.path} ${describePathChange(stats, view.unit)}`;
  if (accepted) return { classname: "twinrun.paths", name: stats.path, out: `accepted: ${message}` };
  const body = [message, ...exampleLines(view, stats.path, options)].join("\n");
  // A change the gate allows (--max-changed) passes, so the dashboard agrees with the exit code.
  if (view.gate.passed) {
    const out = `within the gate (max changed ${view.gate.maxChanged}): ${body}`;
    return { classname: "twinrun.paths", name: stats.path, out };
  }
  const kind = Object.keys(stats.kinds)[0] ?? "change";
  return { classname: "twinrun.paths", name: stats.path, failure: { type: kind, message, body } };
}

function exampleLines(view: ReportView, folded: string, options: RenderOptions): string[] {
  const lines: string[] = [];
  for (const { example } of view.examples) {
    const here = example.differences.filter((difference) => foldPath(difference.path) === folded);
    if (here.length === 0) continue;
    for (const difference of here.slice(0, 2)) {
      const values = `${formatLosslessValue(difference.old, 80)} → ${formatLosslessValue(difference.new, 80)}`;
      // Table reports count rows: the example names its row (key and lines), not an input.
      const where = view.unit === "inputs" ? `input #${example.index}` : `row ${example.inputText}`;
      lines.push(`${where}: ${difference.path} ${difference.kind}: ${values}`);
    }
    // A row of a table (or a dataset run's whole sample) is not an input a replay could rerun.
    if (options.reproCommand !== undefined && view.reproducible)
      lines.push(`  reproduce: ${options.reproCommand(example.index)}`);
    if (lines.length >= EXAMPLES_PER_PATH * 3) break;
  }
  return lines;
}

function acceptedCases(view: ReportView): TestCase[] {
  const accepted = view.accepted;
  if (accepted === undefined) return [];
  return accepted.entries
    .filter((entry) => entry.status !== "used")
    .map((entry): TestCase => {
      const name = `accepted ${entry.path} [${entry.kinds.join(",")}]`;
      if (entry.status === "exceeded") {
        const message = describeExceededEntry(entry);
        return { classname: "twinrun.accepted", name, failure: { type: "exceeded", message, body: message } };
      }
      const message = `accepted entry ${entry.path} matched nothing; remove it from ${accepted.file}`;
      return accepted.strict
        ? { classname: "twinrun.accepted", name, failure: { type: "unused", message, body: message } }
        : { classname: "twinrun.accepted", name, out: message };
    });
}

function properties(view: ReportView): [string, string][] {
  const { components, counts } = view;
  const list: [string, string][] = [
    ["old", `${components.old.label} (${components.old.spec})`],
    ["new", `${components.new.label} (${components.new.spec})`],
    ["verdict", view.verdict],
  ];
  // A diff read two files: no sample to name.
  if (view.sample !== undefined) {
    const { sample } = view.report;
    list.push(
      ["sample.source", sample.source],
      ["sample.sha256", sample.sha256],
      ["sample.seed", String(sample.seed)],
      ["sample.strategy", sample.strategy],
      ["sample.size", String(sample.size)],
    );
  }
  list.push(["trials", String(counts.trials)], ["changed", String(counts.changed)]);
  const slowdown = view.report.timing.slowdown;
  if (slowdown !== undefined) {
    list.push(["timing.slowdown.ratio", String(slowdown.ratio)]);
    if (slowdown.low !== undefined && slowdown.high !== undefined)
      list.push(
        ["timing.slowdown.low", String(slowdown.low)],
        ["timing.slowdown.high", String(slowdown.high)],
      );
  }
  const rate = view.report.summary.changeRate;
  if (rate?.applies && rate.high !== undefined)
    list.push(
      ["summary.changeRate.low", String(rate.low ?? 0)],
      ["summary.changeRate.high", String(rate.high)],
    );
  if (view.shard !== undefined) list.push(["shard", `${view.shard.index}/${view.shard.count}`]);
  if (view.base !== undefined) list.push(["base", `${view.base.ref} ${view.base.commit}`]);
  return list;
}

function renderCase(testCase: TestCase): string {
  const open = `    <testcase classname="${attr(testCase.classname)}" name="${attr(testCase.name)}" time="0"`;
  const problem = testCase.failure ?? testCase.error;
  if (problem === undefined && testCase.out === undefined) return `${open}/>`;
  const lines = [`${open}>`];
  if (problem !== undefined) {
    const tag = testCase.failure !== undefined ? "failure" : "error";
    lines.push(
      `      <${tag} type="${attr(problem.type)}" message="${attr(toOneLine(problem.message))}">${text(problem.body)}</${tag}>`,
    );
  }
  if (testCase.out !== undefined) lines.push(`      <system-out>${text(testCase.out)}</system-out>`);
  lines.push("    </testcase>");
  return lines.join("\n");
}

/** Text that XML 1.0 allows, escaped for element content. */
function text(value: string): string {
  return stripInvalid(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text escaped for a double-quoted attribute (line breaks kept as character references). */
function attr(value: string): string {
  return text(value)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

function stripInvalid(value: string): string {
  // XML 1.0 forbids most control characters and lone surrogates even when escaped.
  return value.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    "\uFFFD",
  );
}
