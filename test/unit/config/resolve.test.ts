import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RunFlags } from "../../../src/config/flags.ts";
import { resolveRunConfig } from "../../../src/config/resolve.ts";
import type {
  ResolvedCommandComponent,
  ResolvedComponent,
  ResolvedRunConfig,
} from "../../../src/config/types.ts";
import { twinrunErrorOf } from "../../helpers/twinrun-error.ts";
import { makeTempDir } from "./temp-dir.ts";

const ESSENTIALS: RunFlags = { old: "python3 old.py", new: "python3 new.py", input: "in.jsonl" };

/** The command fields of a resolved side (these tests resolve command components). */
function commandSide(component: ResolvedComponent): ResolvedCommandComponent {
  if (component.adapter !== "command")
    throw new Error(`expected a command component, got ${component.adapter}`);
  return component;
}

function resolve(flags: RunFlags, cwd: string, cpuCount = 3): Promise<ResolvedRunConfig> {
  return resolveRunConfig({ flags, cwd, env: {}, cpuCount });
}

describe("resolveRunConfig defaults", () => {
  it("fills every setting when only the essentials are given", async () => {
    const dir = makeTempDir();
    const resolved = await resolve(ESSENTIALS, dir);
    expect(resolved).toEqual({
      baseDir: dir,
      input: {
        path: path.join(dir, "in.jsonl"),
        sample: 100,
        strategy: "cover",
        seed: 0,
        csvStrings: false,
        onBadInput: "fail",
      },
      old: {
        adapter: "command",
        command: "python3 old.py",
        mode: "per-input",
        cwd: dir,
        env: {},
        label: "old",
        shell: false,
      },
      new: {
        adapter: "command",
        command: "python3 new.py",
        mode: "per-input",
        cwd: dir,
        env: {},
        label: "new",
        shell: false,
      },
      sharedEnv: { TZ: "UTC", PYTHONHASHSEED: "0", TWINRUN_SEED: "0" },
      compare: {
        tolerance: { abs: 1e-12, rel: 1e-9 },
        nan: "equal",
        signedZero: false,
        numberTypes: "strict",
        nullEqualsMissing: false,
        failureMessage: "match",
        rules: [],
        maxDifferencesPerTrial: 1000,
      },
      dataset: { keepTemp: false, repeat: 1 },
      table: { columnOrder: false, ignoreColumnCase: false, memoryLimit: "1GB", pushdown: true },
      runner: { concurrency: 3, timeoutMs: 10000, outputLimitChars: 64 * 1024 * 1024 },
      gate: { maxChanged: { count: 0 }, strictAccepted: false },
      shrink: { examples: 0, maxSteps: 200, timeBudgetMs: 30_000 },
      report: { examples: 5, save: true, outputs: [{ reporter: "terminal" }], stepSummary: true },
    });
  });

  it("takes every input with strategy all when the sample is all", async () => {
    const resolved = await resolve({ ...ESSENTIALS, sample: "all" }, makeTempDir());
    expect(resolved.input).toMatchObject({ sample: "all", strategy: "all" });
  });

  it("takes every input when the strategy is all", async () => {
    const resolved = await resolve({ ...ESSENTIALS, strategy: "all" }, makeTempDir());
    expect(resolved.input).toMatchObject({ sample: "all", strategy: "all" });
  });

  it("freezes the result deeply", async () => {
    const resolved = await resolve({ ...ESSENTIALS, ignore: ["at"] }, makeTempDir());
    expect(Object.isFrozen(resolved)).toBe(true);
    expect(Object.isFrozen(resolved.compare.tolerance)).toBe(true);
    expect(Object.isFrozen(resolved.compare.rules[0])).toBe(true);
    expect(() => {
      (resolved.runner as { concurrency: number }).concurrency = 9;
    }).toThrow(TypeError);
  });
});

