// Resolving Python components from config files and flags: specs, defaults, the interpreter,
// paths, and the checks that keep both sides of a dataframe run on the same batches.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RunFlags } from "../../../../src/config/flags.ts";
import { resolveRunConfig } from "../../../../src/config/resolve.ts";
import type { ResolvedRunConfig } from "../../../../src/config/types.ts";
import { twinrunErrorOf } from "../../../helpers/twinrun-error.ts";
import { makeTempDir } from "../../config/temp-dir.ts";

const INPUT: RunFlags = { input: "in.jsonl" };

function resolve(flags: RunFlags, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ResolvedRunConfig> {
  return resolveRunConfig({ flags: { ...INPUT, ...flags }, cwd, env, cpuCount: 2 });
}

describe("Python components on the command line", () => {
  it("resolves py:<module>:<function> with every default filled", async () => {
    const dir = makeTempDir();
    const resolved = await resolve({ old: "py:features_v1:build_features", new: "node new.mjs" }, dir);
    expect(resolved.old).toEqual({
      adapter: "python",
      module: "features_v1",
      function: "build_features",
      style: "record",
      python: "python3",
      cwd: dir,
      path: [],
      env: {},
      label: "old",
      seedEachCall: false,
    });
    expect(resolved.new).toMatchObject({ adapter: "command", command: "node new.mjs" });
  });

  it("takes a module file's folder as the side's cwd, so same-named files can be old and new", async () => {
    const dir = makeTempDir();
    const resolved = await resolve({ old: "py:v1/features.py:build", new: "py:v2/features:build" }, dir);
    expect(resolved.old).toMatchObject({ module: "features", cwd: path.join(dir, "v1") });
    expect(resolved.new).toMatchObject({ module: "features", cwd: path.join(dir, "v2") });
  });

  it.each([
    [
      "py:features",
      /--old: expected py:<module>:<function> .*got "py:features" \(module or function missing\)/,
    ],
    ["py:features:", /module or function missing/],
    ["py:my-features:build", /"my-features" is not a module name/],
    ["py:features:build()", /"build\(\)" is not a function name/],
  ])("rejects the malformed spec %s with the grammar", async (spec, message) => {
    const error = await twinrunErrorOf(resolve({ old: spec, new: "py:f:g" }, makeTempDir()));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(message);
  });

  it("picks the interpreter from --python, else TWINRUN_PYTHON, else python3", async () => {
    const dir = makeTempDir();
    const specs = { old: "py:a:f", new: "py:b:f" };
    expect((await resolve(specs, dir, { TWINRUN_PYTHON: "venv/bin/python" })).old).toMatchObject({
      python: path.join(dir, "venv/bin/python"),
    });
    expect((await resolve(specs, dir, { TWINRUN_PYTHON: "python3.11" })).new).toMatchObject({
      python: "python3.11",
    });
    const flagged = await resolve({ ...specs, python: ".venv/bin/python" }, dir, { TWINRUN_PYTHON: "x" });
    expect(flagged.old).toMatchObject({ python: path.join(dir, ".venv/bin/python") });
  });

  it("applies --style, --batch-size and --key to both Python sides", async () => {
    const resolved = await resolve(
      { old: "py:a:f", new: "py:b:f", style: "dataframe", batchSize: "500", key: "region, month" },
      makeTempDir(),
    );
    for (const side of [resolved.old, resolved.new]) {
      expect(side).toMatchObject({ style: "dataframe", batchSize: 500, key: ["region", "month"] });
    }
  });
});

describe("Python components in the config file", () => {
  const config = [
    "old:",
    "  adapter: python",
    "  module: features",
    "  function: build",
    "  cwd: v1",
    "  python: .venv/bin/python",
    "  path: [src, lib]",
    "  style: dataframe",
    "  key: customer_id",
    "  seedEachCall: true",
    "  env: { MODEL: small }",
    "new: { adapter: python, module: features, function: build, cwd: v2, style: dataframe, batchSize: 100 }",
    "",
  ].join("\n");

  it("resolves paths against the config's folder and shares key and batch size between the sides", async () => {
    const dir = makeTempDir({ "conf/twinrun.config.yaml": config });
    const resolved = await resolve({ config: "conf/twinrun.config.yaml" }, dir);
    const conf = path.join(dir, "conf");
    expect(resolved.old).toEqual({
      adapter: "python",
      module: "features",
      function: "build",
      style: "dataframe",
      python: path.join(conf, ".venv/bin/python"),
      cwd: path.join(conf, "v1"),
      path: [path.join(conf, "src"), path.join(conf, "lib")],
      env: { MODEL: "small" },
      label: "old",
      batchSize: 100,
      key: ["customer_id"],
      seedEachCall: true,
    });
    expect(resolved.new).toMatchObject({ key: ["customer_id"], batchSize: 100, cwd: path.join(conf, "v2") });
  });

  it("lets --old with a command replace a Python component, keeping its cwd and label", async () => {
    const dir = makeTempDir({
      "twinrun.config.yaml": config.replace("  cwd: v1", "  cwd: v1\n  label: main"),
    });
    const resolved = await resolve({ old: "python3 f.py", new: "python3 g.py" }, dir);
    expect(resolved.old).toEqual({
      adapter: "command",
      command: "python3 f.py",
      mode: "per-input",
      shell: false,
      cwd: path.join(dir, "v1"),
      env: { MODEL: "small" },
      label: "main",
    });
  });

  it.each([
    [
      "a dataframe side against a command",
      "old: { adapter: python, module: a, function: f, style: dataframe }\nnew: { command: node g.mjs }\n",
      'the old component uses style "dataframe" but the new component is a command component',
    ],
    [
      "two styles",
      "old: { adapter: python, module: a, function: f, style: dataframe }\nnew: { adapter: python, module: b, function: f }\n",
      'old uses style "dataframe" but new uses style "record": both sides must use the same style',
    ],
    [
      "two batch sizes",
      "old: { adapter: python, module: a, function: f, style: dataframe, batchSize: 10 }\nnew: { adapter: python, module: b, function: f, style: dataframe, batchSize: 20 }\n",
      "old.batchSize is 10 but new.batchSize is 20: both sides get the same batches",
    ],
    [
      "a key in the record style",
      "old: { adapter: python, module: a, function: f, key: id }\nnew: { adapter: python, module: b, function: f }\n",
      'old.key applies to the dataframe style, but the old component uses style "record"',
    ],
  ])("rejects %s with an instruction (exit 2)", async (_what, text, message) => {
    const error = await twinrunErrorOf(resolve({}, makeTempDir({ "twinrun.config.yaml": text })));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(message);
  });

  it.each([
    [
      "old: { adapter: python, module: a }\n",
      "twinrun.config.yaml: old.function: missing, expected a non-empty string",
    ],
    [
      "old: { adapter: python, module: a, function: f, mode: worker }\n",
      "twinrun.config.yaml: old.mode: unknown key; expected one of: adapter, module, function, style",
    ],
    [
      "old: { adapter: pyton, module: a, function: f }\n",
      'twinrun.config.yaml: old.adapter: expected a component adapter: "command" (the default),',
    ],
    [
      "old: { adapter: python, module: a, function: f, style: frame }\n",
      'twinrun.config.yaml: old.style: expected one of "record", "dataframe", got "frame"',
    ],
  ])("validates the Python keys of %j", async (text, message) => {
    const error = await twinrunErrorOf(resolve({}, makeTempDir({ "twinrun.config.yaml": text })));
    expect(error.message).toContain(message);
  });
});
