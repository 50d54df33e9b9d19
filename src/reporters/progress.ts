// A one-line progress indicator on stderr for long runs; silent for short runs and non-terminals.

/** Nothing is drawn until the run has lasted this long, so quick runs print no progress at all. */
export const PROGRESS_DELAY_MS = 1000;
/** At most one redraw per this interval (~10 updates per second). */
export const PROGRESS_INTERVAL_MS = 100;

/** The handle the CLI feeds after every trial. */
export interface Progress {
  /** Reports the counts so far; redraws the line when due. */
  tick(done: number, changed: number, failures: number): void;
  /** Clears the line (if one was drawn); safe to call twice. */
  finish(): void;
}

/** The stream as progress needs it: process.stderr, or a fake in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A progress line rewritten in place with `\r`, only on a TTY and only after the first second. */
export function createProgress(
  stream: ProgressStream,
  total: number,
  options: { now?: () => number } = {},
): Progress {
  const now = options.now ?? (() => performance.now());
  if (stream.isTTY !== true) return { tick: () => undefined, finish: () => undefined };
  const startedAt = now();
  let lastDrawAt = Number.NEGATIVE_INFINITY;
  let drawnWidth = 0;
  let finished = false;

  return {
    tick(done, changed, failures) {
      if (finished) return;
      const at = now();
      const elapsedMs = at - startedAt;
      if (elapsedMs <= PROGRESS_DELAY_MS || at - lastDrawAt < PROGRESS_INTERVAL_MS) return;
      lastDrawAt = at;
      const line = fitToWidth(
        formatProgressLine({ done, total, changed, failures, elapsedMs }),
        stream.columns,
      );
      // Pad over the previous line's tail instead of relying on terminal-specific clear codes.
      stream.write(`\r${line}${" ".repeat(Math.max(0, drawnWidth - line.length))}`);
      drawnWidth = line.length;
    },
    finish() {
      if (finished) return;
      finished = true;
      if (drawnWidth > 0) stream.write(`\r${" ".repeat(drawnWidth)}\r`);
      drawnWidth = 0;
    },
  };
}

/** `twinrun: 1234/10000 trials · 3 changed · 0 failures · 812/s` */
export function formatProgressLine(state: {
  done: number;
  total: number;
  changed: number;
  failures: number;
  elapsedMs: number;
}): string {
  const rate = state.elapsedMs > 0 ? Math.round((state.done * 1000) / state.elapsedMs) : 0;
  return (
    `twinrun: ${state.done}/${state.total} trials · ${state.changed} changed · ` +
    `${state.failures} failure${state.failures === 1 ? "" : "s"} · ${rate}/s`
  );
}

/** A line longer than the terminal wraps, and `\r` then rewrites only its last row. */
function fitToWidth(line: string, columns: number | undefined): string {
  if (columns === undefined || columns <= 1 || line.length < columns) return line;
  return `${line.slice(0, columns - 2)}…`;
}
