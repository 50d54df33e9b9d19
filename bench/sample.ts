// Benchmark: sampling 500 records from a generated JSONL file (1,000,000 lines, ~188 MB; set
// TWINRUN_BENCH_SAMPLE_MB=1024 for the 1 GB memory check), side by side in one run with what a
// user would otherwise do: read the file line by line (node:readline), and read it and JSON.parse
// every line. Targets: `random` within 2× of the line-by-line read, `cover` within 2× of the read
// and parse, and peak RSS bounded by the sample, not the file. Each pass runs in its own process.
// Exits 1 when a target is missed. Run: npx tsx bench/sample.ts
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { loadSample } from "../src/inputs/sample.ts";

const LINE_BYTES = 188;
const TARGET_MB = Number(process.env.TWINRUN_BENCH_SAMPLE_MB ?? 179);
const LINES = Math.round((TARGET_MB * 1024 * 1024) / LINE_BYTES);
const SAMPLE_SIZE = 500;
const RSS_BUDGET_MB = 200;
const LINES_PER_WRITE = 10_000;
const MAX_RATIO = 2;
const ROUNDS = Number(process.env.TWINRUN_BENCH_ROUNDS ?? 3);

/** Why: a realistic ~190-byte record with ints, floats, a big id, strings and a nested array. */
function makeLine(i: number): string {
  const id = `${90071992547409930n + BigInt(i)}`;
  const score = ((i * 7919) % 100_000) / 1000;
  return (
    `{"id": ${id}, "user": "user-${i % 50_000}", "country": "${["de", "fr", "us", "jp"][i % 4]}", ` +
    `"score": ${score.toFixed(3)}, "ratio": 1.0, "tags": ["a${i % 7}", "b${i % 11}"], ` +
    `"features": [${(i % 13) / 10}, ${(i % 17) / 10}, ${(i % 19) / 10}], "note": "padding-padding-padding-padding-padding"}`
  );
}

/** Why: writes the file in batches, honouring backpressure, so generation itself stays small. */
async function writeInput(path: string): Promise<void> {
  const out = createWriteStream(path);
  for (let start = 0; start < LINES; start += LINES_PER_WRITE) {
    let batch = "";
    for (let i = start; i < Math.min(LINES, start + LINES_PER_WRITE); i += 1) batch += `${makeLine(i)}\n`;
    if (!out.write(batch)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

type Pass = "read-lines" | "read-parse" | "random" | "cover";

interface PassRun {
  records: number;
  elapsedMs: number;
  peakRssMb: number;
}

/** Why: the measured part, one pass alone in a fresh process. */
async function runPass(pass: Pass, path: string): Promise<PassRun> {
  const startedMs = performance.now();
  let records = 0;
  if (pass === "read-lines" || pass === "read-parse") {
    const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (pass === "read-parse") JSON.parse(line);
      records += 1;
    }
  } else {
    const sample = await loadSample({
      path,
      size: SAMPLE_SIZE,
      strategy: pass,
      seed: 1,
      csvStrings: false,
      onBadInput: "fail",
    });
    if (sample.identity.totalRecords !== LINES)
      throw new Error(`expected ${LINES} records, got ${sample.identity.totalRecords}`);
    records = sample.records.length;
  }
  return {
    records,
    elapsedMs: performance.now() - startedMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "twinrun-bench-"));
  try {
    const path = join(dir, "big.jsonl");
    await writeInput(path);
    const fileMb = statSync(path).size / 1024 / 1024;
    const self = fileURLToPath(import.meta.url);
    // Passes interleave over rounds and each keeps its fastest: a shared machine's load then
    // slows all four alike instead of whichever happened to run during a spike.
    const runs = {} as Record<Pass, PassRun>;
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const pass of ["read-lines", "read-parse", "random", "cover"] as const) {
        const output = execFileSync(process.execPath, [...process.execArgv, self, "--pass", pass, path], {
          encoding: "utf8",
        });
        const run = JSON.parse(output) as PassRun;
        const best = runs[pass] as PassRun | undefined;
        runs[pass] =
          best === undefined
            ? run
            : {
                ...run,
                elapsedMs: Math.min(best.elapsedMs, run.elapsedMs),
                peakRssMb: Math.max(best.peakRssMb, run.peakRssMb),
              };
      }
    }
    console.log(
      `input:     ${LINES.toLocaleString("en")} lines, ${fileMb.toFixed(1)} MB; sample ${SAMPLE_SIZE}, seed 1; fastest of ${ROUNDS} rounds`,
    );
    for (const [pass, run] of Object.entries(runs)) {
      const seconds = run.elapsedMs / 1000;
      console.log(
        `${pass.padEnd(11)}${seconds.toFixed(2).padStart(7)} s  ${(fileMb / seconds).toFixed(0).padStart(4)} MB/s  peak RSS ${run.peakRssMb.toFixed(0)} MB`,
      );
    }
    const randomRatio = runs.random.elapsedMs / runs["read-lines"].elapsedMs;
    const coverRatio = runs.cover.elapsedMs / runs["read-parse"].elapsedMs;
    console.log(
      `ratios:    random / read-lines ${randomRatio.toFixed(2)}×, cover / read-parse ${coverRatio.toFixed(2)}× (targets ≤ ${MAX_RATIO}×)`,
    );
    const failures: string[] = [];
    if (runs.random.records !== SAMPLE_SIZE || runs.cover.records !== SAMPLE_SIZE)
      failures.push("a sample does not have the expected size");
    if (randomRatio > MAX_RATIO) failures.push(`random is ${randomRatio.toFixed(2)}× the line-by-line read`);
    if (coverRatio > MAX_RATIO) failures.push(`cover is ${coverRatio.toFixed(2)}× the read and parse`);
    for (const pass of ["random", "cover"] as const) {
      if (runs[pass].peakRssMb > RSS_BUDGET_MB)
        failures.push(`${pass} peak RSS ${runs[pass].peakRssMb.toFixed(0)} MB is over ${RSS_BUDGET_MB} MB`);
    }
    if (failures.length > 0) {
      for (const failure of failures) console.error(`FAIL: ${failure}`);
      process.exitCode = 1;
    } else {
      console.log(
        `ok:        both ratios within ${MAX_RATIO}×, peak RSS within the ${RSS_BUDGET_MB} MB budget`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--pass") {
  process.stdout.write(JSON.stringify(await runPass(process.argv[3] as Pass, process.argv[4])));
} else {
  await main();
}
