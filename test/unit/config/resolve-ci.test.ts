import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RunFlags } from "../../../src/config/flags.ts";
import { resolveRunConfig } from "../../../src/config/resolve.ts";
import type { ResolvedRunConfig } from "../../../src/config/types.ts";
import { makeTempDir } from "./temp-dir.ts";

function resolve(flags: RunFlags, cwd: string): Promise<ResolvedRunConfig> {
  return resolveRunConfig({ flags, cwd, env: {}, cpuCount: 2 });
}

describe("resolveRunConfig: the CI gate's settings", () => {
  it("derives the old side from the new one with --base and labels both sides", async () => {
    const dir = makeTempDir();
    const resolved = await resolve(
      { base: "origin/main", new: "python3 f.py", mode: "worker", input: "in.jsonl" },
      dir,
    );
    expect(resolved.base).toEqual({ ref: "origin/main", labelFromRef: true });
    expect(resolved.old).toMatchObject({
      command: "python3 f.py",
      mode: "worker",
      cwd: dir,
      label: "origin/main",
    });
    expect(resolved.new).toMatchObject({ command: "python3 f.py", label: "working tree" });
  });

  it("keeps given labels and a given old command with --base", async () => {
    const dir = makeTempDir();
    const resolved = await resolve(
      { base: "v1", old: "python3 legacy.py", oldLabel: "v1 legacy", new: "python3 f.py", input: "in.jsonl" },
      dir,
    );
    expect(resolved.base).toEqual({ ref: "v1", labelFromRef: false });
    expect(resolved.old).toMatchObject({ command: "python3 legacy.py", label: "v1 legacy" });
  });

  it("reads base and per-side setup from the config file", async () => {
    const dir = makeTempDir({
      "twinrun.config.yaml":
        "input: { path: in.jsonl }\nbase: main\nnew: { command: node f.mjs, setup: npm ci }\nold: { setup: npm ci --ignore-scripts }\n",
    });
    const resolved = await resolve({}, dir);
    expect(resolved.old).toMatchObject({
      command: "node f.mjs",
      setup: "npm ci --ignore-scripts",
      label: "main",
    });
    expect(resolved.new).toMatchObject({ command: "node f.mjs", setup: "npm ci" });
  });

  it("reads --shard and refuses a bad one", async () => {
    const dir = makeTempDir();
    const essentials = { old: "a", new: "b", input: "in.jsonl" };
    expect((await resolve({ ...essentials, shard: "3/4" }, dir)).shard).toEqual({ index: 3, count: 4 });
    await expect(resolve({ ...essentials, shard: "5/4" }, dir)).rejects.toThrow(/--shard: expected <i>\/<n>/);
  });

  it("finds twinrun.accepted.yaml beside the config file, and only when it exists", async () => {
    const withFile = makeTempDir({
      "project/twinrun.config.yaml": "input: { path: in.jsonl }\nold: { command: a }\nnew: { command: b }\n",
      "project/twinrun.accepted.yaml": "accepted: []\n",
    });
    const found = await resolve({ config: "project/twinrun.config.yaml" }, withFile);
    expect(found.gate).toEqual({
      maxChanged: { count: 0 },
      accepted: path.join(withFile, "project/twinrun.accepted.yaml"),
      strictAccepted: false,
    });
    const without = await resolve({ old: "a", new: "b", input: "in.jsonl" }, makeTempDir());
    expect(without.gate.accepted).toBeUndefined();
  });

  it("resolves report and accepted paths against the config file's folder, flags against the cwd", async () => {
    const dir = makeTempDir({
      "project/twinrun.config.yaml":
        "input: { path: in.jsonl }\nold: { command: a }\nnew: { command: b }\n" +
        "gate: { accepted: approvals.yaml, strictAccepted: true }\nreport: { markdown: out/s.md, junit: out/j.xml, stepSummary: false }\n",
    });
    const fromConfig = await resolve({ config: "project/twinrun.config.yaml" }, dir);
    expect(fromConfig.gate).toMatchObject({
      accepted: path.join(dir, "project/approvals.yaml"),
      strictAccepted: true,
    });
    expect(fromConfig.report).toMatchObject({
      markdown: path.join(dir, "project/out/s.md"),
      junit: path.join(dir, "project/out/j.xml"),
      stepSummary: false,
    });
    const fromFlags = await resolve(
      { config: "project/twinrun.config.yaml", accepted: "mine.yaml", markdown: "m.md", junit: "j.xml" },
      dir,
    );
    expect(fromFlags.gate.accepted).toBe(path.join(dir, "mine.yaml"));
    expect(fromFlags.report).toMatchObject({
      markdown: path.join(dir, "m.md"),
      junit: path.join(dir, "j.xml"),
    });
  });

  it("turns the step summary off with --no-step-summary", async () => {
    const dir = makeTempDir();
    const resolved = await resolve(
      { old: "a", new: "b", input: "in.jsonl", stepSummary: false, strictAccepted: true },
      dir,
    );
    expect(resolved.report.stepSummary).toBe(false);
    expect(resolved.gate.strictAccepted).toBe(true);
  });
});
