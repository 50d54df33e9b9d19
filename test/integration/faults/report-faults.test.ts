// Faults while the report is written, with real processes and real file systems: a full disk
// (a small tmpfs, filled, in a private mount namespace; and /dev/full), and twinrun killed with
// SIGKILL in the middle of writing its report (strace delivers the signal at an exact system
// call, so the test does not depend on timing). The previous report must stay whole.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { execaSync } from "execa";
import { afterEach, describe, expect, it } from "vitest";
import { cleanUpFaultRuns, runFault } from "./fault-kit.ts";

afterEach(cleanUpFaultRuns);

const records = [{ id: 1 }, { id: 2 }, { id: 3 }];
const previousReport = '{"previous": "report", "complete": true}\n';

/** `unshare` arguments that give a private mount namespace (user namespace first, then as root). */
function mountNamespace(): string[] {
  for (const flags of [["-rm"], ["-m"]]) {
    const probe = execaSync("unshare", [...flags, "sh", "-c", "mount -t tmpfs tmpfs /mnt"], {
      reject: false,
    });
    if (probe.exitCode === 0) return flags;
  }
  throw new Error(
    "the full-disk test needs `unshare -rm` (user namespaces) or root with `unshare -m` to mount a small tmpfs",
  );
}

// Inside the namespace: a 64 KB tmpfs on out/, the previous report in it, the rest filled; then
// the CLI; then what out/ holds afterwards, copied out before the namespace (and its tmpfs) ends.
const FULL_DISK_SCRIPT = `
dir=$1; shift
mount -t tmpfs -o size=64k tmpfs "$dir/out"
cp "$dir/previous.json" "$dir/out/report.json"
cat /dev/zero > "$dir/out/filler" 2>/dev/null
"$@"; code=$?
ls -A "$dir/out" > "$dir/listing.txt"
cp "$dir/out/report.json" "$dir/after.json"
exit $code`;

const hasStrace = execaSync("strace", ["-V"], { reject: false }).exitCode === 0;

/** Runs the CLI under strace, which kills it with SIGKILL on the first call of `syscalls`. */
function killedAt(syscalls: string): string[] {
  if (!hasStrace) throw new Error("the kill -9 test needs strace (apt-get install strace)");
  return ["strace", "-f", "-qq", "-o", "/dev/null", `-e`, `inject=${syscalls}:signal=KILL:when=1`];
}

describe("faults: a full disk for the report", () => {
  it("refuses with one clear line (exit 2) and leaves the previous report whole, with no temp file", async () => {
    const run = await runFault({
      records,
      tags: ["a", "a"],
      files: { "previous.json": previousReport, "out/.keep": "" },
      args: ["--json", "out/report.json"],
      launcher: ["unshare", ...mountNamespace(), "sh", "-c", FULL_DISK_SCRIPT, "sh", "{dir}"],
    });
    expect(run.exitCode).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^twinrun: could not write the JSON report to \S+out\/report\.json: ENOSPC: .*the disk is full/,
    );
    expect(run.stderr).not.toContain("    at ");
    expect(readFileSync(path.join(run.dir, "after.json"), "utf8")).toBe(previousReport);
    expect(
      readFileSync(path.join(run.dir, "listing.txt"), "utf8").split("\n").filter(Boolean).sort(),
    ).toEqual(["filler", "report.json"]);
  });

  it("says that /dev/full is full (exit 2), for --json and for a reporter's file", async () => {
    for (const args of [
      ["--json", "/dev/full"],
      ["--reporter", "markdown=/dev/full"],
    ]) {
      const run = await runFault({ records, tags: ["a", "a"], args });
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toMatch(
        /could not write the (JSON|markdown) report to \/dev\/full: ENOSPC.*the disk is full/,
      );
      expect(run.stderr).not.toContain("    at ");
    }
  });
});

describe("faults: kill -9 while the report is written", () => {
  it.each([
    ["after the report's data, before it is synced", "fsync"],
    ["at the rename that would replace the previous report", "rename,renameat,renameat2"],
  ])(
    "keeps the previous report whole when killed %s, and the next run cleans up and writes a full report",
    async (_when, syscalls) => {
      const killed = await runFault({
        records,
        tags: ["a", "b"],
        files: { ".twinrun/last-report.json": previousReport },
        launcher: killedAt(syscalls),
      });
      expect(killed.signal).toBe("SIGKILL");
      const folder = path.join(killed.dir, ".twinrun");
      expect(readFileSync(path.join(folder, "last-report.json"), "utf8")).toBe(previousReport);
      // The half-done write is a temp file beside the report, never the report itself.
      const litter = readdirSync(folder).filter((name) => name !== "last-report.json");
      expect(litter).toEqual([expect.stringMatching(/^\.last-report\.json\.\d+\.[0-9a-f]{12}\.tmp$/)]);

      // The next run in the same folder writes a full report and removes the dead run's temp file.
      const next = await runFault({ records, tags: ["a", "a"], dir: killed.dir });
      expect(next.exitCode).toBe(0);
      expect(next.report?.summary).toMatchObject({ trials: 3 });
      expect(readdirSync(path.join(next.dir, ".twinrun"))).toEqual(["last-report.json"]);
    },
    60_000,
  );
});
