import { describe, expect, it } from "vitest";
import type { UserConfig } from "../../../src/config/schema.ts";
import { applyBaseDefaults, isOldLabelFromRef } from "../../../src/git/base-sides.ts";

describe("applyBaseDefaults", () => {
  it("leaves a config without base untouched", () => {
    const config: UserConfig = { new: { command: "node f.mjs" } };
    expect(applyBaseDefaults(config)).toBe(config);
  });

  it("derives old from new, labelled with the ref, and labels new 'working tree'", () => {
    const merged = applyBaseDefaults({
      base: "origin/main",
      new: { command: "python3 f.py", mode: "worker", env: { A: "1" }, setup: "pip install -e ." },
      old: { env: { B: "2" } },
    });
    expect(merged.new).toEqual({
      command: "python3 f.py",
      mode: "worker",
      env: { A: "1" },
      setup: "pip install -e .",
      label: "working tree",
    });
    expect(merged.old).toEqual({
      command: "python3 f.py",
      mode: "worker",
      env: { A: "1", B: "2" },
      setup: "pip install -e .",
      label: "origin/main",
    });
  });

  it("still derives a Python old side when Python flags reached both sides", () => {
    const merged = applyBaseDefaults({
      base: "main",
      new: { adapter: "python", module: "features", function: "build", style: "dataframe", key: "id" },
      old: { style: "dataframe", key: "id", batchSize: 100 },
    } as UserConfig);
    expect(merged.old).toMatchObject({
      adapter: "python",
      module: "features",
      function: "build",
      batchSize: 100,
    });
  });

  it("keeps an old side that names its own component, still from the ref", () => {
    const merged = applyBaseDefaults({
      base: "v1.2",
      old: { command: "python3 legacy.py", label: "v1" },
      new: { command: "python3 f.py", label: "refactor" },
    });
    expect(merged.old).toEqual({ command: "python3 legacy.py", label: "v1" });
    expect(merged.new?.label).toBe("refactor");
  });

  it.each([
    [{ base: "main" }, true],
    [{ base: "main", old: { label: "before" } }, false],
    [{}, false],
  ] as const)("knows whether the old label comes from the ref (%j → %s)", (config, expected) => {
    expect(isOldLabelFromRef(config as UserConfig)).toBe(expected);
  });
});
