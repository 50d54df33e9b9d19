// The HTTP adapter against real local services: twinrun starts two node servers on free ports of
// 127.0.0.1, waits for their health URL, sends every input, and stops them. Most cases run
// through the programmatic API (the same resolver and run as the CLI); exit codes through the CLI (in-process).
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type ComponentSection, runTwin } from "../../src/index.ts";
import { jsonl, makeWorkspace, REPO_ROOT } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

const SERVER = path.join(REPO_ROOT, "test/fixtures/http/score-server.mjs");
const records = Array.from({ length: 12 }, (_, id) => ({ id, x: id * 1.5 }));

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function workspace(files: Record<string, string> = {}): string {
  const created = makeWorkspace({ "inputs.jsonl": jsonl(records), ...files });
  cleanups.push(created.cleanup);
  return created.dir;
}

/** A side served by score-server.mjs in the given variant, started by twinrun. */
function service(
  variant: string,
  extra: Partial<Record<string, unknown>> = {},
  env: Record<string, string> = {},
) {
  return {
    adapter: "http",
    url: `http://127.0.0.1:\${TWINRUN_PORT}/score`,
    start: {
      command: `node ${SERVER}`,
      healthUrl: `http://127.0.0.1:\${TWINRUN_PORT}/health`,
      timeout: 10_000,
    },
    env: { VARIANT: variant, ...env },
    ...extra,
  } as ComponentSection;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("http adapter, services started by twinrun", () => {
  it("finds two equivalent services equivalent, then stops both", async () => {
    const dir = workspace();
    const report = await runTwin({
      old: service("base", {}, { PID_FILE: path.join(dir, "old.pid") }),
      new: service("base", {}, { PID_FILE: path.join(dir, "new.pid") }),
      inputs: records,
      run: { concurrency: 2 },
      cwd: dir,
    });
    expect(report.verdict).toBe("equivalent");
    expect(report.summary).toMatchObject({ trials: 12, same: 12, changed: 0 });
    // The description is width-limited: from a long checkout path it ends in "…)", still a prefix.
    const spec: string = report.components.old.spec;
    expect(spec).toMatch(/^POST http:\/\/127\.0\.0\.1:\$\{TWINRUN_PORT\}\/score \(started: node \/.*\)$/);
    expect(`POST http://127.0.0.1:\${TWINRUN_PORT}/score (started: node ${SERVER})`).toContain(
      spec.replace(/…\)$/, ""),
    );
    for (const side of ["old", "new"]) {
      const pid = Number(readFileSync(path.join(dir, `${side}.pid`), "utf8"));
      expect(isRunning(pid)).toBe(false);
    }
  });

  it("reports a changed service's differing path and inputs", async () => {
    const report = await runTwin({
      old: service("base"),
      new: service("changed"),
      inputs: records,
      cwd: workspace(),
    });
    expect(report.verdict).toBe("changed");
    expect(report.paths.filter((stats) => stats.changed > 0)).toMatchObject([
      { path: "y", changed: 3, exampleIndices: [0, 5, 10] },
    ]);
  });

  it("makes a 500 on some inputs a failure with status and body, and the same status on both sides the same", async () => {
    const oneSided = await runTwin({
      old: service("base"),
      new: service("fail-some"),
      inputs: records,
      cwd: workspace(),
    });
    expect(oneSided.summary).toMatchObject({ changed: 3, failures: { old: 0, new: 3, both: 0 } });
    const failure = oneSided.examples[0].new.failure;
    expect(failure).toMatchObject({ kind: "http", message: "HTTP 500 Internal Server Error", status: 500 });
    expect(failure?.body).toMatch(/^\{"error":"scoring failed at \d+"\}$/);

    const bothSides = await runTwin({
      old: service("fail-some"),
      new: service("fail-some"),
      inputs: records,
      cwd: workspace(),
    });
    expect(bothSides.verdict).toBe("equivalent");
    expect(bothSides.summary).toMatchObject({ changed: 0, failures: { old: 0, new: 0, both: 3 } });
  });

  it("fails an input that the service answers only after the timeout, and goes on", async () => {
    const report = await runTwin({
      old: service("base"),
      new: service("slow-some", { timeout: 500 }),
      inputs: records,
      cwd: workspace(),
    });
    expect(report.summary).toMatchObject({ trials: 12, changed: 1, failures: { old: 0, new: 1, both: 0 } });
    expect(report.examples[0]).toMatchObject({
      index: 3,
      new: { status: "failure", failure: { kind: "timeout", message: "no response within 500 ms" } },
    });
  });

  it("sends headers from environment variables and never writes their values into the report", async () => {
    const token = "s3cret-token-for-the-test";
    // The services inherit twinrun's environment: EXPECTED_TOKEN is what the server checks against.
    process.env.TWINRUN_TEST_TOKEN = token;
    process.env.EXPECTED_TOKEN = token;
    cleanups.push(() => {
      delete process.env.TWINRUN_TEST_TOKEN;
      delete process.env.EXPECTED_TOKEN;
    });
    const headers = { Authorization: `Bearer \${TWINRUN_TEST_TOKEN}`, "X-Team": "data-science" };
    const report = await runTwin({
      old: service("auth", { headers }),
      new: service("auth", { headers, bodyTemplate: '{"instances": [{{input}}]}' }),
      inputs: records.slice(0, 3),
      cwd: workspace(),
    });
    expect(report.verdict).toBe("equivalent");
    expect(report.summary.failures).toEqual({ old: 0, new: 0, both: 0 });
    expect(report.kind).toBe("records");
    expect(((report.settings as { old?: unknown }).old as { headers: unknown }).headers).toEqual({
      Authorization: `Bearer \${TWINRUN_TEST_TOKEN}`,
      "X-Team": "[redacted]",
    });
    const written = JSON.stringify(report);
    expect(written).not.toContain(token);
    expect(written).not.toContain("data-science");
  });

  it("exits 3 when a service never becomes healthy, naming the side and the health URL", async () => {
    const dir = workspace({
      "twinrun.config.yaml": [
        "input: { path: inputs.jsonl, sample: all }",
        `old: { adapter: http, url: "http://127.0.0.1:\${TWINRUN_PORT}/score", start: { command: node ${SERVER}, healthUrl: "http://127.0.0.1:\${TWINRUN_PORT}/health" }, env: { VARIANT: base } }`,
        `new: { adapter: http, url: "http://127.0.0.1:\${TWINRUN_PORT}/score", start: { command: node ${SERVER}, healthUrl: "http://127.0.0.1:\${TWINRUN_PORT}/health", timeout: 1500 }, env: { VARIANT: unhealthy, PID_FILE: new.pid } }`,
      ].join("\n"),
    });
    const result = await runInProcess(["run"], { cwd: dir });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(
      /^twinrun: new component could not start: the service \(node .*score-server\.mjs\) did not become healthy within 1500 ms: GET http:\/\/127\.0\.0\.1:\d+\/health answered HTTP 503/,
    );
    expect(isRunning(Number(readFileSync(path.join(dir, "new.pid"), "utf8")))).toBe(false);
    expect(existsSync(path.join(dir, ".twinrun/last-report.json"))).toBe(false);
  });
});

