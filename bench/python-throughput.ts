// Benchmark: calls per second of the Python adapter (persistent workers) for a trivial function,
// at concurrency 1 and 2, against the command adapter in per-input mode spawning python3 for
// every input — in the same run, with the same interpreter (the real file behind `python3`, so a
// version manager's shim does not slow the spawning side down unfairly).
// Run: npx tsx bench/python-throughput.ts [pythonCalls] [spawnCalls]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCommandAdapter } from "../adapters/command/index.ts";
import { createPythonAdapter } from "../adapters/python/index.ts";
import type { RecordAdapter } from "../adapters/types.ts";

const PYTHON_CALLS = Number(process.argv[2] ?? 20_000);
const SPAWN_CALLS = Number(process.argv[3] ?? 100);
const ENV = { TZ: "UTC", PYTHONHASHSEED: "0", TWINRUN_SEED: "0" };

const MODULE = `def score(record):
    return {"id": record["id"], "score": record["x"] * 2.5}
`;
const PER_INPUT_SCRIPT = `import json, sys
record = json.loads(sys.stdin.read())
print(json.dumps({"id": record["id"], "score": record["x"] * 2.5}))
`;

async function measure(adapter: RecordAdapter, calls: number, concurrency: number): Promise<number> {
  await adapter.start();
  let next = 0;
  const startedMs = performance.now();
  const lane = async () => {
    while (next < calls) {
      const id = next++;
      const outcome = await adapter.run({ index: id, text: `{"id":${id},"x":${id % 1000}}` });
      if (outcome.status !== "ok") throw new Error(`call ${id} failed: ${JSON.stringify(outcome)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const elapsedMs = performance.now() - startedMs;
  await adapter.stop();
  return calls / (elapsedMs / 1000);
}

async function main(): Promise<void> {
  const python = realPython();
  const dir = mkdtempSync(path.join(tmpdir(), "twinrun-bench-python-"));
  try {
    writeFileSync(path.join(dir, "bench_module.py"), MODULE);
    writeFileSync(path.join(dir, "per_input.py"), PER_INPUT_SCRIPT);
    console.log(`python throughput: trivial function, ${python}`);
    const rows: Array<[string, number, number]> = [];
    for (const concurrency of [1, 2]) {
      const pythonAdapter = createPythonAdapter({
        side: "old",
        python,
        module: "bench_module",
        function: "score",
        style: "record",
        cwd: dir,
        path: [],
        env: ENV,
        seedEachCall: false,
        timeoutMs: 10_000,
        concurrency,
      });
      const perInput = createCommandAdapter({
        side: "old",
        command: `${python} per_input.py`,
        mode: "per-input",
        cwd: dir,
        env: ENV,
        shell: false,
        timeoutMs: 10_000,
        concurrency,
      });
      const workerRate = await measure(pythonAdapter, PYTHON_CALLS, concurrency);
      const spawnRate = await measure(perInput, SPAWN_CALLS, concurrency);
      rows.push([`concurrency ${concurrency}`, workerRate, spawnRate]);
    }
    console.log("               python adapter    per-input python3    speed-up");
    for (const [label, workerRate, spawnRate] of rows) {
      console.log(
        `  ${label.padEnd(13)} ${format(workerRate).padStart(10)} calls/s ${format(spawnRate).padStart(10)} calls/s ${`${Math.round(workerRate / spawnRate)}×`.padStart(10)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function realPython(): string {
  const result = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" });
  return result.status === 0 && result.stdout.trim() !== "" ? result.stdout.trim() : "python3";
}

function format(rate: number): string {
  return Math.round(rate).toLocaleString("en-US");
}

await main();