describe("resolveRunConfig precedence: flags over the config file", () => {
  const CONFIG = [
    "input: { path: data.jsonl, sample: 500, strategy: first, seed: 7, csvStrings: true }",
    "old: { command: python3 a.py, mode: worker, env: { A: 1 }, label: main }",
    "new: { command: python3 b.py, mode: worker }",
    "compare:",
    "  tolerance: { abs: 0.1, rel: 0.2, ulps: 4 }",
    "  rules: [{ path: tags, unordered: true }]",
    "run: { concurrency: 8, timeout: 500 }",
    'gate: { maxChanged: "2%" }',
    "report: { json: out/report.json, examples: 2, save: true }",
    "",
  ].join("\n");

  it.each<[string, RunFlags, (resolved: ResolvedRunConfig, dir: string) => unknown, unknown]>([
    [
      "the config alone",
      {},
      (r) => [commandSide(r.old).command, commandSide(r.old).mode, r.input.sample, r.input.strategy],
      ["python3 a.py", "worker", 500, "first"],
    ],
    [
      "--old replaces the command only",
      { old: "node old.mjs" },
      (r) => [commandSide(r.old).command, commandSide(r.old).mode, r.old.env, r.old.label],
      ["node old.mjs", "worker", { A: "1" }, "main"],
    ],
    [
      "--new replaces the command",
      { new: "node new.mjs" },
      (r) => commandSide(r.new).command,
      "node new.mjs",
    ],
    [
      "--mode sets both sides",
      { mode: "per-input" },
      (r) => [commandSide(r.old).mode, commandSide(r.new).mode],
      ["per-input", "per-input"],
    ],
    [
      "--old-label/--new-label",
      { oldLabel: "v1", newLabel: "v2" },
      (r) => [r.old.label, r.new.label],
      ["v1", "v2"],
    ],
    [
      "--shell sets both sides",
      { shell: true },
      (r) => [commandSide(r.old).shell, commandSide(r.new).shell],
      [true, true],
    ],
    ["--sample", { sample: "20" }, (r) => [r.input.sample, r.input.strategy], [20, "first"]],
    ["--sample all", { sample: "all" }, (r) => [r.input.sample, r.input.strategy], ["all", "all"]],
    ["--strategy", { strategy: "random" }, (r) => r.input.strategy, "random"],
    ["--seed", { seed: "42" }, (r) => [r.input.seed, r.sharedEnv.TWINRUN_SEED], [42, "42"]],
    ["--abs keeps the config's rel", { abs: "0" }, (r) => r.compare.tolerance, { abs: 0, rel: 0.2, ulps: 4 }],
    [
      "--rel keeps the config's abs",
      { rel: "1e-6" },
      (r) => r.compare.tolerance,
      { abs: 0.1, rel: 1e-6, ulps: 4 },
    ],
    ["--exact zeroes every tolerance", { exact: true }, (r) => r.compare.tolerance, { abs: 0, rel: 0 }],
    [
      "flag rules come after the config's rules",
      { ignore: ["at"], tol: ["score=rel:1e-6"], unordered: ["items:id"], timestamps: ["**.ts"] },
      (r) => r.compare.rules,
      [
        { path: "tags", unordered: true },
        { path: "at", ignore: true },
        { path: "score", tolerance: { rel: 1e-6 } },
        { path: "items", unordered: { key: "id" } },
        { path: "**.ts", timestamps: true },
      ],
    ],
    [
      "--concurrency, --timeout and --output-limit",
      { concurrency: "2", timeout: "0", outputLimit: "0.5" },
      (r) => r.runner,
      { concurrency: 2, timeoutMs: 0, outputLimitChars: 512 * 1024 },
    ],
    ["--max-changed count", { maxChanged: "3" }, (r) => r.gate.maxChanged, { count: 3 }],
    ["the config's rate", {}, (r) => r.gate.maxChanged, { ratePercent: 2 }],
    ["--examples", { examples: "0" }, (r) => r.report.examples, 0],
    ["--no-save", { save: false }, (r) => r.report.save, false],
    [
      "--json is relative to the cwd",
      { json: "mine.json" },
      (r, dir) => r.report.json === path.join(dir, "mine.json"),
      true,
    ],
    [
      "--input is relative to the cwd",
      { input: "other.jsonl" },
      (r, dir) => r.input.path === path.join(dir, "other.jsonl"),
      true,
    ],
    ["--format", { format: "csv" }, (r) => r.input.format, "csv"],
    ["--csv-strings keeps the config's true", {}, (r) => r.input.csvStrings, true],
    ["--on-bad-input", { onBadInput: "skip" }, (r) => r.input.onBadInput, "skip"],
    [
      "--stratify-by with --strategy stratified",
      { strategy: "stratified", stratifyBy: "segment" },
      (r) => [r.input.strategy, r.input.stratifyBy],
      ["stratified", "segment"],
    ],
  ])("applies %s", async (_name, flags, pick, expected) => {
    const dir = makeTempDir({ "twinrun.config.yaml": CONFIG });
    expect(pick(await resolve(flags, dir), dir)).toEqual(expected);
  });

  it("lets a flag asking for a number of inputs undo the config's strategy all", async () => {
    const dir = makeTempDir({ "twinrun.config.yaml": "input: { path: in.jsonl, strategy: all }\n" });
    const resolved = await resolve({ old: "a", new: "b", sample: "10" }, dir);
    expect(resolved.input).toMatchObject({ sample: 10, strategy: "cover" });
  });

  it("lets --rel loosen a config that asked for exact comparison", async () => {
    const dir = makeTempDir({ "twinrun.config.yaml": "compare: { exact: true, tolerance: { rel: 0.5 } }\n" });
    expect((await resolve(ESSENTIALS, dir)).compare.tolerance).toEqual({ abs: 0, rel: 0 });
    expect((await resolve({ ...ESSENTIALS, rel: "1e-6" }, dir)).compare.tolerance).toEqual({
      abs: 0,
      rel: 1e-6,
    });
  });

  it("keeps the config's comparison options that flags do not touch", async () => {
    const dir = makeTempDir({
      "twinrun.config.yaml":
        "compare: { nan: unequal, signedZero: true, numberTypes: loose, nullEqualsMissing: true, failureMessage: ignore, maxDifferencesPerTrial: 10 }\n",
    });
    expect((await resolve({ ...ESSENTIALS, rel: "0.1" }, dir)).compare).toMatchObject({
      tolerance: { abs: 1e-12, rel: 0.1 },
      nan: "unequal",
      signedZero: true,
      numberTypes: "loose",
      nullEqualsMissing: true,
      failureMessage: "ignore",
      maxDifferencesPerTrial: 10,
    });
  });
});

