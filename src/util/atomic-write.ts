// Atomic file writes: a reader (or a crash) sees the old file or the complete new one, never half of it.
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
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
  const tempPath = path.join(
    folder,
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
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
