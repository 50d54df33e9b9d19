// Keeps the last few KB of a process's stderr: enough to explain a failure, never unbounded.
import { StringDecoder } from "node:string_decoder";

/** The tail size the Failure contract promises: the last 4 KB (counted in characters). */
export const STDERR_TAIL_CHARS = 4096;

/** A rolling buffer of the most recent stderr text of one process (or one input). */
export class StderrTail {
  private decoder = new StringDecoder("utf8");
  private kept = "";
  private readonly limitChars: number;

  constructor(limitChars = STDERR_TAIL_CHARS) {
    this.limitChars = limitChars;
  }

  /** Appends a chunk (characters split across chunks are decoded whole), dropping the oldest text. */
  push(chunk: Buffer | string): void {
    this.kept += typeof chunk === "string" ? chunk : this.decoder.write(chunk);
    if (this.kept.length > this.limitChars * 2) this.kept = this.kept.slice(-this.limitChars);
  }

  /** The kept text, at most the limit; never starts with half a surrogate pair. */
  text(): string {
    let tail = this.kept.length > this.limitChars ? this.kept.slice(-this.limitChars) : this.kept;
    if (/^[\uDC00-\uDFFF]/.test(tail)) tail = tail.slice(1);
    return tail;
  }

  /** Forgets everything kept so far (worker mode: a new input starts). */
  reset(): void {
    this.kept = "";
  }
}

/** The last non-empty line of a stderr text, shortened: the usual one-line reason for a failure. */
export function lastStderrLine(stderr: string, maxChars = 200): string | undefined {
  const lines = stderr.split(/\r?\n/).filter((line) => line.trim() !== "");
  const last = lines.at(-1)?.trim();
  if (last === undefined) return undefined;
  return last.length > maxChars ? `${last.slice(0, maxChars)}…` : last;
}
