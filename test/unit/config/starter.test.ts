import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resolveRunConfig } from "../../../src/config/resolve.ts";
import { userConfigSchema } from "../../../src/config/schema.ts";
import {
  PACKAGED_SCHEMA_PATH,
  renderStarterConfig,
  writeStarterConfig,
} from "../../../src/config/starter.ts";
import { TwinrunError } from "../../../src/errors.ts";
import { makeTempDir } from "./temp-dir.ts";

describe("renderStarterConfig", () => {
  it("points editors at the packaged JSON Schema on its first line", () => {
    expect(renderStarterConfig().split("\n")[0]).toBe(
      "# yaml-language-server: $schema=./node_modules/twinrun/schema/twinrun.schema.json",
    );
    expect(PACKAGED_SCHEMA_PATH).toBe("./node_modules/twinrun/schema/twinrun.schema.json");
  });

  it("validates against the config schema", () => {
    const result = userConfigSchema.safeParse(parse(renderStarterConfig()));
    expect(result.error?.issues).toBeUndefined();
    expect(result.success).toBe(true);
  });

  it("shows every section of the schema", () => {
    const text = renderStarterConfig();
    for (const section of [
      "input",
      "old",
      "new",
      "env",
      "compare",
      "table",
      "dataset",
      "run",
      "gate",
      "report",
    ]) {
      expect(text).toMatch(new RegExp(`^(# )?${section}:`, "m"));
    }
  });

  it("documents every key of the schema, active or commented out", () => {
    const text = renderStarterConfig();
    const shape = userConfigSchema.shape;
    for (const section of ["input", "old", "compare", "table", "dataset", "run", "gate", "report"] as const) {
      // A component section is a union (command or python): every branch's keys count.
      const schema = shape[section].unwrap() as unknown as { shape?: object; options?: { shape: object }[] };
      const keys = (schema.options ?? [schema]).flatMap((branch) => Object.keys(branch.shape ?? {}));
      for (const key of keys) expect(text, `${section}.${key}`).toMatch(new RegExp(`\\b${key}:`));
    }
  });

  it("states the real defaults: resolving it equals resolving no config at all", async () => {
    const withStarter = makeTempDir({ "twinrun.config.yaml": renderStarterConfig() });
    const without = makeTempDir();
    const flags = { old: "a", new: "b", input: "inputs.jsonl" };
    const fromStarter = await resolveRunConfig({ flags, cwd: withStarter, env: {}, cpuCount: 2 });
    const fromDefaults = await resolveRunConfig({ flags, cwd: without, env: {}, cpuCount: 2 });
    const { configFile, baseDir, input, old, new: newSide, ...restStarter } = fromStarter;
    const {
      baseDir: _b,
      input: inputDefaults,
      old: oldDefaults,
      new: newDefaults,
      ...restDefaults
    } = fromDefaults;
    expect(configFile).toBe(path.join(withStarter, "twinrun.config.yaml"));
    expect(restStarter).toEqual(restDefaults);
    expect({ ...input, path: "" }).toEqual({ ...inputDefaults, path: "" });
    expect({ ...old, cwd: "" }).toEqual({ ...oldDefaults, cwd: "" });
    expect({ ...newSide, cwd: "" }).toEqual({ ...newDefaults, cwd: "" });
    expect(baseDir).toBe(withStarter);
  });
});

describe("writeStarterConfig", () => {
  it("writes twinrun.config.yaml and returns its path", async () => {
    const dir = makeTempDir();
    const written = await writeStarterConfig(dir, { force: false });
    expect(written).toBe(path.join(dir, "twinrun.config.yaml"));
    expect(readFileSync(written, "utf8")).toBe(renderStarterConfig());
  });

  it.each(["twinrun.config.yaml", "twinrun.config.yml", "twinrun.config.json"])(
    "refuses to write when %s already exists",
    async (name) => {
      const dir = makeTempDir({ [name]: "mine" });
      const error = await writeStarterConfig(dir, { force: false }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(TwinrunError);
      expect((error as TwinrunError).code).toBe("USAGE");
      expect((error as TwinrunError).message).toBe(
        `${name} already exists in ${dir}; keep it, or replace it with "twinrun init --force"`,
      );
      expect(readFileSync(path.join(dir, name), "utf8")).toBe("mine");
    },
  );

  it("overwrites with force", async () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, "twinrun.config.yaml"), "mine");
    await writeStarterConfig(dir, { force: true });
    expect(readFileSync(path.join(dir, "twinrun.config.yaml"), "utf8")).toBe(renderStarterConfig());
  });
});
