// What one CLI invocation reads and writes: its streams, working folder and environment. The
// process entry passes the real ones; tests and the fuzz test pass buffers and run in-process.

/** Why: reporters, progress and commander all write through this one small shape. */
export interface OutputStream {
  write(text: string): boolean;
  /** A terminal: colours and progress only then. */
  isTTY?: boolean;
  columns?: number;
}

/** Why: a command never reaches for process.* itself, so it can run in-process and in parallel. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The process's signals (main.ts); absent in-process, where nothing interrupts a run. */
  interrupts?: InterruptSource;
}

/** Why: in-process runs (tests, fuzz) collect the output as text. */
export function bufferStream(options: { isTTY?: boolean } = {}): OutputStream & { text(): string } {
  const chunks: string[] = [];
  return {
    write: (text: string) => {
      chunks.push(text);
      return true;
    },
    ...(options.isTTY !== undefined && { isTTY: options.isTTY }),
    text: () => chunks.join(""),
  };
}

/** Why: Ctrl-C, SIGTERM and SIGHUP stop a run gracefully only when a command takes them over. */
export interface InterruptSource {
  /** Calls `onInterrupt` on the first signal until the returned release is called. */
  take(onInterrupt: (signal: NodeJS.Signals) => void): () => void;
}
