// process.stdout/stderr wrapped so a reader that went away (`twinrun … | head`, EPIPE) or a full
// device (`> /dev/full`, ENOSPC) never crashes the run: the rest of that stream's output is dropped.
import type { OutputStream } from "./io.ts";

/** Why: writing to a closed pipe must end in a quiet exit, not an unhandled 'error' event. */
export function guardStream(
  stream: NodeJS.WriteStream,
  onFirstError: (error: NodeJS.ErrnoException) => void = () => undefined,
): OutputStream {
  let broken = false;
  const fail = (error: NodeJS.ErrnoException) => {
    if (broken) return;
    broken = true;
    onFirstError(error);
  };
  stream.on("error", fail);
  return {
    write: (text: string) => {
      if (broken || stream.destroyed) return false;
      try {
        return stream.write(text);
      } catch (error) {
        fail(error as NodeJS.ErrnoException);
        return false;
      }
    },
    get isTTY() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.columns;
    },
  };
}
