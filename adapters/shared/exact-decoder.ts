// Decodes a component's output bytes without losing any: valid UTF-8 decodes as usual, and each
// byte of an invalid sequence becomes the lone surrogate U+DC80 + byte (Python's
// "surrogateescape"). Valid UTF-8 can never produce those code units, so two outputs decode to
// the same text exactly when their bytes are the same: different invalid bytes still differ,
// where replacement characters (U+FFFD) would make them compare equal.
import { isUtf8 } from "node:buffer";

/** Why: a stream arrives in chunks that may split a character; the split bytes wait for the next chunk. */
export class ExactDecoder {
  private pending: Buffer | undefined;

  /** Decodes a chunk; bytes of a character the chunk leaves unfinished are kept for the next one. */
  write(chunk: Buffer): string {
    const bytes = this.pending === undefined ? chunk : Buffer.concat([this.pending, chunk]);
    const cut = unfinishedTail(bytes);
    this.pending = cut > 0 ? Buffer.from(bytes.subarray(bytes.length - cut)) : undefined;
    return decodeExact(cut > 0 ? bytes.subarray(0, bytes.length - cut) : bytes);
  }

  /** The bytes of an unfinished character at the end of the stream, escaped. */
  end(): string {
    const rest = this.pending;
    this.pending = undefined;
    return rest === undefined ? "" : decodeExact(rest);
  }
}

/** Why: the one decoding of whole byte strings (a response body, a finished stdout). */
export function decodeExact(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  return decodeEscaping(bytes);
}

/** How many bytes at the end start a character that is not complete yet (0 to 3). */
function unfinishedTail(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let back = 1; back <= Math.min(3, length); back++) {
    const byte = bytes[length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needed = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 1;
    return byte >= 0xc2 && byte <= 0xf4 && back < needed ? back : 0;
  }
  return 0;
}

function decodeEscaping(bytes: Uint8Array): string {
  const parts: string[] = [];
  let units: number[] = [];
  const flush = () => {
    parts.push(String.fromCharCode(...units));
    units = [];
  };
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length === 0) {
      units.push(0xdc00 + bytes[i]);
      i++;
    } else {
      const codePoint = decodeSequence(bytes, i, length);
      if (codePoint > 0xffff)
        units.push(0xd800 + ((codePoint - 0x10000) >> 10), 0xdc00 + (codePoint & 0x3ff));
      else units.push(codePoint);
      i += length;
    }
    if (units.length >= 8192) flush();
  }
  flush();
  return parts.join("");
}

/** The length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), or 0 when there is none. */
function validSequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  const continuation = (k: number, low = 0x80, high = 0xbf) =>
    i + k < bytes.length && bytes[i + k] >= low && bytes[i + k] <= high;
  if (b0 >= 0xc2 && b0 <= 0xdf) return continuation(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

function decodeSequence(bytes: Uint8Array, i: number, length: number): number {
  if (length === 1) return bytes[i];
  let codePoint = bytes[i] & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) codePoint = (codePoint << 6) | (bytes[i + k] & 0x3f);
  return codePoint;
}
