// Benchmark of the comparator's hot path against Node's floor (reading two JSONL files and
// JSON.parse of every line). Run: npx tsx bench/compare.ts [--records 100000[,1000000]]
// Each measurement runs in its own child process, so its peak RSS is its own.
import { fork } from "node:child_process";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createComparator } from "../src/compare/comparator.ts";
import { resolveCompareOptions } from "../src/compare/options.ts";
import { createRandom } from "../src/inputs/random.ts";

type Mode = "floor" | "twinrun";

interface Measurement {
  mode: Mode;
  records: number;
  changed: number;
  seconds: number;
  maxRssMb: number;
}

const FEATURES = 30;
const EMBEDDING = 16;
const CHANGE_RATE = 0.005;
const NOISE = 1e-12;
const NEWLINE = 0x0a;
const TAGS = ["fresh", "promo", "weekend", "mobile", "returning", "eu", "us", "vip"];

/** Why: the parent generates data, runs each measurement in a child, prints the table and checks the count. */
async function main(): Promise<void> {
  const sizes = readSizes(process.argv.slice(2));
  const folder = await mkdtemp(join(tmpdir(), "twinrun-bench-"));
  let failed = false;
  try {
    for (const records of sizes) {
      const oldPath = join(folder, `old-${records}.jsonl`);
      const newPath = join(folder, `new-${records}.jsonl`);
      const injected = await generatePair(oldPath, newPath, records);
      const floor = await measureInChild("floor", oldPath, newPath);
      const twinrun = await measureInChild("twinrun", oldPath, newPath);
      const ratio = twinrun.seconds / floor.seconds;
      console.log(`\n${records.toLocaleString("en")} records (${injected} real changes injected)`);
      for (const m of [floor, twinrun]) {
        const rate = Math.round(m.records / m.seconds).toLocaleString("en");
        console.log(
          `  ${m.mode.padEnd(8)} ${rate.padStart(10)} records/s  ${m.seconds.toFixed(2)} s  peak RSS ${m.maxRssMb.toFixed(0)} MB`,
        );
      }
      console.log(
        `  twinrun / floor: ${ratio.toFixed(2)}x time (target <= 3x); changed records found: ${twinrun.changed}`,
      );
      if (twinrun.changed !== injected || twinrun.records !== records) {
        console.error(
          `  MISMATCH: expected ${injected} changed records of ${records}, found ${twinrun.changed} of ${twinrun.records}`,
        );
        failed = true;
      }
      await Promise.all([rm(oldPath), rm(newPath)]);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

function readSizes(args: string[]): number[] {
  const at = args.indexOf("--records");
  if (at < 0) return [100_000, 1_000_000];
  const sizes = (args[at + 1] ?? "").split(",").map(Number);
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new Error(
      `--records: expected a whole number (or a comma list), got ${JSON.stringify(args[at + 1])}`,
    );
  }
  return sizes;
}

/** Writes old/new JSONL; returns how many new records carry a real change (beyond float noise). */
async function generatePair(oldPath: string, newPath: string, records: number): Promise<number> {
  const random = createRandom(42).nextFloat;
  const oldOut = createWriteStream(oldPath);
  const newOut = createWriteStream(newPath);
  let oldBuffer = "";
  let newBuffer = "";
  let injected = 0;
  for (let id = 0; id < records; id++) {
    const features: Record<string, number> = {};
    for (let f = 0; f < FEATURES; f++) features[`f${f}`] = (random() - 0.5) * 10 ** ((f % 7) - 2);
    const embedding = Array.from({ length: EMBEDDING }, () => random() * 2 - 1);
    const tags = TAGS.filter(() => random() < 0.4);
    const oldRecord = {
      id,
      features,
      embedding,
      tags,
      generated_at: new Date(1.7e12 + id * 1000).toISOString(),
    };
    const noisy = (value: number) => value * (1 + (random() - 0.5) * 2 * NOISE);
    const newFeatures = Object.fromEntries(
      Object.entries(features).map(([name, value]) => [name, noisy(value)]),
    );
    const newRecord = {
      id,
      features: newFeatures,
      embedding: embedding.map(noisy),
      tags: [...tags].reverse(),
      generated_at: new Date(1.8e12 + id * 1000).toISOString(),
    };
    if (random() < CHANGE_RATE) {
      injected++;
      const kind = injected % 3;
      if (kind === 0) newFeatures.f3 = features.f3 * 1.1 + 1e-3;
      else if (kind === 1) newRecord.embedding[7] += 0.01;
      else newRecord.tags.push("changed");
    }
    oldBuffer += `${JSON.stringify(oldRecord)}\n`;
    newBuffer += `${JSON.stringify(newRecord)}\n`;
    if (oldBuffer.length > 1 << 20) {
      await Promise.all([write(oldOut, oldBuffer), write(newOut, newBuffer)]);
      oldBuffer = "";
      newBuffer = "";
    }
  }
  await Promise.all([write(oldOut, oldBuffer), write(newOut, newBuffer)]);
  await Promise.all([closeStream(oldOut), closeStream(newOut)]);
  return injected;
}

async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

async function closeStream(stream: NodeJS.WritableStream): Promise<void> {
  stream.end();
  await once(stream, "finish");
}

function measureInChild(mode: Mode, oldPath: string, newPath: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ["--child", mode, oldPath, newPath]);
    child.once("message", (message) => resolve(message as Measurement));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`${mode} measurement exited with code ${code}`));
    });
  });
}

/** Why: the child measures one mode; the floor only parses, twinrun compares every pair of lines. */
async function runChild(mode: Mode, oldPath: string, newPath: string): Promise<Measurement> {
  const comparator = createComparator(
    resolveCompareOptions({
      rules: [
        { path: "generated_at", ignore: true },
        { path: "tags", unordered: true },
      ],
    }),
  );
  const started = performance.now();
  let records = 0;
  let changed = 0;
  const oldLines = readLines(oldPath);
  const newLines = readLines(newPath);
  for (;;) {
    const [oldLine, newLine] = await Promise.all([oldLines.next(), newLines.next()]);
    if (oldLine.done || newLine.done) break;
    for (let i = 0; i < oldLine.value.length; i++) {
      records++;
      if (mode === "floor") {
        JSON.parse(oldLine.value[i]);
        JSON.parse(newLine.value[i]);
      } else if (comparator.compareTexts(oldLine.value[i], newLine.value[i]).differences.length > 0) {
        changed++;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { mode, records, changed, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

/**
 * Batches of lines, a fixed number per batch, so two files stay in step. Splits raw 1 MB buffers
 * on newline bytes and decodes each line once: a utf8-decoding stream or readline is slower
 * than the parsing it feeds.
 */
async function* readLines(path: string, batchSize = 1024): AsyncGenerator<string[]> {
  let carry: Buffer | null = null;
  let batch: string[] = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buffer: Buffer = carry === null ? (chunk as Buffer) : Buffer.concat([carry, chunk as Buffer]);
    let start = 0;
    for (let end = buffer.indexOf(NEWLINE); end >= 0; end = buffer.indexOf(NEWLINE, start)) {
      batch.push(buffer.toString("utf8", start, end));
      start = end + 1;
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
    carry = start < buffer.length ? buffer.subarray(start) : null;
  }
  if (carry !== null) batch.push(carry.toString("utf8"));
  if (batch.length > 0) yield batch;
}

if (process.argv[2] === "--child") {
  const [, , , mode, oldPath, newPath] = process.argv;
  runChild(mode as Mode, oldPath, newPath).then(
    (measurement) => process.send?.(measurement, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  await main();
}
