// Accepted differences end to end: `twinrun accept`, then runs that read the accepted file.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { workerComponent } from "../helpers/components.ts";
import { writeFiles } from "../helpers/git-repo.ts";
import { runInProcess } from "../helpers/in-process.ts";

const records = Array.from({ length: 30 }, (_, i) => ({ id: i, x: i * 1.5 }));
const DOUBLE = "return { id: record.id, y: record.x * 2 };";
// A change of y on 3 inputs (ids 3, 13, 23): 10% of them.
const BUCKETS_MOVED = "return { id: record.id, y: record.id % 10 === 3 ? record.x * 2 + 1 : record.x * 2 };";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function workspace(newBody: string) {
  const created = makeWorkspace({
    "inputs.jsonl": jsonl(records),
    "old.mjs": workerComponent(DOUBLE),
    "new.mjs": workerComponent(newBody),
    "twinrun.config.yaml":
      "input: { path: inputs.jsonl, sample: all }\nold: { command: node old.mjs, mode: worker }\nnew: { command: node new.mjs, mode: worker }\n",
  });
  cleanups.push(created.cleanup);
  return created.dir;
}

function readReport(dir: string) {
  return JSON.parse(readFileSync(path.join(dir, ".twinrun/last-report.json"), "utf8"));
}

describe("accepted differences", () => {
  it.each([
    ["an absolute path outside the project", (outside: string) => path.join(outside, "evil.yaml")],
    ["a ../ path", () => "../evil.yaml"],
  ])(
    "refuses a crafted report whose accepted file is %s (exit 2), writing nothing",
    async (_name, fileOf) => {
      const dir = workspace(BUCKETS_MOVED);
      const outside = makeWorkspace({});
      cleanups.push(outside.cleanup);
      expect((await runInProcess(["run"], { cwd: dir })).exitCode).toBe(1);
      const report = readReport(dir);
      const file = fileOf(outside.dir);
      const crafted = {
        ...report,
        accepted: {
          file,
          strict: false,
          entries: [],
          coveredTrials: 0,
          uncoveredTrials: 3,
          paths: [],
          combinations: [],
        },
      };
      writeFileSync(path.join(dir, "crafted.json"), JSON.stringify(crafted));
      const accept = await runInProcess(["accept", "crafted.json"], { cwd: dir });
      expect(accept.exitCode).toBe(2);
      expect(accept.stderr).toContain("outside the project folder");
      expect(accept.stderr).toContain("--out");
      expect(accept.stderr).not.toContain("    at ");
      expect(existsSync(path.resolve(dir, file))).toBe(false);
    },
  );

  it("accepts a reviewed change: the rerun passes, a further change still fails", async () => {
    const dir = workspace(BUCKETS_MOVED);
    expect((await runInProcess(["run"], { cwd: dir })).exitCode).toBe(1);

    const accept = await runInProcess(["accept", ".twinrun/last-report.json"], { cwd: dir });
    expect(accept.exitCode).toBe(0);
    expect(accept.stdout).toContain("Wrote twinrun.accepted.yaml: 1 accepted difference");
    const text = readFileSync(path.join(dir, "twinrun.accepted.yaml"), "utf8");
    expect(text).toMatch(/^# twinrun accepted differences/);
    expect(text).toContain("commit it deliberately");
    expect(parseYaml(text)).toEqual({
      accepted: [
        { path: "y", kinds: ["value"], maxRate: "10%", note: expect.stringContaining("3 of 30 inputs") },
      ],
    });

    // Read by default from beside the config file: the same change now passes, and says so.
    const rerun = await runInProcess(["run"], { cwd: dir });
    expect(rerun.exitCode).toBe(0);
    expect(rerun.stdout).toContain(
      "Accepted differences (twinrun.accepted.yaml): 3 changed input(s) covered",
    );
    expect(readReport(dir)).toMatchObject({
      verdict: "changed",
      gate: { passed: true, counted: 0 },
      accepted: {
        coveredTrials: 3,
        uncoveredTrials: 0,
        entries: [{ path: "y", status: "used", matchedTrials: 3 }],
      },
    });

    // A new change at another path is not covered.
    writeFiles(dir, {
      "new.mjs": workerComponent(
        BUCKETS_MOVED.replace("return {", "return { extra: record.id === 7 || undefined,"),
      ),
    });
    const another = await runInProcess(["run"], { cwd: dir });
    expect(another.exitCode).toBe(1);
    expect(readReport(dir)).toMatchObject({
      gate: { passed: false, counted: 1 },
      accepted: { coveredTrials: 3 },
    });
  }, 90_000);

  it("does not stretch an approval: the same path changing on more inputs than approved fails", async () => {
    const dir = workspace(BUCKETS_MOVED.replace("% 10 === 3", "% 5 === 3"));
    writeFiles(dir, {
      "twinrun.accepted.yaml": "accepted:\n  - { path: y, kinds: [value], maxChanged: 10% }\n",
    });
    const wider = await runInProcess(["run"], { cwd: dir });
    expect(wider.exitCode).toBe(1);
    expect(readReport(dir).accepted.entries[0]).toMatchObject({ status: "exceeded", matchedTrials: 6 });
    expect(wider.stdout).toContain(
      "exceeded  y [value] ≤ 10%: matched 6 input(s), beyond its range, so it covers nothing",
    );
  });

  it("fails on an entry that matched nothing only with --strict-accepted", async () => {
    const dir = workspace(DOUBLE);
    writeFiles(dir, {
      "approved.yaml":
        "accepted:\n  - { path: legacy.flag, kinds: [removed], maxChanged: 1, note: dropped in v2 }\n",
    });
    const lenient = await runInProcess(["run", "--accepted", "approved.yaml"], { cwd: dir });
    expect(lenient.exitCode).toBe(0);
    expect(lenient.stdout).toContain("unused    legacy.flag [removed] ≤ 1: matched nothing");
    const strict = await runInProcess(["run", "--accepted", "approved.yaml", "--strict-accepted"], {
      cwd: dir,
    });
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout).toContain(
      "Gate failed: 1 accepted entry matched nothing (strictAccepted): legacy.flag",
    );
    expect(readReport(dir)).toMatchObject({ verdict: "equivalent", gate: { passed: false, exitCode: 1 } });
  }, 90_000);

  it("exits 2 on a malformed accepted file, naming the file and the key", async () => {
    const dir = workspace(DOUBLE);
    writeFiles(dir, {
      "twinrun.accepted.yaml": "accepted:\n  - { path: y, kind: [value], maxChanged: 1 }\n",
    });
    const result = await runInProcess(["run"], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      'twinrun.accepted.yaml: accepted[0].kind: unknown key; did you mean "kinds"?',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
