// Calibration end to end: real components that differ from themselves (a random id, a timestamp,
// float32 sums in a random order), run through the real CLI.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RecordsReport } from "../../src/report/types.ts";
import { jsonl, makeWorkspace, runCli } from "../helpers/cli.ts";
import { workerComponent } from "../helpers/components.ts";

const records = Array.from({ length: 200 }, (_, i) => ({ id: i, x: 1 + (i % 17) * 0.731, tier: i % 5 }));

// A sum of 200 float32 terms in a random order: about 1e-7 relative noise, on almost every input.
const NOISY_FIELDS = `
  const terms = Array.from({ length: 200 }, (_, k) => Math.fround(record.x + k * 0.3719));
  for (let i = terms.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [terms[i], terms[j]] = [terms[j], terms[i]];
  }
  let score = 0;
  for (const term of terms) score = Math.fround(score + term);
  const micros = String(process.hrtime.bigint() % 1000000n).padStart(6, "0");
  const generated_at = new Date().toISOString().slice(0, 19) + "." + micros + "Z";
  const request_id = crypto.randomUUID();
`;
const OLD = `${NOISY_FIELDS}
  return { id: record.id, score, generated_at, request_id, bucket: record.tier > 2 ? "high" : "low" };`;
// The same, except a real change of bucket on ids 7, 70 and 140.
const NEW_CHANGED = `${NOISY_FIELDS}
  const bucket = [7, 70, 140].includes(record.id) ? "mid" : record.tier > 2 ? "high" : "low";
  return { id: record.id, score, generated_at, request_id, bucket };`;
// The timestamp became a number: a type old never showed against itself.
const NEW_TIMESTAMP_TYPE = `${NOISY_FIELDS}
  return { id: record.id, score, generated_at: Date.now(), request_id, bucket: record.tier > 2 ? "high" : "low" };`;
const FULLY_RANDOM = "return { a: Math.random(), b: crypto.randomUUID() };";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

async function runCalibrated(oldBody: string, newBody: string, extraConfig = "") {
  const created = makeWorkspace({
    "inputs.jsonl": jsonl(records),
    "old.mjs": workerComponent(oldBody),
    "new.mjs": workerComponent(newBody),
    "twinrun.config.yaml": `input: { path: inputs.jsonl, sample: all }
old: { command: node old.mjs, mode: worker }
new: { command: node new.mjs, mode: worker }
calibrate: true
${extraConfig}`,
  });
  cleanups.push(created.cleanup);
  const result = await runCli(["run", "--json", "report.json"], { cwd: created.dir });
  const reportPath = path.join(created.dir, "report.json");
  let report: RecordsReport | undefined;
  try {
    report = JSON.parse(readFileSync(reportPath, "utf8"));
  } catch {
    report = undefined;
  }
  const calibration = report?.calibration ?? {
    trials: 0,
    indices: [],
    margin: 0,
    level: 0,
    noiseTrials: 0,
    paths: [],
  };
  return { ...result, report: report as RecordsReport, calibration, dir: created.dir };
}

