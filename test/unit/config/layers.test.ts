import { describe, expect, it } from "vitest";
import { mergeLayers, resolveLayerPaths } from "../../../src/config/layers.ts";
import type { UserConfig } from "../../../src/config/schema.ts";

describe("mergeLayers", () => {
  it.each<[string, UserConfig, UserConfig, UserConfig]>([
    [
      "keeps the lower layer when the upper says nothing",
      { run: { timeout: 5 } },
      {},
      { run: { timeout: 5 } },
    ],
    [
      "lets the upper layer win key by key",
      { run: { timeout: 5, concurrency: 2 } },
      { run: { timeout: 0 } },
      { run: { timeout: 0, concurrency: 2 } },
    ],
    [
      "appends the upper layer's rules",
      { compare: { rules: [{ path: "a", ignore: true }] } },
      { compare: { rules: [{ path: "a", ignore: false }] } },
      {
        compare: {
          rules: [
            { path: "a", ignore: true },
            { path: "a", ignore: false },
          ],
        },
      },
    ],
    ["merges environments", { env: { A: "1", B: "2" } }, { env: { B: "3" } }, { env: { A: "1", B: "3" } }],
    [
      "merges a side's environment and keeps its other keys",
      { old: { command: "a", env: { A: "1" } } },
      { old: { label: "x", env: { B: "2" } } },
      { old: { command: "a", label: "x", env: { A: "1", B: "2" } } },
    ],
    [
      "expands exact into a zero tolerance",
      { compare: { tolerance: { rel: 1, ulps: 4 } } },
      { compare: { exact: true } },
      { compare: { tolerance: { abs: 0, rel: 0, ulps: 0 } } },
    ],
    [
      "lets a number of inputs undo a lower strategy all",
      { input: { strategy: "all" } },
      { input: { sample: 10 } },
      { input: { sample: 10 } },
    ],
    [
      "makes sample all imply strategy all",
      { input: { strategy: "first" } },
      { input: { sample: "all" } },
      { input: { sample: "all", strategy: "all" } },
    ],
    [
      "makes strategy all imply sample all",
      { input: { sample: 5 } },
      { input: { strategy: "all" } },
      { input: { sample: "all", strategy: "all" } },
    ],
    [
      "lets another strategy undo a lower sample all",
      { input: { sample: "all" } },
      { input: { strategy: "first" } },
      { input: { strategy: "first" } },
    ],
  ])("%s", (_name, lower, upper, expected) => {
    expect(mergeLayers(lower, upper)).toEqual(expected);
  });
});

describe("resolveLayerPaths", () => {
  it("resolves input.path, the sides' cwd and report.json against the base folder only", () => {
    const layer: UserConfig = {
      input: { path: "data/in.jsonl" },
      old: { command: "python3 a.py", cwd: "v1" },
      new: { command: "python3 b.py", cwd: "/abs/v2" },
      report: { json: "out.json" },
    };
    expect(resolveLayerPaths(layer, "/base")).toEqual({
      input: { path: "/base/data/in.jsonl" },
      old: { command: "python3 a.py", cwd: "/base/v1" },
      new: { command: "python3 b.py", cwd: "/abs/v2" },
      report: { json: "/base/out.json" },
    });
  });
});
