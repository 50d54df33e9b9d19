// A streaming line splitter that hashes the file in the same pass. It splits on the byte 0x0A
// in Buffers (so a multi-byte UTF-8 character cut by a chunk boundary is never mangled) and
// decodes each line once; memory is one chunk plus the longest line, whatever the file size.
import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { toInputFileError } from "./assert-readable-file.ts";
import { asBytes, concatBytes } from "./bytes.ts";
import { DEFAULT_CHUNK_BYTES, type ReadOptions } from "./record-sink.ts";

/** Receives each line without its terminator; validUtf8 is false when the bytes are not UTF-8. */
export type LineHandler = (text: string, line: number, validUtf8: boolean) => void;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Receives each line's bytes, `bytes[start, end)`, without its `\n`; terminated is false for a
 * last line without one. The bytes are only valid during the call.
 */
export type LineBytesHandler = (bytes: Buffer, start: number, end: number, terminated: boolean) => void;

/**
 * Why: JSONL records must reach the components byte for byte, and the sample identity needs the
 * file's sha256 without a second read. Calls onLine for every line (blank ones too) with its 1-based
 * number, strips `\n` / `\r\n` and a leading UTF-8 byte order mark, and resolves with the sha256 hex.
 */
export async function readLines(
  path: string,
  onLine: LineHandler,
  options: ReadOptions = {},
): Promise<string> {
  let lineNumber = 0;
  return readLineBytes(
    path,
    (bytes, start, end, terminated) => {
      lineNumber += 1;
      const { from, to } = lineContent(bytes, start, end, terminated, lineNumber === 1);
      const text = bytes.toString("utf8", from, to);
      // Decoding replaces bad bytes with U+FFFD; only then is the (rarer) exact check needed.
      const validUtf8 = !text.includes("\uFFFD") || isUtf8(asBytes(bytes.subarray(from, to)));
      onLine(text, lineNumber, validUtf8);
    },
    options,
  );
}

/**
 * Why: a pass that must not decode every line (the fast `random` path) still splits and hashes
 * the file exactly as readLines does. Resolves with the file's sha256 hex.
 */
export async function readLineBytes(
  path: string,
  onLine: LineBytesHandler,
  options: ReadOptions = {},
): Promise<string> {
  const hash = createHash("sha256");
  const stream = createReadStream(path, { highWaterMark: options.chunkBytes ?? DEFAULT_CHUNK_BYTES });
  let carry: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(asBytes(chunk));
      let position = 0;
      let newline = chunk.indexOf(NEWLINE, position);
      while (newline !== -1) {
        if (carry.length > 0) {
          carry.push(chunk.subarray(position, newline));
          const joined = concatBytes(carry);
          carry = [];
          onLine(joined, 0, joined.length, true);
        } else {
          onLine(chunk, position, newline, true);
        }
        position = newline + 1;
        newline = chunk.indexOf(NEWLINE, position);
      }
      if (position < chunk.length) carry.push(chunk.subarray(position));
    }
  } catch (error) {
    throw isFileSystemError(error) ? toInputFileError(path, error) : error;
  } finally {
    stream.destroy();
  }
  if (carry.length > 0) {
    const joined = concatBytes(carry);
    onLine(joined, 0, joined.length, false);
  }
  return hash.digest("hex");
}

/** Why: both passes drop a `\r` before the `\n` and a byte order mark on the first line alike. */
export function lineContent(
  bytes: Buffer,
  start: number,
  end: number,
  terminated: boolean,
  firstLine: boolean,
): { from: number; to: number } {
  let from = start;
  let to = end;
  if (terminated && to > from && bytes[to - 1] === CARRIAGE_RETURN) to -= 1;
  if (firstLine && hasByteOrderMark(bytes, from, to)) from += 3;
  return { from, to };
}

function hasByteOrderMark(bytes: Buffer, from: number, to: number): boolean {
  return to - from >= 3 && bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf;
}

function isFileSystemError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "syscall" in error;
}
