import { describe, expect, it } from "vitest";
import { findConfigFile, loadConfigFile } from "../../../src/config/load-config-file.ts";
import { resolveRunConfig } from "../../../src/config/resolve.ts";
import { TwinrunError } from "../../../src/errors.ts";
import { makeTempDir } from "./temp-dir.ts";

async function loadError(name: string, text: string): Promise<TwinrunError> {
  const dir = makeTempDir({ [name]: text });
  const ref = await findConfigFile(dir, name);
  const error = await loadConfigFile(ref!).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TwinrunError);
  return error as TwinrunError;
}

describe("config validation messages", () => {
  it.each([
    [
      "a wrong type",
      'compare:\n  tolerance: { rel: "1e-6x" }\n',
      'twinrun.config.yaml: compare.tolerance.rel: expected a number >= 0, got "1e-6x"',
    ],
    [
      "a negative number",
      "compare:\n  tolerance: { abs: -1 }\n",
      "twinrun.config.yaml: compare.tolerance.abs: expected a number >= 0, got -1",
    ],
    [
      "NaN",
      "compare:\n  tolerance: { abs: .nan }\n",
      "twinrun.config.yaml: compare.tolerance.abs: expected a number >= 0, got NaN",
    ],
    [
      "a fractional ULP count",
      "compare: { tolerance: { ulps: 1.5 } }\n",
      "twinrun.config.yaml: compare.tolerance.ulps: expected an integer >= 0, got 1.5",
    ],
    [
      "an unknown key close to a known one",
      "compare:\n  toleranse: { rel: 1 }\n",
      'twinrun.config.yaml: compare.toleranse: unknown key; did you mean "tolerance"?',
    ],
    [
      "another spelling of a key",
      "input: { stratify_by: segment }\n",
      'twinrun.config.yaml: input.stratify_by: unknown key; did you mean "stratifyBy"?',
    ],
    [
      "an unknown key far from any known one",
      "report: { colour: red }\n",
      "twinrun.config.yaml: report.colour: unknown key; expected one of: json, examples, save, markdown, junit, html, reporters, targetRate, writeCalibration, stepSummary",
    ],
    [
      "a bad enum value",
      "input: { format: xml }\n",
      'twinrun.config.yaml: input.format: expected one of "jsonl", "json", "csv", got "xml"',
    ],
    [
      "a YAML-ish boolean",
      "old: { shell: yes }\n",
      'twinrun.config.yaml: old.shell: expected true or false, got "yes"',
    ],
    [
      "a zero sample",
      "input: { sample: 0 }\n",
      'twinrun.config.yaml: input.sample: expected a positive integer or "all", got 0',
    ],
    [
      "a rate above 100%",
      'gate: { maxChanged: "150%" }\n',
      'twinrun.config.yaml: gate.maxChanged: expected a count >= 0 (e.g. 3) or a rate of trials in percent (e.g. "0.5%"), got "150%"',
    ],
    [
      "a rule without a path",
      "compare:\n  rules:\n    - { ignore: true }\n",
      'twinrun.config.yaml: compare.rules[0].path: missing, expected a path pattern like a.b, a.*, a.**, **.ts, emb[*] or ["odd key"]',
    ],
    [
      "a rule path the comparator cannot read",
      "compare:\n  rules:\n    - { path: a..b, ignore: true }\n",
      "twinrun.config.yaml: compare.rules[0].path: expected a path pattern like a.b, a.*, a.**, **.ts, emb[*] or " +
        '["odd key"] (expected a key, got \'.\' (quote odd keys as ["a key"]) at position 2 of "a..b"), got "a..b"',
    ],
    [
      "a bad key field inside an unordered rule",
      "compare:\n  rules:\n    - { path: a }\n    - { path: items, unordered: { key: 5 } }\n",
      "twinrun.config.yaml: compare.rules[1].unordered.key: expected a non-empty string, got 5",
    ],
    [
      "an unknown key inside an unordered rule",
      "compare:\n  rules:\n    - { path: items, unordered: { kye: id } }\n",
      "twinrun.config.yaml: compare.rules[0].unordered.key: missing, expected a non-empty string\n" +
        'twinrun.config.yaml: compare.rules[0].unordered.kye: unknown key; did you mean "key"?',
    ],
    [
      "an unordered value of the wrong kind",
      "compare:\n  rules:\n    - { path: items, unordered: sometimes }\n",
      'twinrun.config.yaml: compare.rules[0].unordered: expected true, false or { key: <field> }, got "sometimes"',
    ],
    [
      "a section that is not a mapping",
      "input: [1, 2]\n",
      "twinrun.config.yaml: input: expected a mapping like { path: inputs.jsonl, sample: 100 }, got [1,2]",
    ],
    [
      "a file that is not a mapping",
      "- 1\n",
      "twinrun.config.yaml: expected a mapping of sections (input, base, database, old, new, env, compare, calibrate, table, dataset, run, gate, shrink, report), got [1]",
    ],
    [
      "an env key needing quotes",
      'env: { "MY-VAR": [1] }\n',
      'twinrun.config.yaml: env["MY-VAR"]: expected a string (or a number or boolean, passed as text), got [1]',
    ],
  ])("reports %s as one exact line", async (_name, text, message) => {
    const error = await loadError("twinrun.config.yaml", text);
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toBe(message);
  });

  it("reports every problem of a file, one line each", async () => {
    const error = await loadError(
      "twinrun.config.yaml",
      "run: { timeout: -5, concurrency: 0 }\nold: { mode: fast }\n",
    );
    expect(error.message.split("\n").sort()).toEqual([
      'twinrun.config.yaml: old.mode: expected one of "per-input", "worker", "dataset", got "fast"',
      "twinrun.config.yaml: run.concurrency: expected an integer >= 1, got 0",
      "twinrun.config.yaml: run.timeout: expected an integer >= 0, got -5",
    ]);
  });

  it("names the file as the user gave it with -c", async () => {
    const dir = makeTempDir({ "conf/twinrun.config.yaml": "input: { seed: x }\n" });
    const error = await resolveRunConfig({
      flags: { config: "conf/twinrun.config.yaml" },
      cwd: dir,
      env: {},
      cpuCount: 1,
    }).then(
      () => undefined,
      (caught: unknown) => caught as TwinrunError,
    );
    expect(error?.message).toBe('conf/twinrun.config.yaml: input.seed: expected an integer, got "x"');
  });
});

