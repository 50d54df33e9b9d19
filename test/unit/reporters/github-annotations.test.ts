import { describe, expect, it } from "vitest";
import type { Report } from "../../../src/report/types.ts";
import {
  command,
  MAX_ERROR_ANNOTATIONS,
  renderGithubAnnotations,
} from "../../../src/reporters/github-annotations.ts";
import { makeAcceptedReport } from "./ci-report-factory.ts";
import { makeChangedReport, makePathStats, makeReport } from "./report-factory.ts";

function annotate(report: Report): string[] {
  let text = "";
  renderGithubAnnotations(report, { write: (chunk) => (text += chunk) }, { color: false, examples: 5 });
  return text === "" ? [] : text.trimEnd().split("\n");
}

describe("GitHub annotations", () => {
  it("writes one ::error per changed path when the gate fails", () => {
    expect(annotate(makeChangedReport())).toEqual([
      "::error title=twinrun%3A score changed::score changed on 3 of 100 inputs (3%25): value×3, max abs 3.2e-4, max rel 4e-4; inputs #4 #17 #58",
    ]);
  });

  it("writes nothing for an equivalent run", () => {
    expect(annotate(makeReport())).toEqual([]);
  });

  it("turns changes the gate allows into warnings", () => {
    const lines = annotate(makeChangedReport({ gate: { maxChanged: "5", passed: true, exitCode: 0 } }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::warning title=twinrun%3A score changed::/);
  });

  it("notes accepted paths and warns about unused entries (an error under strictAccepted)", () => {
    const lines = annotate(makeAcceptedReport());
    expect(lines.filter((line) => line.startsWith("::error"))).toHaveLength(1);
    expect(lines).toContain(
      "::notice title=twinrun%3A age_bucket changed (accepted)::age_bucket changed on 2 of 100 inputs (2%25): value×3; inputs #8 #9",
    );
    expect(
      lines.some((line) =>
        /^::warning title=twinrun%3A accepted differences::accepted entry legacy.flag/.test(line),
      ),
    ).toBe(true);
    const strict = annotate(makeAcceptedReport({ strict: true }));
    expect(strict.filter((line) => line.startsWith("::error"))).toHaveLength(2);
  });

  it("caps errors at GitHub's limit and says how many more there are", () => {
    const paths = Array.from({ length: 14 }, (_, i) => makePathStats({ path: `p${i}` }));
    const errors = annotate(makeChangedReport({ paths })).filter((line) => line.startsWith("::error"));
    expect(errors).toHaveLength(MAX_ERROR_ANNOTATIONS);
    expect(errors.at(-1)).toMatch(/5 more problems/);
  });

  it("escapes what GitHub's workflow-command parser would read as syntax", () => {
    expect(command("error", "a: b, c", "50% done\nnext\r")).toBe(
      "::error title=a%3A b%2C c::50%25 done%0Anext%0D",
    );
  });
});
