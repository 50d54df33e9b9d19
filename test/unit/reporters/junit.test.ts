import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { Report } from "../../../src/report/types.ts";
import { renderJunitReport } from "../../../src/reporters/junit.ts";
import { makeAcceptedReport } from "./ci-report-factory.ts";
import {
  makeChangedReport,
  makeDifference,
  makeExample,
  makePathStats,
  makeReport,
} from "./report-factory.ts";

const options = { color: false, examples: 5, reproCommand: (index: number) => `repro ${index}` };

interface TestCase {
  "@_classname": string;
  "@_name": string;
  failure?: { "@_type": string; "@_message": string; "#text": string };
  error?: { "@_message": string };
  "system-out"?: string;
}

/** Renders the report and parses it with a real XML parser (never string matching). */
function parseJunit(report: Report) {
  let xml = "";
  renderJunitReport(report, { write: (chunk) => (xml += chunk) }, options);
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === "testcase" || name === "property",
    parseAttributeValue: false,
    trimValues: false,
  });
  const document = parser.parse(xml);
  const suite = document.testsuites.testsuite;
  return { root: document.testsuites, suite, cases: suite.testcase as TestCase[] };
}

describe("the JUnit reporter", () => {
  it("writes one failing testcase per changed path plus a failing gate", () => {
    const report = makeChangedReport({
      paths: [makePathStats(), makePathStats({ path: "age_bucket", changed: 1, kinds: { type: 1 } })],
    });
    const { root, suite, cases } = parseJunit(report);
    expect(cases.map((testCase) => [testCase["@_classname"], testCase["@_name"]])).toEqual([
      ["twinrun", "gate (max changed 0)"],
      ["twinrun.paths", "score"],
      ["twinrun.paths", "age_bucket"],
    ]);
    expect(root).toMatchObject({ "@_tests": "3", "@_failures": "3", "@_errors": "0" });
    expect(suite["@_name"]).toBe("twinrun: main@3f2a vs working tree");
    expect(cases[1].failure?.["@_type"]).toBe("value");
    expect(cases[1].failure?.["@_message"]).toBe(
      "score changed on 3 of 100 inputs (3%): value×3, max abs 3.2e-4, max rel 4e-4; inputs #4 #17 #58",
    );
    expect(cases[1].failure?.["#text"]).toContain(
      "input #4: score value: 0.8 → 0.80032\n  reproduce: repro 4",
    );
    expect(cases[2].failure?.["@_type"]).toBe("type");
  });

  it("records the sample and components as properties", () => {
    const { suite } = parseJunit(makeChangedReport({ shard: { index: 2, count: 4 } }));
    const properties = Object.fromEntries(
      (suite.properties.property as { "@_name": string; "@_value": string }[]).map((p) => [
        p["@_name"],
        p["@_value"],
      ]),
    );
    expect(properties).toMatchObject({
      verdict: "changed",
      "sample.seed": "42",
      shard: "2/4",
      trials: "100",
    });
  });

  it("passes changed paths the gate allows, saying so", () => {
    const { root, cases } = parseJunit(
      makeChangedReport({ gate: { maxChanged: "5", passed: true, exitCode: 0 } }),
    );
    expect(root).toMatchObject({ "@_tests": "2", "@_failures": "0" });
    expect(cases[1]["system-out"]).toMatch(/^within the gate \(max changed 5\): score changed on 3 of 100/);
  });

  it("writes a single passing testcase for an equivalent run", () => {
    const { root, cases } = parseJunit(makeReport());
    expect(root).toMatchObject({ "@_tests": "1", "@_failures": "0", "@_errors": "0" });
    expect(cases[0].failure).toBeUndefined();
    expect(cases[0]["system-out"]).toContain("0 of 100 inputs changed · gate passed");
  });

  it("passes accepted paths and notes unused entries, failing them under strictAccepted", () => {
    const lenient = parseJunit(makeAcceptedReport());
    const byName = new Map(lenient.cases.map((testCase) => [testCase["@_name"], testCase]));
    expect(byName.get("age_bucket")?.failure).toBeUndefined();
    expect(byName.get("age_bucket")?.["system-out"]).toMatch(/^accepted: age_bucket changed on 2 of 100/);
    expect(byName.get("score")?.failure).toBeDefined();
    expect(byName.get("accepted legacy.flag [removed]")?.failure).toBeUndefined();
    const strict = parseJunit(makeAcceptedReport({ strict: true }));
    const entry = strict.cases.find((testCase) => testCase["@_name"] === "accepted legacy.flag [removed]");
    expect(entry?.failure?.["@_type"]).toBe("unused");
  });

  it("turns a run without a verdict or an interrupted run into an error testcase", () => {
    const { root, cases } = parseJunit(
      makeReport({
        complete: false,
        summary: { trials: 3 },
        gate: { maxChanged: "0", passed: true, exitCode: 0 },
      }),
    );
    expect(root["@_errors"]).toBe("1");
    expect(cases[0].error?.["@_message"]).toBe("the run was interrupted before it finished");
  });

  it("escapes markup and control characters in paths, values and messages into valid XML", () => {
    const nasty = "a<b>&\"c'\u0001\u001b[31m";
    const report = makeChangedReport({
      components: { old: { label: `old ${nasty}`, spec: "x" } },
      paths: [makePathStats({ path: '["a<b>&c"]' })],
      examples: [
        makeExample({ differences: [makeDifference({ path: '["a<b>&c"]', old: nasty, new: "]]>" })] }),
      ],
    });
    const { suite, cases } = parseJunit(report);
    // The parser decodes the escapes: the text comes back as written, control characters replaced.
    expect(suite["@_name"]).toBe(`twinrun: old a<b>&"c'\uFFFD\uFFFD[31m vs working tree`);
    expect(cases[1]["@_name"]).toBe('["a<b>&c"]');
    expect(cases[1].failure?.["#text"]).toContain("]]>");
  });
});
