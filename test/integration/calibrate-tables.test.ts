// Calibration of table runs end to end: a real batch step (dataset mode) and a real pandas
// function (the dataframe style) whose tables differ from themselves (a random id column, a
// timestamp column, float32 sums in a random order), run through the CLI.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { TablesReport } from "../../src/report/types.ts";
import { describeWithPandas, PANDAS_PYTHON } from "../fixtures/python/python-env.ts";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

const records = Array.from({ length: 200 }, (_, i) => ({ id: i, x: 1 + (i % 17) * 0.731, tier: i % 5 }));
const CHANGED_IDS = [7, 70, 140];

// A batch step: JSONL in, JSONL out; its variant is the third argument.
const STEP = `import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
const [input, output, variant] = process.argv.slice(2);
const rows = readFileSync(input, "utf8").split("\\n").filter(Boolean).map((line) => JSON.parse(line));
const out = rows.map((row) => {
  if (variant === "fully-random") return { id: row.id, a: Math.random(), b: randomUUID() };
  if (variant === "random-key") return { id: randomUUID(), x: row.x };
  // A sum of 200 float32 terms in a random order: about 1e-7 relative noise.
  const terms = Array.from({ length: 200 }, (_, k) => Math.fround(row.x + k * 0.3719));
  for (let i = terms.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [terms[i], terms[j]] = [terms[j], terms[i]];
  }
  let score = 0;
  for (const term of terms) score = Math.fround(score + term);
  const micros = String(process.hrtime.bigint() % 1000000n).padStart(6, "0");
  const generated_at =
    variant === "ts-number" ? Date.now() : new Date().toISOString().slice(0, 19) + "." + micros + "Z";
  const changed = variant === "changed" && ${JSON.stringify(CHANGED_IDS)}.includes(row.id);
  const bucket = changed ? "mid" : row.tier > 2 ? "high" : "low";
  return { id: row.id, score, generated_at, request_id: randomUUID(), bucket };
});
writeFileSync(output, out.map((row) => JSON.stringify(row) + "\\n").join(""));
`;

// The same table from pandas; SystemRandom and uuid4 are not seeded by the worker's TWINRUN_SEED.
const FRAMES = `import random, time, uuid
from datetime import datetime, timezone
import numpy as np
import pandas as pd

_rng = random.SystemRandom()


def _score(x):
    terms = [np.float32(x + k * 0.3719) for k in range(200)]
    _rng.shuffle(terms)
    total = np.float32(0)
    for term in terms:
        total = np.float32(total + term)
    return float(total)


def _table(df, timestamp, bucket):
    return pd.DataFrame({
        "id": df["id"],
        "score": [_score(x) for x in df["x"]],
        "generated_at": [timestamp() for _ in range(len(df))],
        "request_id": [str(uuid.uuid4()) for _ in range(len(df))],
        "bucket": bucket,
    })


def _now():
    return datetime.now(timezone.utc).isoformat()


def _bucket(df):
    return np.where(df["tier"] > 2, "high", "low")


def old(df):
    return _table(df, _now, _bucket(df))


def changed(df):
    bucket = np.where(df["id"].isin(${JSON.stringify(CHANGED_IDS)}), "mid", _bucket(df))
    return _table(df, _now, bucket)


def ts_number(df):
    return _table(df, time.time_ns, _bucket(df))


def fully_random(df):
    return pd.DataFrame({"id": df["id"], "a": [_rng.random() for _ in range(len(df))], "b": [str(uuid.uuid4()) for _ in range(len(df))]})
`;

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function workspace(): string {
  const created = makeWorkspace({ "inputs.jsonl": jsonl(records), "step.mjs": STEP, "frames.py": FRAMES });
  cleanups.push(created.cleanup);
  return created.dir;
}

type Style = "dataset" | "dataframe";

/** The old and new component flags of each style, for a variant of new. */
function sidesOf(style: Style, oldVariant: string, newVariant: string): string[] {
  if (style === "dataset") {
    const step = (variant: string) => `node step.mjs {input} {output} ${variant}`;
    return ["--old", step(oldVariant), "--new", step(newVariant), "--mode", "dataset"];
  }
  const fn = (variant: string) => `py:frames:${variant.replace("-", "_")}`;
  return ["--old", fn(oldVariant), "--new", fn(newVariant), "--style", "dataframe", "--batch-size", "50"];
}

async function runCalibrated(style: Style, oldVariant: string, newVariant: string, extra: string[] = []) {
  const dir = workspace();
  const result = await runInProcess(
    [
      "run",
      ...sidesOf(style, oldVariant, newVariant),
      "-i",
      "inputs.jsonl",
      "-n",
      "all",
      "--key",
      "id",
      "--calibrate",
      "--no-save",
      "--json",
      "report.json",
      ...extra,
    ],
    { cwd: dir, env: { TWINRUN_PYTHON: PANDAS_PYTHON } },
  );
  const read = (): TablesReport => JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8"));
  return { ...result, read, dir };
}

