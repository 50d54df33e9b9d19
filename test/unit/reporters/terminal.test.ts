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
  it("says so in a head of six lines: verdict and counts, components, input, times, gate with the tolerance", () => {
    expect(render(makeReport()).split("\n")).toEqual([
      "✓ EQUIVALENT  no behavioural change in 100 inputs · no failures",
      "  old    main@3f2a  python3 features_old.py (worker)",
      "  new    working tree  python3 features_new.py (worker)",
      "  input  data/rows.jsonl · random 100 of 5000 records, seed 42 · sha256 ab12cd34",
      "  time   old p50 12ms / p95 30ms · new p50 11ms / p95 28ms · wall 2.1s",
      "  gate   passed (max changed 0) · tolerance abs 1e-12, rel 1e-9",
      "",
    ]);
  });

  it("omits the tolerance when the report does not record it", () => {
    const gate = render(makeReport({ settings: {} }))
      .split("\n")
      .find((line) => line.startsWith("  gate"));
    expect(gate).toBe("  gate   passed (max changed 0)");
  });

  it("says when inputs failed identically on both sides", () => {
    const text = render(makeReport({ summary: { failures: { both: 2 } } }));
    expect(text).toContain("2 input(s) failed the same way on both sides");
  });
});

describe("renderTerminalReport: changed", () => {
  it("marks the verdict changed and the gate failed", () => {
    const lines = render(makeChangedReport()).split("\n");
    expect(lines[0]).toBe("✗ CHANGED  3 of 100 inputs changed (3%) · 97 same · no failures");
    expect(lines[5]).toBe("  gate   failed (max changed 0) → exit 1 · tolerance abs 1e-12, rel 1e-9");
    expect(lines.join("\n")).toContain("3/100 (3%)");
    expect(lines.join("\n")).not.toContain("no behavioural change");
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
    const rowOf = (path: string) => table.split("\n").findIndex((line) => line.startsWith(`${path} `));
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

  it("shows each example's input and its differences once, with exact tokens and errors", () => {
    const text = render(makeChangedReport());
    expect(text.split("\n").slice(-4)).toEqual([
      'input #4  {"id": 4, "x": 1.5}',
      "  score  value  0.8 → 0.80032  (abs 3.2e-4, rel 4e-4)",
      "  reproduce: npx twinrun run --replay .twinrun/last-report.json --only 4",
      "",
    ]);
    expect(text.match(/0\.80032/g)).toHaveLength(1);
  });

  it("wraps a SQL component's database below its file when the line is too long, and keeps a short one whole", () => {
    const database = "postgresql://analyst@warehouse.example.com:5432/feature_store";
    const components = {
      old: { label: "old", spec: `sql:models/customer_features_v1.sql in ${database}` },
      new: { label: "new", spec: "sql:new.sql in duckdb:f.duckdb" },
    };
    const lines = render(makeReport({ components }), { width: 80 }).split("\n");
    expect(lines.slice(1, 4)).toEqual([
      "  old    sql:models/customer_features_v1.sql",
      `         in ${database}`,
      "  new    sql:new.sql in duckdb:f.duckdb",
    ]);
    expect(lines.every((line) => line.length <= 80)).toBe(true);
  });

  it("puts a long input on one line that fits the width", () => {
    const inputText = JSON.stringify({ text: "x".repeat(500) }, null, 2);
    const text = render(makeChangedReport({ examples: [makeExample({ inputText })] }), { width: 100 });
    const header = text.split("\n").find((line) => line.startsWith("input #4"));
    expect(header).toBeDefined();
    expect(header!.length).toBe(100);
    expect(header!.endsWith("…")).toBe(true);
  });

  it("bounds the differences list with a count of the rest", () => {
    const differences = Array.from({ length: 25 }, (_, index) => makeDifference({ path: `v[${index}]` }));
    const text = render(makeChangedReport({ examples: [makeExample({ differences })] }));
    expect(text).toContain("v[19]");
    expect(text).not.toMatch(/v\[20\]\s+value/);
    expect(text).toContain("… and 5 more differences in the JSON report");
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

  it("says a command that is the same for every input once, under the examples", () => {
    const examples = [3, 8].map((index) => makeExample({ index }));
    const text = render(makeChangedReport({ examples }), { reproCommand: () => "(no saved report)" });
    expect(text.match(/reproduce:/g)).toHaveLength(1);
    expect(text.endsWith("\nreproduce: (no saved report)\n")).toBe(true);
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
  });

  it("shows a change of number type alone as its tokens", () => {
    const example = makeExample({
      differences: [{ path: "$", kind: "type", old: 1, new: new IntegralFloat(1) }],
      old: { status: "ok", output: 1, durationMs: 1 },
      new: { status: "ok", output: new IntegralFloat(1), durationMs: 1 },
    });
    const text = render(makeChangedReport({ examples: [example] }));
    expect(text).toContain("  $  type  1 → 1.0\n");
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
    expect(text.split("\n")[0]).toContain("· failures new 1");
    // The failure is told once: no `$ failure ok → exit` line repeats it.
    expect(text).not.toMatch(/\$\s+failure/);
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
    const text = render(
      makeReport({
        complete: false,
        summary: { trials: 40, same: 40 },
        gate: { maxChanged: "0", passed: false, exitCode: 130 },
      }),
    );
    expect(text.split("\n")[0]).toBe(
      "■ EQUIVALENT (incomplete run)  no behavioural change in 40 inputs · no failures",
    );
    expect(text).toContain("INCOMPLETE: the run stopped after 40 of 100 trials");
    expect(text).toContain("  gate   incomplete (interrupted; max changed 0) → exit 130");
  });

  it("shows why a run ended in an error", () => {
    const text = render(
      makeReport({
        verdict: "error",
        error: "no trials completed",
        summary: { trials: 0, same: 0 },
        gate: { maxChanged: "0", passed: false, exitCode: 2 },
      }),
    );
    expect(text).toContain("The run could not reach a verdict: no trials completed");
    expect(text.split("\n")[0]).toMatch(/^! NO VERDICT {2}0 of 0 inputs changed · 0 same/);
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

  it("writes no ANSI escape codes without colour, even from a component's coloured stderr", () => {
    process.env.FORCE_COLOR = "1";
    const text = render(makeChangedReport({ examples: [makeExample(), failing] }), { color: false });
    expect(text).toContain("score  value  0.8 → 0.80032");
    expect(text).toContain("│ red");
    expect(text).not.toMatch(ANSI);
  });

  it("colours the verdict when asked", () => {
    expect(render(makeChangedReport(), { color: true })).toContain(
      "\x1b[1m\x1b[31m✗ CHANGED\x1b[39m\x1b[22m",
    );
    expect(render(makeReport(), { color: true })).toContain("\x1b[1m\x1b[32m✓ EQUIVALENT\x1b[39m\x1b[22m");
  });
});