describe("http adapter, services already running", () => {
  /** Starts an in-test server on 127.0.0.1:0 that doubles x (plus `bump`) and counts the connections requests came on. */
  async function listen(bump: (id: number) => number) {
    const sockets = new Set<unknown>();
    const server = http.createServer((request, response) => {
      sockets.add(request.socket);
      let text = "";
      request.on("data", (chunk) => {
        text += chunk;
      });
      request.on("end", () => {
        const record = JSON.parse(text);
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ y: record.x * 2 + bump(record.id) }));
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/score`, connections: () => sockets.size };
  }

  it("takes URLs on the command line, reuses kept-alive connections and exits 1 on a change", async () => {
    const oldService = await listen(() => 0);
    const newService = await listen((id) => (id === 7 ? 0.5 : 0));
    const dir = workspace();
    const result = await runInProcess(
      [
        "run",
        "--old",
        oldService.url,
        "--new",
        newService.url,
        "-i",
        "inputs.jsonl",
        "-n",
        "all",
        "--concurrency",
        "2",
      ],
      { cwd: dir },
    );
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`POST ${oldService.url}`);
    expect(result.stdout).toMatch(/^y +1\/12 \(8\.3%\) /m);
    expect(oldService.connections()).toBeLessThanOrEqual(2);
    expect(newService.connections()).toBeLessThanOrEqual(2);
  });

  it("refuses to start (exit 3) when nothing listens at the URL", async () => {
    const free = await listen(() => 0);
    const closedUrl = free.url;
    await cleanups.pop()?.();
    const report = runTwin({ old: closedUrl, new: closedUrl, inputs: records, cwd: workspace() });
    await expect(report).rejects.toMatchObject({ exitCode: 3 });
    await expect(
      runTwin({ old: closedUrl, new: closedUrl, inputs: records, cwd: workspace() }),
    ).rejects.toThrow(
      /old component could not start: nothing answers at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\); start the service first/,
    );
  });

  it("refuses to run (exit 2) when a header names an environment variable that is not set", async () => {
    const running = await listen(() => 0);
    const section = {
      adapter: "http",
      url: running.url,
      headers: { Authorization: `Bearer \${TWINRUN_UNSET_TOKEN}` },
    };
    await expect(
      runTwin({ old: section as ComponentSection, new: running.url, inputs: records, cwd: workspace() }),
    ).rejects.toThrow(
      `old.headers.Authorization: references \${TWINRUN_UNSET_TOKEN}, but the environment variable TWINRUN_UNSET_TOKEN is not set`,
    );
  });
});
