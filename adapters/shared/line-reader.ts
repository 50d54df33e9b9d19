// Splits a worker's stdout into lines: chunks arrive in arbitrary pieces, answers are whole
// lines. Pieces of an unfinished line are kept in a list and joined once, so a huge output line
// arriving in many chunks costs linear, not quadratic, time.

/** Buffers partial chunks and hands out complete lines (without "\n" or a trailing "\r"). */
export class LineReader {
  private pieces: string[] = [];
  private readonly onLine: (line: string) => void;

  constructor(onLine: (line: string) => void) {
    this.onLine = onLine;
  }

  /** Feeds decoded text; calls onLine once per completed line, in order. */
  push(chunk: string): void {
    let start = 0;
    let newline = chunk.indexOf("\n");
    while (newline !== -1) {
      this.pieces.push(chunk.slice(start, newline));
      const line = this.pieces.join("");
      this.pieces = [];
      this.onLine(line.endsWith("\r") ? line.slice(0, -1) : line);
      start = newline + 1;
      newline = chunk.indexOf("\n", start);
    }
    if (start < chunk.length) this.pieces.push(chunk.slice(start));
  }

  /** Text received after the last newline (a line the process never finished). */
  partial(): string {
    return this.pieces.join("");
  }
}

/**
 * One JSON value as one protocol line. JSON never needs a raw line break (strings escape them),
 * so folding line breaks into spaces keeps the value intact.
 */
export function toOneLine(text: string): string {
  return text.includes("\n") || text.includes("\r") ? text.replace(/\r?\n|\r/g, " ") : text;
}
