// Splits a worker's stdout into lines: chunks arrive in arbitrary pieces, answers are whole
// lines. Pieces of an unfinished line are kept in a list and joined once, so a huge output line
// arriving in many chunks costs linear, not quadratic, time.

/** A line longer than `maxLineChars` is not buffered: onOverflow is called once and reading stops. */
export interface LineLimit {
  maxLineChars: number;
  onOverflow: () => void;
}

/** Buffers partial chunks and hands out complete lines (without "\n" or a trailing "\r"). */
export class LineReader {
  private pieces: string[] = [];
  private piecesChars = 0;
  private overflowed = false;
  private readonly onLine: (line: string) => void;
  private readonly limit: LineLimit | undefined;

  constructor(onLine: (line: string) => void, limit?: LineLimit) {
    this.onLine = onLine;
    this.limit = limit;
  }

  /** Feeds decoded text; calls onLine once per completed line, in order. */
  push(chunk: string): void {
    if (this.overflowed) return;
    let start = 0;
    let newline = chunk.indexOf("\n");
    while (newline !== -1) {
      if (this.exceeds(newline - start)) return;
      this.pieces.push(chunk.slice(start, newline));
      const line = this.pieces.join("");
      this.pieces = [];
      this.piecesChars = 0;
      this.onLine(line.endsWith("\r") ? line.slice(0, -1) : line);
      if (this.overflowed) return;
      start = newline + 1;
      newline = chunk.indexOf("\n", start);
    }
    if (start < chunk.length) {
      if (this.exceeds(chunk.length - start)) return;
      this.pieces.push(chunk.slice(start));
      this.piecesChars += chunk.length - start;
    }
  }

  /** True (after dropping the buffer and telling the owner) when `more` chars would pass the limit. */
  private exceeds(more: number): boolean {
    if (this.limit === undefined || this.piecesChars + more <= this.limit.maxLineChars) return false;
    this.overflowed = true;
    this.pieces = [];
    this.piecesChars = 0;
    this.limit.onOverflow();
    return true;
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
