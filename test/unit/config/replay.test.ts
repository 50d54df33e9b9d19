import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RunFlags } from "../../../src/config/flags.ts";
import { readReplayReport, settingsForReport } from "../../../src/config/replay.ts";
import { resolveRunConfig } from "../../../src/config/resolve.ts";
import { userConfigSchema } from "../../../src/config/schema.ts";
import type { ResolvedRunConfig } from "../../../src/config/types.ts";
import type { SampleIdentity } from "../../../src/inputs/types.ts";
import { twinrunErrorOf } from "../../helpers/twinrun-error.ts";
import { makeTempDir } from "./temp-dir.ts";

const SAMPLE: SampleIdentity = {
  source: "/data/in.jsonl",
  format: "jsonl",
  sha256: "a".repeat(64),
  strategy: "random",
  size: 3,
  seed: 7,
  indices: [2, 5, 13],
  totalRecords: 30,
  skipped: 0,
};

const ORIGINAL_FLAGS: RunFlags = {
  old: "node old.mjs",
  new: "node new.mjs",
  mode: "worker",
  input: "data/in.jsonl",
  sample: "3",
  seed: "7",
  tol: ["score=rel:1e-6,ulps:2"],
  unordered: ["items:id"],
  maxChanged: "2%",
  json: "out/report.json",
  oldLabel: "main",
};

function resolve(flags: RunFlags, cwd: string): Promise<ResolvedRunConfig> {
  return resolveRunConfig({ flags, cwd, env: {}, cpuCount: 2 });
}

/** Resolves the original run in `dir` and writes its report (with SAMPLE) to dir/report.json. */
async function writeOriginalReport(dir: string, extraConfig?: string): Promise<ResolvedRunConfig> {
  if (extraConfig !== undefined) writeFileSync(path.join(dir, "twinrun.config.yaml"), extraConfig);
  const original = await resolve(ORIGINAL_FLAGS, dir);
  const report = { tool: "twinrun", reportVersion: 1, sample: SAMPLE, settings: settingsForReport(original) };
  writeFileSync(path.join(dir, "report.json"), JSON.stringify(report));
  return original;
}

describe("settingsForReport", () => {
  it("writes settings that validate as a user config, with absolute paths", async () => {
    const dir = makeTempDir();
    const settings = settingsForReport(await resolve({ ...ORIGINAL_FLAGS, exact: true }, dir));
    expect(userConfigSchema.safeParse(settings).success).toBe(true);
    expect(settings.input?.path).toBe(path.join(dir, "data/in.jsonl"));
    expect(settings.old?.cwd).toBe(dir);
    expect(settings.compare?.tolerance).toEqual({ abs: 0, rel: 0 });
  });

  it("keeps only the environment the user set, not the defaults", async () => {
    const dir = makeTempDir({ "twinrun.config.yaml": "env: { OMP_NUM_THREADS: 1, TZ: UTC }\n" });
    const settings = settingsForReport(await resolve(ORIGINAL_FLAGS, dir));
    expect(settings.env).toEqual({ OMP_NUM_THREADS: "1" });
  });
});