describe("config syntax errors", () => {
  it.each([
    [
      "twinrun.config.yaml",
      "input:\n  path: a.jsonl\n  sample: [3\nold: {}\n",
      /^twinrun\.config\.yaml:4:1: invalid YAML: /,
    ],
    [
      "twinrun.config.yaml",
      "input: { path: a.jsonl\nold: {}\n",
      /^twinrun\.config\.yaml:\d+:\d+: invalid YAML: /,
    ],
    [
      "twinrun.config.yml",
      "old: { label: a }\nold: { label: b }\n",
      /^twinrun\.config\.yml:2:1: invalid YAML: Map keys must be unique$/,
    ],
    [
      "twinrun.config.yaml",
      "input: { path: a.csv }\nold: { command: python3 step.py --in {input} --out {output}, mode: dataset }\n",
      /^twinrun\.config\.yaml:2:\d+: invalid YAML: .*; a command holding \{input\} or \{output\} must be quoted/,
    ],
    [
      "twinrun.config.json",
      '{\n  "input": {\n    "path": "a",\n  }\n}\n',
      /^twinrun\.config\.json:4:3: invalid JSON: Expected double-quoted property name$/,
    ],
    [
      "twinrun.config.json",
      '{\n  "input": {\n    "path": }\n}\n',
      /^twinrun\.config\.json:3: invalid JSON: Unexpected token '}'$/,
    ],
    [
      "twinrun.config.json",
      '{\n  "input": {\n',
      /^twinrun\.config\.json:2:13: invalid JSON: Expected property name or '}'$/,
    ],
  ])("names %s and the line of %j", async (name, text, pattern) => {
    const error = await loadError(name, text);
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.message).toMatch(pattern);
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it("reads an empty or comment-only file as an empty config", async () => {
    const dir = makeTempDir({ "a.yaml": "# nothing yet\n", "b.json": "  \n" });
    await expect(loadConfigFile((await findConfigFile(dir, "a.yaml"))!)).resolves.toMatchObject({
      config: {},
    });
    await expect(loadConfigFile((await findConfigFile(dir, "b.json"))!)).resolves.toMatchObject({
      config: {},
    });
  });

  it("finds no config file in an empty folder", async () => {
    expect(await findConfigFile(makeTempDir())).toBeUndefined();
  });
});
