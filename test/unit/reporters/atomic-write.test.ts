import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../../src/util/atomic-write.ts";

describe("writeFileAtomic", () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "twinrun-atomic-"));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("creates missing parent folders and writes the data", async () => {
    const target = path.join(folder, "a", "b", "report.json");
    await writeFileAtomic(target, '{"ok":true}\n');
    expect(await readFile(target, "utf8")).toBe('{"ok":true}\n');
  });

  it("replaces an existing file and leaves no temp file behind", async () => {
    const target = path.join(folder, "report.json");
    await writeFile(target, "old contents that are longer than the new ones");
    await writeFileAtomic(target, "new");
    expect(await readFile(target, "utf8")).toBe("new");
    expect(await readdir(folder)).toEqual(["report.json"]);
  });

  it("writes into a FIFO instead of renaming a regular file over it", async () => {
    const target = path.join(folder, "pipe");
    execFileSync("mkfifo", [target]);
    const chunks: Buffer[] = [];
    const read = new Promise<void>((resolve, reject) => {
      createReadStream(target)
        .on("data", (chunk) => chunks.push(Buffer.from(chunk)))
        .on("end", resolve)
        .on("error", reject);
    });
    await writeFileAtomic(target, "through the pipe");
    await read;
    expect(Buffer.concat(chunks).toString("utf8")).toBe("through the pipe");
    expect((await stat(target)).isFIFO()).toBe(true);
    expect(await readdir(folder)).toEqual(["pipe"]);
  });

  it("removes the temp files of writers that no longer run, and keeps those of running ones", async () => {
    const target = path.join(folder, "report.json");
    const ended = spawnSync(process.execPath, ["-e", ""]).pid as number;
    const running = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      const stale = `.report.json.${ended}.0123456789ab.tmp`;
      const live = `.report.json.${running.pid}.0123456789ab.tmp`;
      const other = `.other.json.${ended}.0123456789ab.tmp`;
      for (const name of [stale, live, other]) await writeFile(path.join(folder, name), "half");
      await writeFileAtomic(target, "whole");
      expect((await readdir(folder)).sort()).toEqual([live, other, "report.json"].sort());
    } finally {
      running.kill("SIGKILL");
    }
  });

  it("accepts binary data", async () => {
    const target = path.join(folder, "bytes.bin");
    await writeFileAtomic(target, new Uint8Array([0, 255, 10]));
    expect([...(await readFile(target))]).toEqual([0, 255, 10]);
  });

  it("removes its temp file and rejects when the rename fails", async () => {
    const target = path.join(folder, "taken");
    await mkdir(path.join(target, "inside"), { recursive: true });
    await expect(writeFileAtomic(target, "data")).rejects.toThrow();
    expect(await readdir(folder)).toEqual(["taken"]);
  });

  it("never lets a reader see a half-written file", async () => {
    const target = path.join(folder, "report.json");
    const versions = ["a", "b", "c"].map((letter) => letter.repeat(512 * 1024));
    await writeFileAtomic(target, versions[0]);
    let writing = true;
    const reads: string[] = [];
    const reader = (async () => {
      while (writing) reads.push(await readFile(target, "utf8"));
    })();
    for (let round = 0; round < 12; round++) await writeFileAtomic(target, versions[round % 3]);
    writing = false;
    await reader;
    expect(reads.length).toBeGreaterThan(0);
    for (const text of reads) expect(versions).toContain(text);
    expect(await readdir(folder)).toEqual(["report.json"]);
  });
});
