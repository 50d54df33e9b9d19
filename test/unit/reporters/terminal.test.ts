import { afterEach, describe, expect, it } from "vitest";
import { IntegralFloat } from "../../../src/json/values.ts";
import type { Report } from "../../../src/report/types.ts";
import { renderTerminalReport } from "../../../src/reporters/terminal.ts";
import type { RenderOptions } from "../../../src/reporters/types.ts";
import {
  makeChangedReport,
  makeDifference,
  makeExample,
  makePathStats,
  makeReport,
} from "./report-factory.ts";

const ANSI = /\x1b\[/;

function render(report: Report, options: Partial<RenderOptions> = {}): string {
  let text = "";
  renderTerminalReport(
    report,
    { write: (chunk) => (text += chunk) },
    {
      color: false,
      examples: 5,
      reproCommand: (index) => `npx twinrun run --replay .twinrun/last-report.json --only ${index}`,
      ...options,
    },
  );
  return text;
}

describe("renderTerminalReport: equivalent", () => {
  it("shows the summary and one reassuring line with the tolerance", () => {
    const text = render(makeReport());
    expect(text).toContain("main@3f2a");
    expect(text).toContain("python3 features_old.py (worker)");
    expect(text).toContain("working tree");
    expect(text).toContain("data/rows.jsonl");
    expect(text).toMatch(/random 100 of 5000 records, seed 42/);
    expect(text).toMatch(/verdict\s*│\s*equivalent/);
    expect(text).toContain("No behavioural change in 100 trials (tolerance abs 1e-12, rel 1e-9).");
    expect(text).not.toContain("Changed paths");
    expect(text).not.toContain("reproduce:");
  });

  it("omits the tolerance when the report does not record it", () => {
    expect(render(makeReport({ settings: {} }))).toContain("No behavioural change in 100 trials.");
  });

  it("says when inputs failed identically on both sides", () => {
    const text = render(makeReport({ summary: { failures: { both: 2 } } }));
    expect(text).toContain("2 input(s) failed the same way on both sides");
  });
});

describe("renderTerminalReport: changed", () => {
  it("marks the verdict changed and the gate failed", () => {
    const text = render(makeChangedReport());
    expect(text).toMatch(/verdict\s*│\s*changed/);
    expect(text).toMatch(/gate\s*│\s*failed \(max changed 0\) → exit 1/);
    expect(text).toContain("3/100 (3%)");
    expect(text).not.toContain("No behavioural change");
  });

  it("sorts changed paths by changed count, then path, with kinds, errors and input indices", () => {
    const report = makeChangedReport({
      paths: [
        makePathStats({ path: "a", changed: 1, kinds: { value: 1 }, exampleIndices: [9] }),
        makePathStats({ path: "c", changed: 13, kinds: { value: 12, type: 1 }, exampleIndices: [1, 2] }),
        makePathStats({ path: "b", changed: 13, kinds: { added: 13 }, maxAbs: undefined, maxRel: undefined }),
      ],
      summary: { changed: 14 },
    });
    const text = render(report);
    const table = text.slice(text.indexOf("Changed paths"));
    const rowOf = (path: string) => table.split("\n").findIndex((line) => line.startsWith(`│ ${path} `));
    expect(rowOf("b")).toBeLessThan(rowOf("c"));
    expect(rowOf("c")).toBeLessThan(rowOf("a"));
    const rowC = table.split("\n")[rowOf("c")];
    expect(rowC).toContain("13/100 (13%)");
    expect(rowC).toContain("value×12, type×1");
    expect(rowC).toContain("3.2e-4");
    expect(rowC).toContain("4e-4");
    expect(rowC).toContain("#1 #2 …");
  });

  it("says how many changed paths it left out", () => {
    const paths = Array.from({ length: 35 }, (_, index) => makePathStats({ path: `f${index}` }));
    expect(render(makeChangedReport({ paths }))).toContain("… and 5 more changed paths");
  });

  it("shows each example's input, the structural diff and the differences list", () => {
    const text = render(makeChangedReport());
    expect(text).toContain('input #4  {"id": 4, "x": 1.5}');
    expect(text).toMatch(/score: 0\.8 => 0\.80032/);
    expect(text).toMatch(/score\s+value\s+0\.8 → 0\.80032\s+\(abs 3\.2e-4, rel 4e-4\)/);
  });

  it("puts a long input on one line of about 200 characters", () => {
    const inputText = JSON.stringify({ text: "x".repeat(500) }, null, 2);
    const text = render(makeChangedReport({ examples: [makeExample({ inputText })] }));
    const header = text.split("\n").find((line) => line.startsWith("input #4"));
    expect(header).toBeDefined();
    expect(header!.length).toBeLessThanOrEqual("input #4  ".length + 200);
    expect(header!.endsWith("…")).toBe(true);
  });

  it("bounds the differences list with a count of the rest", () => {
    const differences = Array.from({ length: 25 }, (_, index) => makeDifference({ path: `v[${index}]` }));
    const text = render(makeChangedReport({ examples: [makeExample({ differences })] }));
    expect(text).toContain("v[19]");
    expect(text).not.toMatch(/v\[20\]\s+value/);
    expect(text).toContain("… and 5 more");
  });

  it("shows only the requested number of examples and says how many it left out", () => {
    const examples = [3, 8, 21, 34, 55].map((index) => makeExample({ index }));
    const text = render(makeChangedReport({ examples, summary: { changed: 9 } }), { examples: 2 });
    expect(text.match(/^input #/gm)).toHaveLength(2);
    expect(text).toContain("input #3");
    expect(text).toContain("input #8");
    expect(text).not.toContain("input #21");
    expect(text).toContain("showing 2 of 9");
  });

  it("ends every example with its reproduce command", () => {
    const examples = [3, 8].map((index) => makeExample({ index }));
    const text = render(makeChangedReport({ examples }), {
      reproCommand: (index) => `twinrun replay r.json ${index}`,
    });
    const lines = text.split("\n");
    const reproLines = lines.filter((line) => line.trim().startsWith("reproduce:"));
    expect(reproLines.map((line) => line.trim())).toEqual([
      "reproduce: twinrun replay r.json 3",
      "reproduce: twinrun replay r.json 8",
    ]);
    expect(lines.indexOf(reproLines[0])).toBeLessThan(lines.findIndex((line) => line.startsWith("input #8")));
  });
});

describe("renderTerminalReport: lossless differences", () => {
  it("keeps 1 vs 1.0 and big integers visible even when the diff prints them alike", () => {
    const example = makeExample({
      differences: [
        { path: "count", kind: "type", old: 1, new: new IntegralFloat(1) },
        { path: "id", kind: "value", old: 9007199254740993n, new: 9007199254740992n },
      ],
      old: { status: "ok", output: { count: 1, id: 9007199254740993n }, durationMs: 1 },
      new: { status: "ok", output: { count: new IntegralFloat(1), id: 9007199254740992n }, durationMs: 1 },
    });
    const text = render(makeChangedReport({ examples: [example] }));
    expect(text).toMatch(/count\s+type\s+1 → 1\.0/);
    expect(text).toMatch(/id\s+value\s+9007199254740993 → 9007199254740992/);
    expect(text).toMatch(/id: "9007199254740993" => "9007199254740992"/);
  });

  it("says the outputs print alike when the only change is a number type", () => {
    const example = makeExample({
      differences: [{ path: "$", kind: "type", old: 1, new: new IntegralFloat(1) }],
      old: { status: "ok", output: 1, durationMs: 1 },
      new: { status: "ok", output: new IntegralFloat(1), durationMs: 1 },
    });
    const text = render(makeChangedReport({ examples: [example] }));
    expect(text).toContain("print alike");
    expect(text).toMatch(/\$\s+type\s+1 → 1\.0/);
  });

  it("renders NaN and missing values by name", () => {
    const example = makeExample({
      differences: [
        { path: "score", kind: "value", old: Number.NaN, new: 0.5 },
        { path: "extra", kind: "added", new: "x" },
      ],
      old: { status: "ok", output: { score: Number.NaN }, durationMs: 1 },
      new: { status: "ok", output: { score: 0.5, extra: "x" }, durationMs: 1 },
    });
    const text = render(makeChangedReport({ examples: [example] }));
    expect(text).toMatch(/score\s+value\s+NaN → 0\.5/);
    expect(text).toMatch(/extra\s+added\s+\(missing\) → "x"/);
  });
});

describe("renderTerminalReport: failures and incomplete runs", () => {
  it("shows the failing side's kind, message, exit code and the last 10 stderr lines", () => {
    const stderr = Array.from({ length: 15 }, (_, index) => `trace line ${index + 1}`).join("\n");
    const example = makeExample({
      differences: [{ path: "$", kind: "failure", old: "ok", new: "exit" }],
      new: {
        status: "failure",
        failure: { kind: "exit", message: "exited with status 2", exitCode: 2, stderr },
        durationMs: 5,
      },
    });
    const text = render(makeChangedReport({ examples: [example], summary: { failures: { new: 1 } } }));
    expect(text).toContain("new failed: exit (exit code 2): exited with status 2");
    expect(text).toContain("trace line 6");
    expect(text).toContain("trace line 15");
    expect(text).not.toMatch(/trace line 5\b/);
    expect(text).toMatch(/old output: \{"id":4,"score":0\.8\}/);
    expect(text).toMatch(/failures\s*│\s*old 0 · new 1 · both 0/);
  });

  it("shows the body of an HTTP error response", () => {
    const example = makeExample({
      differences: [{ path: "$", kind: "failure", old: "ok", new: "http" }],
      new: {
        status: "failure",
        failure: {
          kind: "http",
          message: "HTTP 422 Unprocessable Entity",
          status: 422,
          body: '{"error": "age < 0"}',
        },
        durationMs: 5,
      },
    });
    const text = render(makeChangedReport({ examples: [example], summary: { failures: { new: 1 } } }));
    expect(text).toContain("response body (last 1 lines):");
    expect(text).toContain('{"error": "age < 0"}');
  });

  it("names the exception type and signal of a failure", () => {
    const example = makeExample({
      old: {
        status: "failure",
        failure: { kind: "exception", message: "bad row", errorType: "ValueError" },
        durationMs: 1,
      },
      new: {
        status: "failure",
        failure: { kind: "signal", message: "killed", signal: "SIGKILL" },
        durationMs: 1,
      },
    });
    const text = render(makeChangedReport({ examples: [example] }));
    expect(text).toContain("old failed: exception: ValueError: bad row");
    expect(text).toContain("new failed: signal (signal SIGKILL): killed");
  });

  it("marks an interrupted run as incomplete", () => {
    const text = render(makeReport({ complete: false, summary: { trials: 40, same: 40 } }));
    expect(text).toContain("40 of 100 INCOMPLETE");
    expect(text).toContain("INCOMPLETE: the run stopped after 40 of 100 trials");
    expect(text).toContain("equivalent (incomplete run)");
  });

  it("shows why a run ended in an error", () => {
    const text = render(
      makeReport({ verdict: "error", error: "no trials completed", summary: { trials: 0, same: 0 } }),
    );
    expect(text).toContain("The run could not reach a verdict: no trials completed");
    expect(text).not.toContain("No behavioural change");
  });

  it("says when trials hit the per-trial difference cap", () => {
    const text = render(makeChangedReport({ summary: { truncatedTrials: 2 } }));
    expect(text).toContain("2 trial(s) hit the per-trial difference cap");
  });
});

describe("renderTerminalReport: colour", () => {
  const savedForceColor = process.env.FORCE_COLOR;
  afterEach(() => {
    if (savedForceColor === undefined) delete process.env.FORCE_COLOR;
    else process.env.FORCE_COLOR = savedForceColor;
  });

  const failing = makeExample({
    index: 7,
    new: {
      status: "failure",
      failure: { kind: "exit", message: "boom", exitCode: 1, stderr: "\x1b[31mred\x1b[0m" },
      durationMs: 1,
    },
  });

  it("writes no ANSI escape codes without colour, even when jsondiffpatch would colour", () => {
    process.env.FORCE_COLOR = "1";
    const text = render(makeChangedReport({ examples: [makeExample(), failing] }), { color: false });
    expect(text).toContain("score: 0.8 => 0.80032");
    expect(text).not.toMatch(ANSI);
  });

  it("colours the verdict when asked", () => {
    expect(render(makeChangedReport(), { color: true })).toContain("\x1b[1m\x1b[31mchanged\x1b[39m\x1b[22m");
    expect(render(makeReport(), { color: true })).toContain("\x1b[1m\x1b[32mequivalent\x1b[39m\x1b[22m");
  });
});
