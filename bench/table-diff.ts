// Benchmark: `twinrun diff old.csv new.csv --key id` on two 1,000,000-row × 20-column CSV files,
// against the same comparison written in pandas (bench/pandas_table_diff.py). Each tool runs as
// its own process; prints wall time, peak RSS and changed rows found, and warns when the two
// tools (or the changes injected into new) disagree on the changed rows of any column.
// Run: npx tsx bench/table-diff.ts   (TWINRUN_BENCH_ROWS=100000 for a quick try; the files are
// cached under $TWINRUN_BENCH_CACHE or the temp folder; TWINRUN_PYTHON names a python with pandas)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureTableDiffData, type TableDiffData } from "./table-diff-data.ts";

const ROWS = Number(process.env.TWINRUN_BENCH_ROWS ?? 1_000_000);
const PYTHON = process.env.TWINRUN_PYTHON ?? "/usr/bin/python3";
const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(HERE, "..", "bin", "twinrun.js");
const GNU_TIME = "/usr/bin/time";
const POLL_MS = 20;

/** What one tool found, in the same terms for both. */
interface Findings {
  tool: string;
  seconds: number;
  peakMb: number;
  onlyOld: number;
  onlyNew: number;
  changedRows: Record<string, number>;
}

/** A tool that did not finish (a crash, out of memory) or could not run; the run goes on without it. */
interface Failed {
  tool: string;
  problem: string;
  seconds?: number;
  peakMb?: number;
}

type ToolResult = Findings | Failed;

interface Measured {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  peakMb: number;
}

/** Why: wall time and the whole process's peak RSS, by GNU time when present, else by polling VmHWM. */
async function measure(command: string, args: string[], cwd: string): Promise<Measured> {
  if (existsSync(GNU_TIME)) {
    const startedMs = performance.now();
    const result = spawnSync(GNU_TIME, ["-f", "TWINRUN_MAXRSS_KB=%M", command, ...args], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      maxBuffer: 256 * 1024 * 1024,
    });
    const seconds = (performance.now() - startedMs) / 1000;
    const peakKb = Number(/TWINRUN_MAXRSS_KB=(\d+)\s*$/.exec(result.stderr)?.[1] ?? Number.NaN);
    const stderr = result.stderr.replace(/TWINRUN_MAXRSS_KB=\d+\s*$/, "");
    return { status: result.status, stdout: result.stdout, stderr, seconds, peakMb: peakKb / 1024 };
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
async function runTwinrun(data: TableDiffData, dir: string): Promise<ToolResult> {
  const tool = "twinrun diff";
  const reportPath = path.join(dir, "report.json");
  // The comparator's default tolerance (abs 1e-12, rel 1e-9) is the pandas script's.
  const args = [CLI, "diff", data.oldPath, data.newPath, "--key", "id", "--json", reportPath, "--no-save"];
  const run = await measure(process.execPath, args, dir);
  if (run.status !== 1) return failedRun(tool, run, "expected exit 1");
  const report = JSON.parse(await readFile(reportPath, "utf8"));
  return { tool, seconds: run.seconds, peakMb: run.peakMb, ...readTwinrunReport(report) };
}

/** Why: a failed run still has a time and a peak worth printing, and a reason worth a line. */
function failedRun(tool: string, run: Measured, expected: string): Failed {
  const reason =
    /FATAL ERROR: ([^\n]+)/.exec(run.stderr)?.[1] ?? run.stderr.trim().split("\n").slice(-3).join(" | ");
  const problem = `exited ${run.status ?? "by a signal"} (${expected}): ${reason}`;
  return { tool, problem, seconds: run.seconds, peakMb: run.peakMb };
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
  const probe = spawnSync(PYTHON, ["-c", "import pandas, numpy"], { encoding: "utf8" });
  if (probe.status !== 0)
    return { tool, problem: `skipped: ${PYTHON} cannot import pandas and numpy (set TWINRUN_PYTHON)` };
  const script = path.join(HERE, "pandas_table_diff.py");
  const run = await measure(PYTHON, [script, data.oldPath, data.newPath, "id"], dir);
  if (run.status !== 0) return failedRun(tool, run, "expected exit 0");
  const result = JSON.parse(run.stdout) as Omit<Findings, "tool" | "seconds" | "peakMb">;
  return { tool, seconds: run.seconds, peakMb: run.peakMb, ...result };
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

function printTable(results: ToolResult[]): void {
  const header = ["tool", "seconds", "peak MB", "changed rows (Σ columns)", "only old / new"];
  const lines = results.map((result) => [
    result.tool,
    result.seconds?.toFixed(2) ?? "-",
    result.peakMb?.toFixed(0) ?? "-",
    "problem" in result ? "failed" : String(sumOf(result.changedRows)),
    "problem" in result ? "-" : `${result.onlyOld} / ${result.onlyNew}`,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  for (const line of [header, ...lines]) {
    console.log(
      line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "),
    );
  }
}

async function main(): Promise<void> {
  const generatedMs = performance.now();
  const data = await ensureTableDiffData(ROWS);
  const fileMb = (statSync(data.oldPath).size + statSync(data.newPath).size) / 1024 / 1024;
  console.log(
    `table diff: ${ROWS.toLocaleString("en")} rows × ${data.columns.length} columns, two CSV files of ${fileMb.toFixed(0)} MB together` +
      ` (ready in ${((performance.now() - generatedMs) / 1000).toFixed(1)} s; ${data.oldPath.replace(/old\.csv$/, "")})`,
  );
  console.log(
    `injected: ${sumOf(data.changedRows)} changed values in ${Object.keys(data.changedRows).length} columns, ` +
      `${data.noisyCells} cells with 1e-12 relative noise, ${data.onlyOld} rows dropped, ${data.onlyNew} added, rows shuffled in blocks`,
  );
  const dir = mkdtempSync(path.join(tmpdir(), "twinrun-bench-table-"));
  try {
    const results = [await runTwinrun(data, dir), await runPandas(data, dir)];
    console.log("");
    printTable(results);
    const findings = results.filter((result): result is Findings => !("problem" in result));
    for (const result of results) {
      if ("problem" in result) console.warn(`WARNING ${result.tool}: ${result.problem}`);
    }
    // twinrun not finishing fails the benchmark; pandas missing or failing is only reported.
    if ("problem" in results[0]) process.exitCode = 1;
    for (const found of findings) {
      for (const problem of disagreements(data, found)) console.warn(`WARNING ${found.tool}: ${problem}`);
    }
    if (findings.length === 2) {
      const problems = disagreements(findings[1], findings[0]);
      for (const problem of problems)
        console.warn(`WARNING twinrun vs pandas: ${problem.replace("expected", "pandas")}`);
      if (problems.length === 0)
        console.log("\nok: twinrun and pandas found the same changed rows in every column");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
