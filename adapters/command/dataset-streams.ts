// The file plumbing of one dataset-mode run: the sample file streamed to stdin (when the command
// has no `{input}`) and stdout streamed into the output file (when it has no `{output}`), with
// backpressure, so memory never holds more than a pipe's worth of either.
import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import { DRAIN_AFTER_EXIT_MS } from "../process/exit-info.ts";
import { type GroupProcess, killGroup } from "../process/process-tree.ts";

export interface DatasetStreamOptions {
  inputPath: string;
  outputPath: string;
  inputOnStdin: boolean;
  outputOnStdout: boolean;
}

/** The open streams of one run; finish() once the process has ended. */
export interface DatasetStreams {
  /** Closes stdin, lets stdout drain into the output file and closes it; resolves with a write error, if any. */
  finish(): Promise<Error | undefined>;
}

/** Why: connects the process's stdin/stdout to the two files right after spawning it. */
export function openDatasetStreams(subprocess: GroupProcess, options: DatasetStreamOptions): DatasetStreams {
  const input = options.inputOnStdin ? streamToStdin(subprocess, options.inputPath) : undefined;
  if (input === undefined) subprocess.stdin.end();
  if (!options.outputOnStdout) {
    // The command writes {output} itself; whatever it prints on stdout is drained and dropped.
    subprocess.stdout.resume();
    return {
      finish: async () => {
        closeInput(subprocess, input);
        subprocess.stdout.destroy();
        return undefined;
      },
    };
  }
  const output = createWriteStream(options.outputPath);
  let writeError: Error | undefined;
  const closed = new Promise<void>((resolve) => output.once("close", resolve));
  output.on("error", (error) => {
    writeError ??= error;
    // Nothing can take the output any more: end the component rather than let it block on stdout.
    killGroup(subprocess.pid, "SIGKILL");
    subprocess.stdout.destroy();
  });
  subprocess.stdout.pipe(output);
  return {
    finish: async () => {
      closeInput(subprocess, input);
      await drained(subprocess);
      // stdout that never ended (destroyed after a kill, or held open by an escaped grandchild):
      // keep what arrived and close the file cleanly instead of discarding its buffered writes.
      if (!subprocess.stdout.readableEnded) {
        subprocess.stdout.unpipe(output);
        subprocess.stdout.destroy();
        output.end();
      }
      await closed;
      return writeError;
    },
  };
}

function streamToStdin(subprocess: GroupProcess, inputPath: string): ReadStream {
  const input = createReadStream(inputPath);
  // A sample file that cannot be read ends stdin, so the component sees end of input, not a hang.
  input.on("error", () => subprocess.stdin.end());
  input.pipe(subprocess.stdin);
  return input;
}

// A component may exit without reading all of stdin; the rest of the sample file is let go.
function closeInput(subprocess: GroupProcess, input: ReadStream | undefined): void {
  input?.unpipe(subprocess.stdin);
  input?.destroy();
  subprocess.stdin.destroy();
}

// Waits (briefly) for stdout to end after the process ended: the last chunks are still in the pipe.
async function drained(subprocess: GroupProcess): Promise<void> {
  const stdout = subprocess.stdout;
  if (stdout.readableEnded || stdout.destroyed) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, DRAIN_AFTER_EXIT_MS);
    function done() {
      clearTimeout(timer);
      stdout.off("end", done);
      stdout.off("close", done);
      resolve();
    }
    stdout.once("end", done);
    stdout.once("close", done);
  });
}
