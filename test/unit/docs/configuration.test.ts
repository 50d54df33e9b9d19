import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CONFIG_REFERENCE_FILE,
  describeType,
  renderConfigReference,
  splitDefault,
} from "../../../scripts/render-config-reference.ts";
import { renderJsonSchema } from "../../../src/config/json-schema.ts";
import { REPO_ROOT } from "../../helpers/cli.ts";

// The rows of one "## section" of the page, by key.
function sectionRows(page: string, heading: string): Map<string, string[]> {
  const start = page.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(0);
  const end = page.indexOf("\n## ", start + heading.length + 1);
  const rows = new Map<string, string[]>();
  for (const line of page.slice(start, end < 0 ? undefined : end).split("\n")) {
    const match = /^\| `([^`]+)` +\|(.*)\|$/.exec(line);
    if (match)
      rows.set(
        match[1]!,
        match[2]!.split(/(?<!\\)\|/).map((cell) => cell.trim()),
      );
  }
  return rows;
}

describe("the configuration reference (docs/configuration.md)", () => {
  it("is committed exactly as the config schema generates it (run `npm run docs` to refresh)", () => {
    expect(readFileSync(path.join(REPO_ROOT, CONFIG_REFERENCE_FILE), "utf8")).toBe(renderConfigReference());
  });

  it("has a section for every top-level key and a row for every key below them", () => {
    const page = renderConfigReference();
    const schema = JSON.parse(renderJsonSchema());
    for (const name of Object.keys(schema.properties)) {
      const heading = name === "old" || name === "new" ? "## old and new" : `## ${name}`;
      expect(page).toContain(`\n${heading}\n`);
    }
    for (const section of ["input", "compare", "table", "dataset", "run", "gate", "report"]) {
      const rows = sectionRows(page, `## ${section}`);
      expect([...rows.keys()]).toEqual(
        expect.arrayContaining(Object.keys(schema.properties[section].properties)),
      );
    }
    const compare = sectionRows(page, "## compare");
    expect(compare.get("rules[].tolerance.ulps")).toEqual([
      "integer ≥ 0",
      "",
      "Numbers within this many units in the last place are equal too.",
    ]);
    expect(compare.get("rules[].path")?.[1]).toBe("required");
    expect(compare.get("tolerance")?.[1]).toBe("{ abs: 1e-12, rel: 1e-9 }");
    expect(sectionRows(page, "## input").get("sample")?.slice(0, 2)).toEqual(['integer ≥ 1 or "all"', "100"]);
    expect(sectionRows(page, "## run").get("timeout")?.[1]).toBe("10000, 0 = none");
  });

  it("gives every adapter of old and new its own table", () => {
    const page = renderConfigReference();
    for (const adapter of ["command", "python", "module", "http"])
      expect(page).toContain(`\n### adapter: ${adapter}\n`);
    expect(page).toMatch(
      /\| `start\.healthUrl` +\| string matching `\^https\?:\/\/\\S\+\$` +\| required +\|/,
    );
  });

  it.each([
    ["Differing inputs to show (default 5).", "Differing inputs to show.", "5"],
    ["Trials run at once (default: CPU count).", "Trials run at once.", "CPU count"],
    [
      "Interpreter, e.g. .venv/bin/python or python3.11 (default: $TWINRUN_PYTHON, else python3).",
      "Interpreter, e.g. .venv/bin/python or python3.11.",
      "$TWINRUN_PYTHON, else python3",
    ],
    [
      "Working folder (default: its folder (the config's)), relative to it.",
      "Working folder, relative to it.",
      "its folder (the config's)",
    ],
    ["Ignore this path entirely.", "Ignore this path entirely.", ""],
    ["Unclosed (default 3.", "Unclosed (default 3.", ""],
  ])("takes the default out of %j", (text, description, fallback) => {
    expect(splitDefault(text)).toEqual({ description, fallback });
  });

  it.each([
    [{ type: "string", enum: ["a", "b"] }, '"a" \\| "b"'],
    [{ type: "integer", minimum: -9007199254740991 }, "integer"],
    [
      { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
      "string or list of strings",
    ],
    [{ type: "object", additionalProperties: { type: "string" } }, "mapping of name → string"],
    [{ type: "boolean" }, "boolean"],
  ])("names the type of %j", (node, expected) => {
    expect(describeType(node)).toBe(expected);
  });
});
