// Benchmark: 10,000 inputs through `twinrun run` in worker mode against a trivial python3
// component on both sides, as a user runs it (the real CLI in a child process). Prints the wall
// time, trials per second and the CLI process's peak RSS. Run: npx tsx bench/run-throughput.ts
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const INPUTS = Number(process.argv[2] ?? 10_000);
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "bin", "twinrun.js");

const COMPONENT = `import json, sys
for line in sys.stdin:
    record = json.loads(line)
    print(json.dumps({"id": record["id"], "score": record["x"] * 2.5, "bucket": record["x"] // 10}), flush=True)
`;

function main(): void {
  const dir = mkdtempSync(path.join(tmpdir(), "twinrun-bench-run-"));
  try {
    const lines = Array.from({ length: INPUTS }, (_, i) => JSON.stringify({ id: i, x: (i * 37) % 1000 }));
    writeFileSync(path.join(dir, "inputs.jsonl"), `${lines.join("\n")}\n`);
    writeFileSync(path.join(dir, "component.py"), COMPONENT);
    const args = [
      "run",
      "--old",
      "python3 component.py",
      "--new",
      "python3 component.py",
      "--mode",
      "worker",
    ];
    args.push("-i", "inputs.jsonl", "-n", "all", "--no-save");
    const startedMs = performance.now();
    // GNU time reports the CLI process's own peak RSS (the python children are not included).
    const result = spawnSync(
      "/usr/bin/time",
      ["-f", "TWINRUN_MAXRSS_KB=%M", process.execPath, CLI, ...args],
      {
        cwd: dir,
        env: { ...process.env, NO_COLOR: "1" },
        encoding: "utf8",
      },
    );
    const elapsedMs = performance.now() - startedMs;
    const peakKb = Number(/TWINRUN_MAXRSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? Number.NaN);
    if (result.status !== 0)
      throw new Error(`twinrun exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
    console.log(`run: ${INPUTS} inputs, worker mode, python3 on both sides, concurrency = CPU count`);
    console.log(
      `  wall time   ${(elapsedMs / 1000).toFixed(2)} s (${Math.round(INPUTS / (elapsedMs / 1000))} trials/s)`,
    );
    console.log(`  peak RSS    ${(peakKb / 1024).toFixed(1)} MB (twinrun's own process)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
