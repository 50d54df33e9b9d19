// The per-input timeout as one decorator around a record adapter. The decorator owns the timer,
// the limit and the failure message; the adapter only says when an input's clock starts (once
// its worker is ready and the input is handed over) and, when the clock's signal aborts, stops
// that input's work (kills the worker's process group, terminates the thread, destroys the
// request) and reports what it had.
import { failureOutcome } from "../command/outcomes.ts";
import type { Outcome, RecordAdapter, TrialInput } from "../types.ts";

/** An input's clock: started by the adapter when the component gets the input. */
export interface InputClock {
  /**
   * Starts the clock (extraMs more than the timeout, e.g. for a cold worker's imports); the
   * signal aborts when the time is up, and never when there is no timeout.
   */
  start(extraMs?: number): AbortSignal;
}

/** What a timed adapter resolves with when the clock's signal aborted and it stopped the input. */
export interface TimedOut {
  status: "timed-out";
  durationMs: number;
  /** What the component wrote (its stderr tail, or its console output) until it was stopped. */
  stderr: string;
}

/** A record adapter whose runs the timeout decorator can cut short. */
export interface TimedRecordAdapter {
  start(): Promise<void>;
  run(input: TrialInput, clock: InputClock): Promise<Outcome | TimedOut>;
  stop(): Promise<void>;
}

/** What the component failed to give in time, for the message: `no output within 500 ms`. */
export type AwaitedAnswer = "output" | "result" | "response";

/** Why: every record adapter times out the same way, with the same message shape (STYLE.md: timeouts as wrappers). */
export function withInputTimeout(
  adapter: TimedRecordAdapter,
  options: { timeoutMs: number; awaited: AwaitedAnswer },
): RecordAdapter {
  return {
    start: () => adapter.start(),
    stop: () => adapter.stop(),
    async run(input) {
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      let limitMs = options.timeoutMs;
      const clock: InputClock = {
        start(extraMs = 0) {
          if (options.timeoutMs > 0 && timer === undefined) {
            limitMs = options.timeoutMs + extraMs;
            timer = setTimeout(() => controller.abort(), limitMs);
          }
          return controller.signal;
        },
      };
      try {
        const result = await adapter.run(input, clock);
        if (result.status !== "timed-out") return result;
        return failureOutcome("timeout", `no ${options.awaited} within ${limitMs} ms`, result.durationMs, {
          stderr: result.stderr,
        });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Why: an adapter waits for its component's answer or the clock, whichever comes first. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | "aborted"> {
  if (signal.aborted) return Promise.resolve("aborted");
  return new Promise<T | "aborted">((resolve, reject) => {
    const onAbort = () => resolve("aborted");
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