describe("twinrun run with calibrate", () => {
  it("reports only the real change, and lists the three noisy paths with their figures", async () => {
    const { exitCode, report, calibration, stdout } = await runCalibrated(OLD, NEW_CHANGED);
    expect(exitCode).toBe(1);
    // The terminal lists old's own noise first, then what changed beyond it.
    const noisyAt = stdout.indexOf("Noisy paths (old differs from itself here)");
    expect(noisyAt).toBeGreaterThan(0);
    expect(stdout.indexOf("Changed paths")).toBeGreaterThan(noisyAt);
    expect(stdout).toMatch(/^request_id +50\/50 \(100%\) +value×50 +noise 200 +--ignore\b/m);
    expect(report.summary.changed).toBe(3);
    expect(report.paths.map((stats) => stats.path)).toEqual(["bucket"]);
    expect(report.paths[0].exampleIndices).toEqual([7, 70, 140]);
    const noisy = calibration.paths;
    expect(noisy.map((path) => path.path).sort()).toEqual(["generated_at", "request_id", "score"]);
    expect(calibration.trials).toBe(50);
    const score = noisy.find((path) => path.path === "score")!;
    expect(score.kinds).toEqual({ value: expect.any(Number) });
    expect(score.maxRel).toBeGreaterThan(1e-9);
    expect(score.maxRel).toBeLessThan(1e-5);
    expect(score.flag).toMatch(/^--tol score=rel:\d(e-\d+)?/);
    expect(score.run.beyond).toBe(0);
    const id = noisy.find((path) => path.path === "request_id")!;
    expect(id).toMatchObject({ differed: 50, compared: 50, flag: "--ignore request_id" });
    expect(id.run).toMatchObject({ differed: 200, noise: 200, beyond: 0, rateBeyond: false });
  });

  it("passes when the only differences are old's own noise", async () => {
    const { exitCode, report, calibration } = await runCalibrated(OLD, OLD);
    expect(exitCode).toBe(0);
    expect(report.verdict).toBe("equivalent");
    expect(report.summary.changed).toBe(0);
    expect(calibration.noiseTrials).toBe(200);
  });

  it("fails on a noisy path whose new difference is of a kind old never showed", async () => {
    const { exitCode, report } = await runCalibrated(OLD, NEW_TIMESTAMP_TYPE);
    expect(exitCode).toBe(1);
    expect(report.paths.map((stats) => stats.path)).toEqual(["generated_at"]);
    expect(report.paths[0].kinds).toEqual({ type: 200 });
  });

  it("writes the rules that replace the calibration into the config, and the next run passes with them alone", async () => {
    const created = makeWorkspace({
      "inputs.jsonl": jsonl(records.slice(0, 60)),
      "old.mjs": workerComponent(OLD),
      "new.mjs": workerComponent(OLD),
      "twinrun.config.yaml": `# our run
input: { path: inputs.jsonl, sample: all }
old: { command: node old.mjs, mode: worker }
new: { command: node new.mjs, mode: worker }
compare:
  rules:
    - { path: bucket, trim: true }
`,
    });
    cleanups.push(created.cleanup);
    const uncalibrated = await runCli(["run", "--no-save"], { cwd: created.dir });
    expect(uncalibrated.exitCode).toBe(1);
    const calibrated = await runCli(
      ["run", "--no-save", "--calibrate", "20", "--write-calibration", "twinrun.config.yaml"],
      { cwd: created.dir },
    );
    expect(calibrated.exitCode).toBe(0);
    expect(calibrated.stderr).toContain("twinrun: calibrating: old runs twice on 20 inputs");
    expect(calibrated.stderr).toContain("wrote 3 calibration rule(s) to twinrun.config.yaml");
    const written = readFileSync(path.join(created.dir, "twinrun.config.yaml"), "utf8");
    expect(written).toContain("# our run");
    expect(written).toContain("- { path: bucket, trim: true }");
    expect(written).toMatch(
      /# request_id: old vs old differed on 20 of 20 inputs \(value\); calibrated on 20\n\s+- \{ path: request_id, ignore: true \}/,
    );
    expect(written).toMatch(/- \{ path: score, tolerance: \{ rel: [\d.e-]+ \} \}/);
    const withRules = await runCli(["run", "--no-save"], { cwd: created.dir });
    expect(withRules.exitCode).toBe(0);
  });

  it("refuses a component that differs from itself on every path and input", async () => {
    const { exitCode, stderr, report } = await runCalibrated(FULLY_RANDOM, FULLY_RANDOM);
    expect(exitCode).toBe(2);
    expect(stderr).toContain("old is not deterministic with itself");
    expect(stderr).toMatch(/every input and every path \(input #\d+: a, b\)/);
    expect(report).toBeUndefined();
  });
});
