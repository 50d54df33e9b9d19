// Benchmark: `twinrun diff old new --key id` on two N-row × 20-column tables, from CSV and from
// Parquet, against the same comparison written in pandas from the CSV pair
// (bench/pandas_table_diff.py), at two sizes (100,000 and 1,000,000 rows). Each tool runs as its
// own process; prints wall time, peak RSS, twinrun's time as a share of pandas', the machine's
// load, and warns when the tools (or the changes injected into new) disagree on any column.
// Run: npx tsx bench/table-diff.ts   (TWINRUN_BENCH_ROWS=100000 or =100000,1000000 picks sizes;
// the files are cached under $TWINRUN_BENCH_CACHE or the temp folder; TWINRUN_PYTHON names a
// python with pandas)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureTableDiffData, type TableDiffData } from "./table-diff-data.ts";
import { ensureParquetPair } from "./table-diff-parquet.ts";

const SIZES = (process.env.TWINRUN_BENCH_ROWS ?? "100000,1000000").split(",").map(Number);
const PYTHON = process.env.TWINRUN_PYTHON ?? "/usr/bin/python3";
const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(HERE, "..", "bin", "twinrun.js");
const GNU_TIME = "/usr/bin/time";
const POLL_MS = 20;

/** What one tool found, in the same terms for both. */
interface Findings {
  tool: string;
  input: string;
  seconds: number;
  cpuSeconds?: number;
  peakMb: number;
  onlyOld: number;
  onlyNew: number;
  changedRows: Record<string, number>;
}

/** A tool that did not finish (a crash, out of memory) or could not run; the run goes on without it. */
interface Failed {
  tool: string;
  input: string;
  problem: string;
  seconds?: number;
  peakMb?: number;
}

type ToolResult = Findings | Failed;

interface Measured {
  status: number | null;
  /** User plus system time of the process and its threads: what the tool costs whatever else runs. */
  cpuSeconds?: number;
  stdout: string;
  stderr: string;
  seconds: number;
  peakMb: number;
}

/** Why: wall time and the whole process's peak RSS, by GNU time when present, else by polling VmHWM. */
async function measure(command: string, args: string[], cwd: string): Promise<Measured> {
  if (existsSync(GNU_TIME)) {
    const startedMs = performance.now();
    const result = spawnSync(GNU_TIME, ["-f", "TWINRUN_MAXRSS_KB=%M TWINRUN_CPU_S=%U+%S", command, ...args], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      maxBuffer: 256 * 1024 * 1024,
    });
    const seconds = (performance.now() - startedMs) / 1000;
    const measured = /TWINRUN_MAXRSS_KB=(\d+) TWINRUN_CPU_S=([\d.]+)\+([\d.]+)\s*$/.exec(result.stderr);
    const peakKb = Number(measured?.[1] ?? Number.NaN);
    const cpuSeconds = Number(measured?.[2] ?? Number.NaN) + Number(measured?.[3] ?? Number.NaN);
    const stderr = result.stderr.replace(/TWINRUN_MAXRSS_KB=.*\s*$/, "");
    return {
      status: result.status,
      stdout: result.stdout,
      stderr,
      seconds,
      cpuSeconds,
      peakMb: peakKb / 1024,
    };
  }
  return measureByPolling(command, args, cwd);
}

/** Why: VmHWM is the process's own high-water mark; the last reading before exit is its peak. */
async function measureByPolling(command: string, args: string[], cwd: string): Promise<Measured> {
  const startedMs = performance.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: "1" } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let peakKb = 0;
  const poll = setInterval(() => {
    const status = readFileOrEmpty(`/proc/${child.pid}/status`);
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    peakKb = Math.max(peakKb, kb);
  }, POLL_MS);
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(poll);
  return { status, stdout, stderr, seconds: (performance.now() - startedMs) / 1000, peakMb: peakKb / 1024 };
}

function readFileOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Why: the real CLI, as a user runs it, in a folder without a config file. */
async function runTwinrun(
  files: { oldPath: string; newPath: string },
  input: string,
  dir: string,
): Promise<ToolResult> {
  const tool = "twinrun diff";
  const reportPath = path.join(dir, "report.json");
  // The comparator's default tolerance (abs 1e-12, rel 1e-9) is the pandas script's.
  const args = [CLI, "diff", files.oldPath, files.newPath, "--key", "id", "--json", reportPath, "--no-save"];
  const run = await measure(process.execPath, args, dir);
  if (run.status !== 1) return failedRun(tool, input, run, "expected exit 1");
  const report = JSON.parse(await readFile(reportPath, "utf8"));
  return { tool, input, ...timesOf(run), ...readTwinrunReport(report) };
}

function timesOf(run: Measured): Pick<Findings, "seconds" | "cpuSeconds" | "peakMb"> {
  return {
    seconds: run.seconds,
    ...(run.cpuSeconds !== undefined && { cpuSeconds: run.cpuSeconds }),
    peakMb: run.peakMb,
  };
}

/** Why: a failed run still has a time and a peak worth printing, and a reason worth a line. */
function failedRun(tool: string, input: string, run: Measured, expected: string): Failed {
  const reason =
    /FATAL ERROR: ([^\n]+)/.exec(run.stderr)?.[1] ?? run.stderr.trim().split("\n").slice(-3).join(" | ");
  const problem = `exited ${run.status ?? "by a signal"} (${expected}): ${reason}`;
  return { tool, input, problem, seconds: run.seconds, peakMb: run.peakMb };
}

type TwinrunCounts = Pick<Findings, "onlyOld" | "onlyNew" | "changedRows">;

/** Why: table reports count per column; record reports (before tables) count per path, one-sided rows at `$`. */
function readTwinrunReport(report: {
  table?: { rows: { onlyOld: number; onlyNew: number }; columns: { column: string; changed: number }[] };
  paths: { path: string; changed: number; kinds: Record<string, number> }[];
}): TwinrunCounts {
  if (report.table !== undefined) {
    const changedRows = Object.fromEntries(
      report.table.columns.filter((stats) => stats.changed > 0).map((stats) => [stats.column, stats.changed]),
    );
    return { onlyOld: report.table.rows.onlyOld, onlyNew: report.table.rows.onlyNew, changedRows };
  }
  const root = report.paths.find((stats) => stats.path === "$");
  const changedRows = Object.fromEntries(
    report.paths.filter((stats) => stats.path !== "$").map((stats) => [stats.path, stats.changed]),
  );
  return { onlyOld: root?.kinds.removed ?? 0, onlyNew: root?.kinds.added ?? 0, changedRows };
}

async function runPandas(data: TableDiffData, dir: string): Promise<ToolResult> {
  const tool = "pandas";
  const input = "CSV";
  const probe = spawnSync(PYTHON, ["-c", "import pandas, numpy"], { encoding: "utf8" });
  if (probe.status !== 0)
    return { tool, input, problem: `skipped: ${PYTHON} cannot import pandas and numpy (set TWINRUN_PYTHON)` };
  const script = path.join(HERE, "pandas_table_diff.py");
  const run = await measure(PYTHON, [script, data.oldPath, data.newPath, "id"], dir);
  if (run.status !== 0) return failedRun(tool, input, run, "expected exit 0");
  const result = JSON.parse(run.stdout) as Omit<Findings, "tool" | "input" | "seconds" | "peakMb">;
  return { tool, input, ...timesOf(run), ...result };
}

const sumOf = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/** Why: a benchmark that finds different things is not measuring the same work. */
function disagreements(expected: Findings | TableDiffData, found: Findings): string[] {
  const problems: string[] = [];
  const columns = new Set([...Object.keys(expected.changedRows), ...Object.keys(found.changedRows)]);
  for (const column of [...columns].sort()) {
    const want = expected.changedRows[column] ?? 0;
    const got = found.changedRows[column] ?? 0;
    if (want !== got) problems.push(`${column}: ${got} changed rows, expected ${want}`);
  }
  if (found.onlyOld !== expected.onlyOld)
    problems.push(`only in old: ${found.onlyOld}, expected ${expected.onlyOld}`);
  if (found.onlyNew !== expected.onlyNew)
    problems.push(`only in new: ${found.onlyNew}, expected ${expected.onlyNew}`);
  return problems;
}

