// Benchmark: random-sample 500 records from a generated 1,000,000-line JSONL file (~200 bytes a
// line) and check that memory stays bounded by the sample, not the file. Exits 1 when the peak
// RSS passes the budget. Run: npx tsx bench/sample.ts
// The sampling runs in a child process, so its peak RSS is not inflated by generating the file.
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSample } from "../src/inputs/sample.ts";

const LINES = 1_000_000;
const SAMPLE_SIZE = 500;
const RSS_BUDGET_MB = 200;
const LINES_PER_WRITE = 10_000;

/** Why: a realistic ~200-byte record with ints, floats, a big id, strings and a nested array. */
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

interface SampleRun {
  records: number;
  totalRecords: number;
  elapsedMs: number;
  peakRssMb: number;
}

/** Why: the measured part, run alone in a fresh process. */
async function runSampling(path: string): Promise<SampleRun> {
  const startedMs = performance.now();
  const sample = await loadSample({
    path,
    size: SAMPLE_SIZE,
    strategy: "random",
    seed: 1,
    csvStrings: false,
    onBadInput: "fail",
  });
  return {
    records: sample.records.length,
    totalRecords: sample.identity.totalRecords,
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
    const output = execFileSync(process.execPath, [...process.execArgv, self, "--sample-only", path], {
      encoding: "utf8",
    });
    const run = JSON.parse(output) as SampleRun;

    console.log(`input:     ${LINES.toLocaleString("en")} lines, ${fileMb.toFixed(1)} MB`);
    console.log(`sample:    ${run.records} of ${run.totalRecords} records (random, seed 1)`);
    console.log(
      `elapsed:   ${(run.elapsedMs / 1000).toFixed(2)} s (${(fileMb / (run.elapsedMs / 1000)).toFixed(0)} MB/s)`,
    );
    console.log(`peak RSS:  ${run.peakRssMb.toFixed(1)} MB (whole sampling process)`);
    if (run.records !== SAMPLE_SIZE || run.totalRecords !== LINES) {
      console.error("FAIL: the sample does not have the expected size");
      process.exitCode = 1;
    } else if (run.peakRssMb > RSS_BUDGET_MB) {
      console.error(`FAIL: peak RSS ${run.peakRssMb.toFixed(1)} MB is over the ${RSS_BUDGET_MB} MB budget`);
      process.exitCode = 1;
    } else {
      console.log(`ok:        peak RSS within the ${RSS_BUDGET_MB} MB budget`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--sample-only") {
  process.stdout.write(JSON.stringify(await runSampling(process.argv[3])));
} else {
  await main();
}
