// Measuring one process as a user would run it: wall time, CPU time (user + system, the process
// and its threads) and peak RSS, by GNU time (`/usr/bin/time`).

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const GNU_TIME = "/usr/bin/time";

/** One finished process and what it cost. */
export interface MeasuredProcess {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
}

/** Why: GNU time reads the kernel's own peak (ru_maxrss) and CPU times; polling could miss a short peak. */
export async function measureProcess(command: string, args: string[], cwd: string): Promise<MeasuredProcess> {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing (apt-get install time)`);
  const startedMs = performance.now();
  const child = spawn(GNU_TIME, ["-f", "TWINRUN_MAXRSS_KB=%M TWINRUN_CPU_S=%U+%S", command, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const seconds = (performance.now() - startedMs) / 1000;
  const measured = /TWINRUN_MAXRSS_KB=(\d+) TWINRUN_CPU_S=([\d.]+)\+([\d.]+)\s*$/.exec(stderr);
  return {
    status,
    stdout,
    stderr: stderr.replace(/TWINRUN_MAXRSS_KB=.*\s*$/, ""),
    seconds,
    cpuSeconds: Number(measured?.[2] ?? Number.NaN) + Number(measured?.[3] ?? Number.NaN),
    peakMb: Number(measured?.[1] ?? Number.NaN) / 1024,
  };
}
