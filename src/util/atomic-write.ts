// Atomic file writes: a reader (or a crash) sees the old file or the complete new one, never half of it.
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Writes data to filePath via a temp file in the same folder: create the folder, write, fsync,
 * rename over the target, fsync the folder. The temp file is removed when any step fails.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array): Promise<void> {
  const target = path.resolve(filePath);
  // A device, pipe or socket (`/dev/stdout`, `/dev/full`, a FIFO) is written to, never renamed
  // over: replacing it with a regular file would break it for everyone else.
  if (await isSpecialFile(target)) {
    await writeDirectly(target, data);
    return;
  }
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  await removeStaleTempFiles(folder, path.basename(target));
  const tempPath = path.join(
    folder,
    `${tempPrefix(path.basename(target))}${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(tempPath, "wx");
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tempPath, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/** Why: a message that says what to do when a write fails for the machine's reasons (a full disk, a read-only folder). */
export function describeWriteError(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const hint = WRITE_HINTS[(error as NodeJS.ErrnoException | undefined)?.code ?? ""];
  return hint === undefined ? reason : `${reason} (${hint})`;
}

const WRITE_HINTS: Record<string, string> = {
  ENOSPC: "the disk is full: free some space or write the report to another disk",
  EDQUOT: "the disk quota is used up: free some space or write the report to another disk",
  EROFS: "the file system is read-only: write the report to another folder",
  EFBIG: "the file is larger than this process may write (ulimit -f)",
};

const tempPrefix = (basename: string) => `.${basename}.`;

/**
 * A writer killed between creating its temp file and the rename (kill -9, a power cut) leaves the
 * temp behind; the next write of the same file removes those of processes that no longer run.
 * Temps of a running process (a concurrent run) are left alone.
 */
async function removeStaleTempFiles(folder: string, basename: string): Promise<void> {
  const prefix = tempPrefix(basename);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const match = /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length));
    if (match === null || isRunning(Number(match[1]))) continue;
    await rm(path.join(folder, name), { force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True for an existing path that is neither a regular file nor a folder. */
async function isSpecialFile(target: string): Promise<boolean> {
  try {
    const stats = await stat(target);
    return !stats.isFile() && !stats.isDirectory();
  } catch {
    return false;
  }
}

async function writeDirectly(target: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(target, "w");
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable; folders cannot be opened for fsync on every platform, so best effort. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here (e.g. Windows); the rename is still atomic.
  }
}