describe("resolveRunConfig paths", () => {
  it("resolves config paths against the config's folder, run from another folder", async () => {
    const root = makeTempDir({
      "project/twinrun.config.yaml": [
        "input: { path: data/in.jsonl }",
        "old: { command: python3 a.py }",
        "new: { command: python3 b.py, cwd: ../v2 }",
        "report: { json: out/report.json }",
        "",
      ].join("\n"),
    });
    const resolved = await resolve({ config: "project/twinrun.config.yaml" }, path.join(root));
    const project = path.join(root, "project");
    expect(resolved.configFile).toBe(path.join(project, "twinrun.config.yaml"));
    expect(resolved.baseDir).toBe(project);
    expect(resolved.input.path).toBe(path.join(project, "data/in.jsonl"));
    expect(resolved.old.cwd).toBe(project);
    expect(resolved.new.cwd).toBe(path.join(root, "v2"));
    expect(resolved.report.json).toBe(path.join(project, "out/report.json"));
  });

  it("resolves flag paths against the cwd even when a config file is used", async () => {
    const root = makeTempDir({ "project/twinrun.config.yaml": "old: { command: a }\nnew: { command: b }\n" });
    const cwd = path.join(root, "elsewhere");
    const resolved = await resolve(
      { config: "../project/twinrun.config.yaml", input: "in.jsonl", json: "r.json" },
      cwd,
    );
    expect(resolved.input.path).toBe(path.join(cwd, "in.jsonl"));
    expect(resolved.report.json).toBe(path.join(cwd, "r.json"));
    expect(resolved.old.cwd).toBe(path.join(root, "project"));
  });

  it.each([
    [["twinrun.config.yaml", "twinrun.config.yml", "twinrun.config.json"], "twinrun.config.yaml"],
    [["twinrun.config.yml", "twinrun.config.json"], "twinrun.config.yml"],
    [["twinrun.config.json"], "twinrun.config.json"],
  ])("finds %j in the cwd and uses %s", async (names, expected) => {
    const files = Object.fromEntries(
      names.map((name) => [
        name,
        name.endsWith(".json") ? `{"old": {"label": "${name}"}}` : `old: { label: ${name} }\n`,
      ]),
    );
    const dir = makeTempDir(files);
    const resolved = await resolve(ESSENTIALS, dir);
    expect(resolved.configFile).toBe(path.join(dir, expected));
    expect(resolved.old.label).toBe(expected);
  });
});

