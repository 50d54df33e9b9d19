// Splits a worker's stdout into lines: chunks arrive in arbitrary pieces, answers are whole lines.

/** Buffers partial chunks and hands out complete lines (without "\n" or a trailing "\r"). */
export class LineReader {
  private pending = "";
  private readonly onLine: (line: string) => void;

  constructor(onLine: (line: string) => void) {
    this.onLine = onLine;
  }

  /** Feeds decoded text; calls onLine once per completed line, in order. */
  push(chunk: string): void {
    let text = this.pending + chunk;
    let newline = text.indexOf("\n");
    while (newline !== -1) {
      const line = text.slice(0, newline);
      text = text.slice(newline + 1);
      this.onLine(line.endsWith("\r") ? line.slice(0, -1) : line);
      newline = text.indexOf("\n");
    }
    this.pending = text;
  }

  /** Text received after the last newline (a line the process never finished). */
  partial(): string {
    return this.pending;
  }
}
