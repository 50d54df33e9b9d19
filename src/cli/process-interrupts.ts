// SIGINT, SIGTERM and SIGHUP for the real process: the first one goes to the command that took
// it over (a run stops its components and writes the partial report); with none, or on a second
// signal, twinrun says so and exits at once. Every component process group is killed on exit.
import { cancelPostgresQueries } from "../table/postgres/open-clients.ts";
import type { InterruptSource, OutputStream } from "./io.ts";

/** Exit status of an interrupted twinrun, whichever signal stopped it (as 128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Why: installed first thing, so a signal during start-up is never a silent death. */
export function watchProcessSignals(stderr: OutputStream): InterruptSource {
  let handler: ((signal: NodeJS.Signals) => void) | undefined;
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted || handler === undefined) {
      stderr.write(
        interrupted
          ? `\ntwinrun: ${signal} again — quitting now; the report was not written\n`
          : `\ntwinrun: interrupted (${signal}) before the run began; nothing ran and no report was written\n`,
      );
      // Statements running in a database are cancelled there first (bounded: they never throw and
      // time out); the exit hook of the process registry kills every component process group.
      void cancelPostgresQueries().finally(() => process.exit(EXIT_INTERRUPTED));
      return;
    }
    interrupted = true;
    handler(signal);
  };
  for (const signal of SIGNALS) {
    // The start-up handler of bin/twinrun.js hands over to this one.
    for (const listener of process.listeners(signal)) {
      if ((listener as { twinrunStartup?: boolean }).twinrunStartup === true) process.off(signal, listener);
    }
    process.on(signal, onSignal);
  }
  return {
    take(onInterrupt) {
      handler = onInterrupt;
      return () => {
        if (handler === onInterrupt) handler = undefined;
      };
    },
  };
}