describe("resolveRunConfig shared environment", () => {
  it("lets the config's env override the defaults, and keeps each side's env apart", async () => {
    const dir = makeTempDir({
      "twinrun.config.yaml":
        'env: { TZ: Europe/Paris, OMP_NUM_THREADS: 1 }\nold: { env: { OLD_ONLY: "x" } }\n',
    });
    const resolved = await resolve({ ...ESSENTIALS, seed: "5" }, dir);
    expect(resolved.sharedEnv).toEqual({
      TZ: "Europe/Paris",
      PYTHONHASHSEED: "0",
      TWINRUN_SEED: "5",
      OMP_NUM_THREADS: "1",
    });
    expect(resolved.old.env).toEqual({ OLD_ONLY: "x" });
    expect(resolved.new.env).toEqual({});
  });

  it("lets the config pin TWINRUN_SEED and PYTHONHASHSEED itself", async () => {
    const dir = makeTempDir({
      "twinrun.config.yaml": 'env: { TWINRUN_SEED: "9", PYTHONHASHSEED: random }\n',
    });
    expect((await resolve(ESSENTIALS, dir)).sharedEnv).toEqual({
      TZ: "UTC",
      PYTHONHASHSEED: "random",
      TWINRUN_SEED: "9",
    });
  });
});

describe("resolveRunConfig usage errors", () => {
  it.each<[string, RunFlags, string]>([
    [
      "no old command",
      { new: "b", input: "in.jsonl" },
      'missing the old component: give --old "<command>" or old.command in twinrun.config.yaml',
    ],
    [
      "no new command",
      { old: "a", input: "in.jsonl" },
      'missing the new component: give --new "<command>" or new.command in twinrun.config.yaml',
    ],
    [
      "no input",
      { old: "a", new: "b" },
      "missing the input source: give --input <file> (-i) or input.path in twinrun.config.yaml, or --replay <report.json>",
    ],
    [
      "stratified without a field",
      { ...ESSENTIALS, strategy: "stratified" },
      'strategy "stratified" needs a field to stratify by: give --stratify-by <field> or input.stratifyBy in twinrun.config.yaml',
    ],
    [
      "a sample size with strategy all",
      { ...ESSENTIALS, sample: "5", strategy: "all" },
      'input.sample 5 conflicts with input.strategy "all", which runs every input: remove one of them (or of --sample, --strategy)',
    ],
    [
      "--only without --replay",
      { ...ESSENTIALS, only: "3" },
      "--only: needs --replay <report.json> (it picks inputs of an earlier run)",
    ],
  ])("explains how to fix %s", async (_name, flags, message) => {
    const error = await twinrunErrorOf(resolve(flags, makeTempDir()));
    expect(error.code).toBe("USAGE");
    expect(error.message).toBe(message);
  });

  it("names the config file in use when an essential is missing", async () => {
    const dir = makeTempDir({ "conf/my.yaml": "new: { command: b }\n" });
    const error = await twinrunErrorOf(resolve({ config: "conf/my.yaml", input: "x" }, dir));
    expect(error.message).toBe(
      'missing the old component: give --old "<command>" or old.command in conf/my.yaml',
    );
  });

  it("reports every bad flag at once, one line each", async () => {
    const error = await twinrunErrorOf(
      resolve(
        { ...ESSENTIALS, rel: "1e-6x", concurrency: "0", mode: "fast", maxChanged: "lots" },
        makeTempDir(),
      ),
    );
    expect(error.code).toBe("USAGE");
    expect(error.message.split("\n")).toEqual([
      '--mode: expected one of "per-input", "worker", "dataset", got "fast"',
      '--rel: expected a number >= 0, got "1e-6x"',
      '--max-changed: expected a count >= 0 (e.g. 3) or a rate of trials in percent (e.g. "0.5%"), got "lots"',
      '--concurrency: expected an integer >= 1, got "0"',
    ]);
  });

  it("says which -c file does not exist", async () => {
    const dir = makeTempDir();
    const error = await twinrunErrorOf(resolve({ ...ESSENTIALS, config: "nope/twinrun.config.yaml" }, dir));
    expect(error.code).toBe("CONFIG_NOT_FOUND");
    expect(error.message).toBe(
      `config file not found: nope/twinrun.config.yaml (looked for ${path.join(dir, "nope/twinrun.config.yaml")}); check the -c path, or create one with "twinrun init"`,
    );
  });
});
