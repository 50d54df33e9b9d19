// runTwin's options go through the config schema and resolver: specs, sections, functions, inputs.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveTwinOptions } from "../../../src/api/resolve-options.ts";
import { validateUserConfig } from "../../../src/config/load-config-file.ts";
import { settingsForReport } from "../../../src/config/replay.ts";
import { TwinrunError } from "../../../src/errors.ts";
import { IN_MEMORY_SOURCE } from "../../../src/inputs/in-memory.ts";
import { makeTempDir } from "../config/temp-dir.ts";

const identity = (record: unknown) => record;

describe("resolveTwinOptions", () => {
  it("reads spec strings the way --old and --new read them", async () => {
    const cwd = makeTempDir();
    const config = await resolveTwinOptions({
      old: "js:src/score_old.ts#score",
      new: "http://127.0.0.1:9/score",
      inputs: [{ x: 1 }],
      cwd,
    });
    expect(config.old).toMatchObject({
      adapter: "module",
      file: path.join(cwd, "src/score_old.ts"),
      export: "score",
    });
    expect(config.new).toMatchObject({
      adapter: "http",
      url: "http://127.0.0.1:9/score",
      method: "POST",
      headers: {},
    });
  });

  it("takes config sections as written in a config file, paths relative to cwd", async () => {
    const cwd = makeTempDir();
    const config = await resolveTwinOptions({
      old: { adapter: "module", file: "a/score.ts", export: "scorer.score" },
      new: { command: "python3 score.py", mode: "worker" },
      inputs: [{}],
      cwd,
    });
    expect(config.old).toMatchObject({
      adapter: "module",
      file: path.join(cwd, "a/score.ts"),
      export: "scorer.score",
    });
    expect(config.new).toMatchObject({ adapter: "command", command: "python3 score.py", mode: "worker" });
  });

  it("serialises in-memory inputs once, losslessly, and runs all of them by default", async () => {
    const config = await resolveTwinOptions({
      old: identity,
      new: identity,
      inputs: [{ id: 2n ** 60n, x: 1.5 }, [1, 2]],
    });
    expect(config.input).toMatchObject({ path: IN_MEMORY_SOURCE, sample: "all", strategy: "all" });
    expect(config.input.records).toEqual([
      { index: 0, line: 1, text: '{"id":1152921504606846976,"x":1.5}' },
      { index: 1, line: 2, text: "[1,2]" },
    ]);
  });

  it("turns functions into in-process components named after them, without freezing them", async () => {
    function scoreV1(record: unknown) {
      return record;
    }
    const config = await resolveTwinOptions({
      old: scoreV1,
      new: { fn: identity, label: "v2" },
      inputs: [1],
    });
    expect(config.old).toMatchObject({ adapter: "function", name: "scoreV1", label: "scoreV1" });
    expect(config.new).toMatchObject({ adapter: "function", name: "identity", label: "v2" });
    expect(Object.isFrozen(scoreV1)).toBe(false);
    expect(settingsForReport(config).old).toEqual({ label: "scoreV1" });
  });

  it("keeps module and http sides replayable: their settings pass the config schema, header values redacted", async () => {
    const cwd = makeTempDir();
    const config = await resolveTwinOptions({
      old: "js:score.mjs#score",
      new: {
        adapter: "http",
        url: `http://127.0.0.1:\${TWINRUN_PORT}/score`,
        headers: { Authorization: `Bearer \${TOKEN}`, "X-Key": "literal-secret" },
        start: { command: "node server.mjs", healthUrl: `http://127.0.0.1:\${TWINRUN_PORT}/health` },
      },
      inputs: [1],
      cwd,
    });
    const settings = validateUserConfig(settingsForReport(config), "report settings");
    expect(settings.old).toEqual({
      adapter: "module",
      file: path.join(cwd, "score.mjs"),
      export: "score",
      cwd,
      label: "old",
    });
    expect(settings.new).toMatchObject({
      adapter: "http",
      method: "POST",
      headers: { Authorization: `Bearer \${TOKEN}`, "X-Key": "[redacted]" },
      start: { command: "node server.mjs", timeout: 30_000, shell: false },
    });
  });

  it("lets the options override a config file given as config", async () => {
    const cwd = makeTempDir({
      "twinrun.config.yaml":
        "old: { command: node old.mjs }\nnew: { command: node new.mjs }\nrun: { timeout: 1234 }\n",
    });
    const config = await resolveTwinOptions({
      config: "twinrun.config.yaml",
      new: identity,
      inputs: [1],
      cwd,
    });
    expect(config.old).toMatchObject({ adapter: "command", command: "node old.mjs", cwd });
    expect(config.new).toMatchObject({ adapter: "function" });
    expect(config.runner.timeoutMs).toBe(1234);
  });

  it("never reads a config file it was not given", async () => {
    const cwd = makeTempDir({ "twinrun.config.yaml": "run: { timeout: 1234 }\n" });
    const config = await resolveTwinOptions({ old: identity, new: identity, inputs: [1], cwd });
    expect(config.runner.timeoutMs).toBe(10_000);
  });

  it.each([
    {
      name: "a misspelt option",
      options: { old: identity, new: identity, inputs: [1], compre: {} },
      message: 'runTwin options: unknown option "compre" (did you mean "compare"?)',
    },
    {
      name: "a bad value in a section",
      options: { old: identity, new: identity, inputs: [1], run: { timeout: -1 } },
      message: "runTwin options: run.timeout: expected an integer >= 0",
    },
    {
      name: "inputs and an input file at once",
      options: { old: identity, new: identity, inputs: [1], input: { path: "in.jsonl" } },
      message: "runTwin options: give inputs (records in memory) or input.path (a file), not both",
    },
    {
      name: "a missing side",
      options: { old: identity, inputs: [1] },
      message: "runTwin options: missing the new component",
    },
    {
      name: "a side that is neither function, spec nor section",
      options: { old: identity, new: 42, inputs: [1] },
      message: "runTwin options: new: expected a function, a component spec string",
    },
    {
      name: "a malformed js: spec",
      options: { old: identity, new: "js:score.py#f", inputs: [1] },
      message: "is not a JavaScript or TypeScript file",
    },
    {
      name: "no inputs at all",
      options: { old: identity, new: identity },
      message: "missing the input source",
    },
  ])("rejects $name with a message that says what to fix", async ({ options, message }) => {
    const attempt = resolveTwinOptions(options as never);
    await expect(attempt).rejects.toThrow(TwinrunError);
    await expect(resolveTwinOptions(options as never)).rejects.toThrow(message);
  });
});
