// Benchmark: two 2,000,000-row tables of one Postgres database compared by
// `twinrun diff 'postgresql://…?table=features_old' 'postgresql://…?table=features_new' --key id`,
// once inside the database (pushdown) and once streamed into the embedded engine (--no-pushdown),
// each as its own process. Prints wall time, CPU time and peak RSS of twinrun, the database's CPU
// time and its statements' execution time, the costliest statements, and the machine's load; fails
// when a run does not find exactly the injected changes or pushdown's peak reaches 300 MB.
// Run: npm run build && nice npx tsx bench/postgres-diff.ts   (TWINRUN_BENCH_PG_ROWS=100000 picks another size; it
// starts a throwaway server of its own, as the database tests do, and removes it afterwards)
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findPostgresBinaries, startPostgresServer } from "../test/helpers/postgres-server.ts";
import { measureProcess } from "./measure-process.ts";
import { createTablePair, type InjectedChanges, NEW_TABLE, OLD_TABLE } from "./postgres-diff-data.ts";
import { ServerCost, STATEMENT_STATS_SETTING, type StatementCost } from "./postgres-server-cost.ts";

const ROWS = Number(process.env.TWINRUN_BENCH_PG_ROWS ?? 2_000_000);
const PUSHDOWN_PEAK_LIMIT_MB = 300;
const TOP_STATEMENTS = 4;
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(ROOT, "bin", "twinrun.js");
const BUILT_CLI = path.join(ROOT, "dist", "src", "cli", "main.js");

/** One path's run: what twinrun and the database spent, and what it found. */
interface PathRun {
  path: "pushdown" | "streaming";
  load: string;
  status: number | null;
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  databaseCpuSeconds: number;
  statementSeconds: number;
  topStatements: StatementCost[];
  /** What the report says the database spent (pushdown only). */
  reportedDatabaseMs?: number;
  found?: Omit<InjectedChanges, "rows" | "columns">;
  problem?: string;
}

interface TableReportFindings {
  table: {
    rows: { onlyOld: number; onlyNew: number };
    columns: { column: string; changed: number }[];
    engine?: { kind: string; databaseMs?: number };
  };
}

async function runPath(kind: PathRun["path"], url: string, cost: ServerCost, dir: string): Promise<PathRun> {
  const reportPath = path.join(dir, `${kind}.json`);
  const args = [
    CLI,
    "diff",
    `${url}?table=${OLD_TABLE}`,
    `${url}?table=${NEW_TABLE}`,
    "--key",
    "id",
    "--json",
    reportPath,
    "--no-save",
    ...(kind === "streaming" ? ["--no-pushdown"] : []),
  ];
  const load = loadNote();
  await cost.resetStatements();
  const cpuBefore = cost.cpuSeconds();
  const run = await measureProcess(process.execPath, args, dir);
  const databaseCpuSeconds = cost.cpuSeconds() - cpuBefore;
  const statements = await cost.statements(TOP_STATEMENTS);
  const measured = {
    path: kind,
    load,
    status: run.status,
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    peakMb: run.peakMb,
    databaseCpuSeconds,
    statementSeconds: statements.seconds,
    topStatements: statements.top,
  };
  if (run.status !== 1) {
    const reason = run.stderr.trim().split("\n").slice(-3).join(" | ");
    return { ...measured, problem: `exited ${run.status ?? "by a signal"} (expected 1): ${reason}` };
  }
  const report = JSON.parse(await readFile(reportPath, "utf8")) as TableReportFindings;
  const engine = report.table.engine;
  const expectedEngine = kind === "pushdown" ? "pushdown" : "embedded";
  const changedRows = Object.fromEntries(
    report.table.columns.filter((stats) => stats.changed > 0).map((stats) => [stats.column, stats.changed]),
  );
  return {
    ...measured,
    ...(engine?.databaseMs !== undefined && { reportedDatabaseMs: engine.databaseMs }),
    found: { changedRows, onlyOld: report.table.rows.onlyOld, onlyNew: report.table.rows.onlyNew },
    ...(engine?.kind !== expectedEngine && { problem: `the report says it ran in ${engine?.kind ?? "?"}` }),
  };
}