function printTable(results: ToolResult[], baseline: ToolResult | undefined): void {
  const header = [
    "tool",
    "input",
    "seconds",
    "time vs pandas",
    "CPU s",
    "peak MB",
    "changed rows (Σ columns)",
    "only old / new",
  ];
  const baseSeconds = baseline !== undefined && !("problem" in baseline) ? baseline.seconds : undefined;
  const lines = results.map((result) => [
    result.tool,
    result.input,
    result.seconds?.toFixed(2) ?? "-",
    baseSeconds === undefined || result.seconds === undefined
      ? "-"
      : `${((100 * result.seconds) / baseSeconds).toFixed(0)}%`,
    "cpuSeconds" in result && result.cpuSeconds !== undefined ? result.cpuSeconds.toFixed(1) : "-",
    result.peakMb?.toFixed(0) ?? "-",
    "problem" in result ? "failed" : String(sumOf(result.changedRows)),
    "problem" in result ? "-" : `${result.onlyOld} / ${result.onlyNew}`,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  for (const line of [header, ...lines]) {
    console.log(
      line.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "),
    );
  }
}

/** The machine's load: other jobs on the same cores slow every tool, the multi-threaded one most. */
function loadNote(): string {
  const [one, five] = loadavg();
  return `load ${one.toFixed(1)} (5 min ${five.toFixed(1)}) on ${availableParallelism()} cores`;
}

async function benchSize(rows: number): Promise<boolean> {
  const generatedMs = performance.now();
  const data = await ensureTableDiffData(rows);
  const parquet = await ensureParquetPair(data);
  const megabytes = (file: string) => statSync(file).size / 1024 / 1024;
  console.log(
    `\ntable diff: ${rows.toLocaleString("en")} rows × ${data.columns.length} columns; CSV pair ` +
      `${(megabytes(data.oldPath) + megabytes(data.newPath)).toFixed(0)} MB, Parquet pair (zstd) ` +
      `${(megabytes(parquet.oldPath) + megabytes(parquet.newPath)).toFixed(0)} MB ` +
      `(ready in ${((performance.now() - generatedMs) / 1000).toFixed(1)} s; ${path.dirname(data.oldPath)})`,
  );
  console.log(
    `injected: ${sumOf(data.changedRows)} changed values in ${Object.keys(data.changedRows).length} columns, ` +
      `${data.noisyCells} cells with 1e-12 relative noise, ${data.onlyOld} rows dropped, ${data.onlyNew} added, rows shuffled in blocks`,
  );
  const dir = mkdtempSync(path.join(tmpdir(), "twinrun-bench-table-"));
  try {
    const loads: string[] = [];
    const timed = async (run: () => Promise<ToolResult>) => {
      loads.push(loadNote());
      return run();
    };
    const results = [
      await timed(() => runTwinrun(data, "CSV", dir)),
      await timed(() => runTwinrun(parquet, "Parquet", dir)),
      await timed(() => runPandas(data, dir)),
    ];
    console.log(`machine before each run: ${loads.join(" · ")}\n`);
    printTable(results, results[2]);
    for (const result of results) {
      if ("problem" in result) console.warn(`WARNING ${result.tool} (${result.input}): ${result.problem}`);
    }
    const findings = results.filter((result): result is Findings => !("problem" in result));
    let agree = !results.slice(0, 2).some((result) => "problem" in result);
    for (const found of findings) {
      for (const problem of disagreements(data, found)) {
        console.warn(`WARNING ${found.tool} (${found.input}): ${problem}`);
        agree = false;
      }
    }
    const pandas = findings.find((found) => found.tool === "pandas");
    for (const found of findings.filter((result) => result !== pandas)) {
      if (pandas === undefined) break;
      const problems = disagreements(pandas, found);
      for (const problem of problems)
        console.warn(`WARNING twinrun (${found.input}) vs pandas: ${problem.replace("expected", "pandas")}`);
      if (problems.length > 0) agree = false;
    }
    if (agree && pandas !== undefined)
      console.log("\nok: twinrun (CSV and Parquet) and pandas found the same changed rows in every column");
    return agree;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  let ok = true;
  for (const rows of SIZES) ok = (await benchSize(rows)) && ok;
  // twinrun failing or finding other things fails the benchmark; pandas missing is only reported.
  if (!ok) process.exitCode = 1;
}

await main();
