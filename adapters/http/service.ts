// A service twinrun starts itself (`start: {command, healthUrl}`): launched in its own process
// group, polled on its health URL until it answers 2xx, stopped (whole group) afterwards. A
// service that exits or never becomes healthy is exit 3, with the end of its output.
import http from "node:http";
import https from "node:https";
import { TwinrunError } from "../../src/errors.ts";
import { toLaunchSpec } from "../command/command-adapter.ts";
import { type ExitInfo, waitForEnd } from "../process/exit-info.ts";
import { assertCanLaunch, startError } from "../process/launch-check.ts";
import { type GroupProcess, killGroup, releaseGroup, spawnInGroup } from "../process/process-tree.ts";
import { StderrTail } from "../process/stderr-tail.ts";
import type { Side } from "../types.ts";

/** How often the health URL is polled while the service starts. */
export const HEALTH_POLL_MS = 100;
/** Grace between SIGTERM and SIGKILL when the service is stopped. */
export const SERVICE_STOP_GRACE_MS = 2000;
const OUTPUT_LINES = 15;

/** What launching needs, with every `${NAME}` already expanded. */
export interface ServiceLaunch {
  side: Side;
  command: string;
  shell: boolean;
  cwd: string;
  env: Record<string, string>;
  healthUrl: URL;
  timeoutMs: number;
}

/** A started, healthy service. */
export interface RunningService {
  /** Stops the whole process group: SIGTERM, then SIGKILL after a grace period. Idempotent. */
  stop(): Promise<void>;
}

/** Why: `twinrun run` can compare two versions of a service it starts itself, on their own ports. */
export async function startService(launch: ServiceLaunch): Promise<RunningService> {
  const spec = launchSpecOf(launch);
  assertCanLaunch(launch.side, spec);
  const subprocess = spawnInGroup(spec);
  subprocess.stdin.end();
  const output = new StderrTail();
  subprocess.stdout.on("data", (chunk: Buffer) => output.push(chunk));
  subprocess.stderr.on("data", (chunk: Buffer) => output.push(chunk));
  let announceKill: () => void = () => {};
  const killed = new Promise<void>((resolve) => {
    announceKill = resolve;
  });
  const ended = waitForEnd(subprocess, killed);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopGroup(subprocess, ended, announceKill);
    return stopping;
  };

  const health = await waitUntilHealthy(launch.healthUrl, launch.timeoutMs, ended);
  if (health.kind === "healthy") return { stop };
  await stop();
  const tail = formatTail(output.text());
  if (health.kind === "exited") {
    const how =
      health.exit.spawnErrorCode !== undefined
        ? `could not be spawned (${health.exit.spawnErrorCode})`
        : health.exit.signal !== undefined
          ? `was killed by ${health.exit.signal}`
          : `exited with status ${health.exit.exitCode}`;
    throw startError(
      launch.side,
      `the service (${launch.command}) ${how} before it became healthy${tail}`,
      launch.cwd,
    );
  }
  throw startError(
    launch.side,
    `the service (${launch.command}) did not become healthy within ${launch.timeoutMs} ms: ` +
      `GET ${launch.healthUrl.href} ${health.last}; raise start.timeout, or check healthUrl and the port it listens on${tail}`,
    launch.cwd,
  );
}

// The command is split like any command component's; its messages then name start.command.
function launchSpecOf(launch: ServiceLaunch) {
  try {
    return toLaunchSpec({ ...launch, mode: "per-input", timeoutMs: 0, concurrency: 1 });
  } catch (error) {
    if (error instanceof TwinrunError) {
      throw new TwinrunError(
        error.code,
        error.message.replace(`${launch.side}.command`, `${launch.side}.start.command`),
      );
    }
    throw error;
  }
}

type Health = { kind: "healthy" } | { kind: "exited"; exit: ExitInfo } | { kind: "late"; last: string };

async function waitUntilHealthy(url: URL, timeoutMs: number, ended: Promise<ExitInfo>): Promise<Health> {
  const deadline = Date.now() + timeoutMs;
  let exit: ExitInfo | undefined;
  ended.then((info) => {
    exit = info;
  });
  let last = "got no answer";
  while (Date.now() < deadline) {
    if (exit !== undefined) return { kind: "exited", exit };
    const probe = await probeHealth(url, Math.max(1, Math.min(1000, deadline - Date.now())));
    if (probe.ok) return { kind: "healthy" };
    last = probe.what;
    await sleep(HEALTH_POLL_MS);
  }
  if (exit !== undefined) return { kind: "exited", exit };
  return { kind: "late", last };
}

/** One GET of the health URL on a fresh connection: ok on 2xx. */
function probeHealth(url: URL, timeoutMs: number): Promise<{ ok: true } | { ok: false; what: string }> {
  return new Promise((resolve) => {
    const request = (url.protocol === "https:" ? https : http).get(
      url,
      { agent: false, timeout: timeoutMs },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        resolve(
          status >= 200 && status <= 299 ? { ok: true } : { ok: false, what: `answered HTTP ${status}` },
        );
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, what: `failed (${error.code ?? error.message})` }),
    );
  });
}

async function stopGroup(
  subprocess: GroupProcess,
  ended: Promise<ExitInfo>,
  announceKill: () => void,
): Promise<void> {
  killGroup(subprocess.pid, "SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), SERVICE_STOP_GRACE_MS);
  });
  if ((await Promise.race([ended, grace])) === "late") {
    killGroup(subprocess.pid, "SIGKILL");
    announceKill();
    await ended;
  }
  clearTimeout(timer);
  releaseGroup(subprocess.pid);
}

function formatTail(output: string): string {
  const lines = output
    .trimEnd()
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");
  if (lines.length === 0) return "; it printed nothing";
  return `; its output ends with:\n${lines
    .slice(-OUTPUT_LINES)
    .map((line) => `  ${line}`)
    .join("\n")}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