/** Why: a run that finds other things than were injected did not measure the same work. */
function disagreements(
  expected: Omit<InjectedChanges, "rows" | "columns">,
  found: PathRun["found"],
): string[] {
  if (found === undefined) return [];
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

function printRuns(runs: PathRun[]): void {
  const header = ["path", "seconds", "CPU s", "peak MB", "database CPU s", "statements s", "found"];
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);
  const lines = runs.map((run) => [
    run.path,
    run.seconds.toFixed(1),
    run.cpuSeconds.toFixed(1),
    run.peakMb.toFixed(0),
    run.databaseCpuSeconds.toFixed(1),
    run.statementSeconds.toFixed(1),
    run.found === undefined
      ? "failed"
      : `${sum(run.found.changedRows)} changed, ${run.found.onlyOld} only old, ${run.found.onlyNew} only new`,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  for (const line of [header, ...lines])
    console.log(
      line
        .map((cell, i) => (i === 0 || i === 6 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join("  "),
    );
  for (const run of runs) {
    const reported =
      run.reportedDatabaseMs === undefined
        ? ""
        : ` (the report: ${(run.reportedDatabaseMs / 1000).toFixed(1)} s in the database)`;
    console.log(`\n${run.path}, machine before: ${run.load}${reported}; costliest statements:`);
    for (const statement of run.topStatements)
      console.log(
        `  ${statement.seconds.toFixed(2).padStart(7)} s  ${String(statement.calls).padStart(5)}×  ${statement.query.slice(0, 110)}`,
      );
  }
}

/** The machine's load: other jobs on the same cores slow both paths. */
function loadNote(): string {
  const [one, five] = loadavg();
  return `load ${one.toFixed(1)} (5 min ${five.toFixed(1)}) on ${availableParallelism()} cores`;
}

/** Why: bin/twinrun.js runs dist/; measuring a build older than the sources measures old code. */
function staleBuild(): string | undefined {
  const built = statSync(BUILT_CLI, { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return "dist/ is missing";
  const newest = (folder: string): number =>
    Math.max(
      0,
      ...readdirSync(folder, { withFileTypes: true }).map((entry) => {
        const file = path.join(folder, entry.name);
        return entry.isDirectory() ? newest(file) : statSync(file).mtimeMs;
      }),
    );
  const sources = Math.max(newest(path.join(ROOT, "src")), newest(path.join(ROOT, "adapters")));
  return sources > built ? "dist/ is older than the sources" : undefined;
}

async function main(): Promise<void> {
  const stale = staleBuild();
  if (stale !== undefined) {
    console.error(`postgres diff: ${stale}; run \`npm run build\` first (bin/twinrun.js runs the build)`);
    process.exitCode = 2;
    return;
  }
  const binaries = findPostgresBinaries();
  if (!binaries.ok) {
    console.log(`postgres diff: skipped: ${binaries.reason}`);
    return;
  }
  const server = await startPostgresServer([STATEMENT_STATS_SETTING]);
  const dir = mkdtempSync(path.join(tmpdir(), "twinrun-bench-pg-"));
  try {
    const generatedMs = performance.now();
    const injected = await createTablePair(server, ROWS);
    const [{ size }] = (
      await server.query(
        `SELECT pg_size_pretty(pg_total_relation_size('${OLD_TABLE}') + pg_total_relation_size('${NEW_TABLE}')) AS size`,
      )
    ).rows as { size: string }[];
    const sum = Object.values(injected.changedRows).reduce((total, n) => total + n, 0);
    console.log(
      `\npostgres diff: ${ROWS.toLocaleString("en")} rows × ${injected.columns} columns in ${OLD_TABLE} and ${NEW_TABLE} ` +
        `(${size} together; made in ${((performance.now() - generatedMs) / 1000).toFixed(1)} s), Postgres at 127.0.0.1:${server.port}`,
    );
    console.log(
      `injected: ${sum} changed values in ${Object.keys(injected.changedRows).length} columns, 1e-12 relative noise ` +
        `on the floats of every 20th row, ${injected.onlyOld} rows dropped, ${injected.onlyNew} added, rows shuffled in blocks\n`,
    );
    const cost = await ServerCost.attach(server);
    const runs = [
      await runPath("pushdown", server.url, cost, dir),
      await runPath("streaming", server.url, cost, dir),
    ];
    printRuns(runs);
    const problems = runs.flatMap((run) => [
      ...(run.problem === undefined ? [] : [`${run.path}: ${run.problem}`]),
      ...disagreements(injected, run.found).map((problem) => `${run.path}: ${problem}`),
    ]);
    const pushdown = runs[0];
    if (!(pushdown.peakMb < PUSHDOWN_PEAK_LIMIT_MB))
      problems.push(
        `pushdown: peak ${pushdown.peakMb.toFixed(0)} MB, the limit is ${PUSHDOWN_PEAK_LIMIT_MB} MB`,
      );
    for (const problem of problems) console.warn(`WARNING ${problem}`);
    if (problems.length === 0)
      console.log("\nok: pushdown and streaming both found exactly the injected changes");
    else process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}

await main();