describe("resolveRunConfig with --replay", () => {
  it("reproduces the original settings from the report alone", async () => {
    const dir = makeTempDir();
    const original = await writeOriginalReport(dir);
    const replayed = await resolve({ replay: "report.json" }, dir);
    const { report: originalReport, ...originalRest } = original;
    const { report: replayedReport, replay, ...replayedRest } = replayed;
    expect(replayedRest).toEqual(originalRest);
    expect(replay).toEqual({ reportPath: path.join(dir, "report.json") });
    // The replay must not write over the report it replays.
    expect(originalReport.json).toBe(path.join(dir, "out/report.json"));
    expect(replayedReport).toEqual({
      examples: 5,
      save: true,
      outputs: [{ reporter: "terminal" }],
      stepSummary: true,
    });
  });

  it("ignores a config file in the cwd when replaying without -c", async () => {
    const dir = makeTempDir();
    await writeOriginalReport(dir);
    writeFileSync(
      path.join(dir, "twinrun.config.yaml"),
      "old: { command: python3 other.py }\nreport: { examples: 1 }\n",
    );
    const replayed = await resolve({ replay: "report.json" }, dir);
    expect(replayed.configFile).toBeUndefined();
    expect(replayed.old).toMatchObject({ command: "node old.mjs" });
    expect(replayed.report.examples).toBe(5);
  });

  it("lets flags win over the replayed settings", async () => {
    const dir = makeTempDir();
    await writeOriginalReport(dir);
    const replayed = await resolve(
      { replay: "report.json", new: "node newer.mjs", examples: "9", ignore: ["at"] },
      dir,
    );
    expect(replayed.new).toMatchObject({ command: "node newer.mjs" });
    expect(replayed.report.examples).toBe(9);
    expect(replayed.compare.rules.map((rule) => rule.path)).toEqual(["score", "items", "at"]);
  });

  it("takes only the input from the report when a config file is given with -c", async () => {
    const dir = makeTempDir({
      "conf/c.yaml":
        "input: { path: other.jsonl, sample: 50 }\nold: { command: python3 a.py }\nnew: { command: python3 b.py }\n",
    });
    await writeOriginalReport(dir);
    const replayed = await resolve({ replay: "report.json", config: "conf/c.yaml" }, dir);
    expect(replayed.input).toEqual({
      path: path.join(dir, "data/in.jsonl"),
      sample: 3,
      strategy: "random",
      seed: 7,
      csvStrings: false,
      onBadInput: "fail",
    });
    expect(replayed.old).toMatchObject({ command: "python3 a.py" });
    expect(replayed.compare.rules).toEqual([]);
    expect(replayed.baseDir).toBe(path.join(dir, "conf"));
  });

  it.each([
    ["13", [13]],
    ["13,2", [2, 13]],
  ])("accepts --only %s when the indices are in the report's sample", async (only, expected) => {
    const dir = makeTempDir();
    await writeOriginalReport(dir);
    expect((await resolve({ replay: "report.json", only }, dir)).replay?.only).toEqual(expected);
  });

  it("rejects an --only index that is not in the report's sample, naming it", async () => {
    const dir = makeTempDir();
    await writeOriginalReport(dir);
    const error = await twinrunErrorOf(resolve({ replay: "report.json", only: "2,4" }, dir));
    expect(error.code).toBe("USAGE");
    expect(error.message).toBe(
      "--only 4: input 4 is not in the sample of report.json (its inputs: 2, 5, 13)",
    );
  });
});

describe("readReplayReport", () => {
  it("returns the sample identity and the validated settings", async () => {
    const dir = makeTempDir();
    const original = await writeOriginalReport(dir);
    const replay = await readReplayReport(path.join(dir, "report.json"));
    expect(replay.sample).toEqual(SAMPLE);
    expect(replay.settings).toEqual(settingsForReport(original));
  });

  it.each([
    [
      "a missing file",
      undefined,
      "report.json: report not found; give the JSON report of an earlier run (e.g. .twinrun/last-report.json)",
    ],
    ["a file that is not JSON", "{ nope", "report.json: not a twinrun report (the file is not valid JSON)"],
    [
      "another tool's JSON",
      '{"tool": "jest"}',
      'report.json: not a twinrun report (expected "tool": "twinrun" and "reportVersion": 1)',
    ],
    [
      "a JSON array",
      "[1, 2]",
      'report.json: not a twinrun report (expected "tool": "twinrun" and "reportVersion": 1)',
    ],
    [
      "a report without sample indices",
      '{"tool": "twinrun", "reportVersion": 1, "sample": {"sha256": "x"}, "settings": {}}',
      'report.json: the report\'s "sample" is incomplete (expected indices, sha256, seed and source); rerun to get a fresh report',
    ],
    [
      "a report without settings",
      JSON.stringify({ tool: "twinrun", reportVersion: 1, sample: SAMPLE }),
      'report.json: the report has no "settings" to replay; rerun to get a fresh report',
    ],
    [
      "a report with invalid settings",
      JSON.stringify({
        tool: "twinrun",
        reportVersion: 1,
        sample: SAMPLE,
        settings: { run: { timeout: -1 } },
      }),
      "report.json: settings: run.timeout: expected an integer >= 0, got -1",
    ],
  ])("rejects %s with REPORT_INVALID naming the file", async (_name, content, message) => {
    const dir = makeTempDir(content === undefined ? {} : { "report.json": content });
    const error = await twinrunErrorOf(resolve({ replay: "report.json" }, dir));
    expect(error.code).toBe("REPORT_INVALID");
    expect(error.message).toBe(message);
  });
});