function describeStyle(style: Style, name: string, suite: typeof describe | typeof describeWithPandas) {
  suite(name, () => {
    it("reports only the real change in another column, and lists the three noisy columns first", async () => {
      const result = await runCalibrated(style, "old", "changed");
      expect(result.stderr).toContain("twinrun: calibrating: old runs twice on 200 inputs");
      expect(result.exitCode).toBe(1);
      const report = result.read();
      expect(report.summary).toMatchObject({ trials: 200, changed: 3 });
      expect(report.paths.map((stats) => stats.path)).toEqual(["bucket"]);
      expect(report.table?.columns.filter((column) => column.changed > 0)).toEqual([
        expect.objectContaining({ column: "bucket", changed: 3 }),
      ]);
      const calibration = report.calibration!;
      expect(calibration.trials).toBe(200);
      expect(calibration.noiseTrials).toBe(197);
      const noisy = new Map(calibration.paths.map((noisyPath) => [noisyPath.path, noisyPath]));
      expect([...noisy.keys()].sort()).toEqual(["generated_at", "request_id", "score"]);
      expect(noisy.get("request_id")).toMatchObject({
        differed: 200,
        compared: 200,
        kinds: { value: 200 },
        flag: "--ignore request_id",
        run: { differed: 200, beyond: 0, rateBeyond: false },
      });
      const score = noisy.get("score")!;
      expect(score.kinds).toEqual({ value: expect.any(Number) });
      expect(score.maxRel).toBeGreaterThan(1e-9);
      expect(score.maxRel).toBeLessThan(1e-5);
      expect(score.flag).toMatch(/^--tol score=rel:[\d.e-]+$/);
      expect(score.run.beyond).toBe(0);
      // The terminal shows old's own noise before what changed beyond it.
      const noisyAt = result.stdout.indexOf("Noisy columns (old differs from itself here)");
      expect(noisyAt).toBeGreaterThan(0);
      expect(result.stdout.indexOf("Columns")).toBeGreaterThan(noisyAt);
      expect(result.stdout).toMatch(/^request_id +200\/200 +value×200 +noise 200 +--ignore\b/m);
    }, 120_000);

    it("passes when new differs from old only by old's own noise", async () => {
      const result = await runCalibrated(style, "old", "old");
      expect(result.exitCode).toBe(0);
      const report = result.read();
      expect(report.verdict).toBe("equivalent");
      expect(report.summary).toMatchObject({ trials: 200, changed: 0, same: 200 });
      expect(report.calibration?.noiseTrials).toBe(200);
    }, 120_000);

    it("fails on the timestamp column when new changes its type, a kind old never showed", async () => {
      const result = await runCalibrated(style, "old", "ts-number");
      expect(result.exitCode).toBe(1);
      const report = result.read();
      expect(report.paths.map((stats) => stats.path)).toEqual(["generated_at"]);
      expect(report.paths[0].kinds).toEqual({ type: 200 });
      expect(report.table?.schema.typeChanges).toEqual([
        expect.objectContaining({ column: "generated_at", old: "string" }),
      ]);
    }, 120_000);

    it("refuses an old that differs from itself on every row and column, with one clear error", async () => {
      const result = await runCalibrated(style, "fully-random", "fully-random");
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(
        /^twinrun: .* is not deterministic with itself: run twice on the same 200 record\(s\), its tables differed on every one of the 200 matched rows in every column \(a, b\); /m,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }, 120_000);
  });
}

describeStyle("dataset", "dataset mode with --calibrate", describe);
describeStyle("dataframe", "the dataframe style with --calibrate", describeWithPandas);

describe("dataset mode calibration, more", () => {
  it("refuses an old whose key column changes from run to run: no row matches itself", async () => {
    const result = await runCalibrated("dataset", "random-key", "random-key");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      "is not deterministic with itself: run twice on the same 200 record(s), no row of its second table matched its first by key (id): the key columns change from run to run;",
    );
  }, 120_000);

  it("writes the noisy columns' rules, and the next run passes with them alone", async () => {
    const result = await runCalibrated("dataset", "old", "old", ["--write-calibration", "rules.yaml"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain("wrote 3 calibration rule(s) to rules.yaml");
    const written = readFileSync(path.join(result.dir, "rules.yaml"), "utf8");
    expect(written).toMatch(
      /# request_id: old vs old differed on 200 of 200 rows \(value\); calibrated on 200 records\n\s+- \{ path: request_id, ignore: true \}/,
    );
    const rerun = await runInProcess(
      [
        "run",
        ...sidesOf("dataset", "old", "old"),
        "-c",
        "rules.yaml",
        "-i",
        "inputs.jsonl",
        "-n",
        "all",
        "--key",
        "id",
        "--no-save",
      ],
      { cwd: result.dir },
    );
    expect(rerun.exitCode).toBe(0);
  }, 120_000);

  it("calibrates on a seeded subset with --calibrate n, running old twice on it", async () => {
    const result = await runCalibrated("dataset", "old", "changed", ["--calibrate", "40"]);
    expect(result.exitCode).toBe(1);
    const report = result.read();
    expect(report.calibration?.trials).toBe(40);
    expect(report.calibration?.indices).toHaveLength(40);
    expect(report.paths.map((stats) => stats.path)).toEqual(["bucket"]);
  }, 120_000);
});
