// The reporters' contracts: a reporter renders a finished Report through an injected sink.
import type { Report } from "../report/types.ts";

/** Where a reporter writes: process.stdout in the CLI, a string buffer in tests. */
export interface TextSink {
  write(text: string): void;
}

/** Options every reporter receives; a reporter ignores what it does not use. */
export interface RenderOptions {
  /** ANSI colours; the CLI decides (TTY and no NO_COLOR). With false no escape code is written. */
  color: boolean;
  /** The terminal's width in columns (COLUMNS, or the TTY's); every line fits it. Default 80. */
  width?: number;
  /** How many differing inputs to show (report.examples is already limited by the run). */
  examples: number;
  /** The shell command that reruns one input, e.g. `npx twinrun run --replay … --only 17`; none for `diff`. */
  reproCommand?: (index: number) => string;
}

/** A reporter: a small function of (report, sink, options); one that draws charts (html) finishes asynchronously. */
export type Reporter = (report: Report, out: TextSink, options: RenderOptions) => void | Promise<void>;
