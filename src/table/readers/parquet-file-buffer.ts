// A Parquet reader reads by byte range (footer first, then column chunks); this serves those
// ranges from an open file handle, so only the row group being read is ever in memory.
import { open } from "node:fs/promises";
import type { AsyncBuffer } from "hyparquet";
import { toInputFileError } from "../../inputs/assert-readable-file.ts";

/** An AsyncBuffer over a file, plus close() for the handle behind it. */
export interface ParquetFileBuffer {
  buffer: AsyncBuffer;
  close(): Promise<void>;
}

/** Why: hyparquet asks for slices by offset; each is read from disk when asked, never the whole file. */
export async function openParquetFileBuffer(path: string): Promise<ParquetFileBuffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw toInputFileError(path, error);
  }
  let byteLength: number;
  try {
    byteLength = (await handle.stat()).size;
  } catch (error) {
    await handle.close();
    throw toInputFileError(path, error);
  }
  const buffer: AsyncBuffer = {
    byteLength,
    async slice(start, end = byteLength) {
      const from = Math.max(0, start < 0 ? byteLength + start : start);
      const to = Math.min(byteLength, end < 0 ? byteLength + end : end);
      const bytes = new Uint8Array(Math.max(0, to - from));
      let filled = 0;
      while (filled < bytes.length) {
        const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, from + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return bytes.buffer;
    },
  };
  return { buffer, close: () => handle.close() };
}
