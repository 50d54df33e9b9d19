// The in-process adapter for functions handed to the programmatic API in memory (`twin({old: fn})`).
// No threads: the function runs in twinrun's own process, so it can close over test fixtures and
// mocks. The price: a synchronous function cannot be interrupted. A timeout still ends the wait
// for an async function (the outcome is a timeout failure), but its work goes on in the background.
import { performance } from "node:perf_hooks";
import { type ComponentFunction, callComponentFunction } from "../module/call-function.ts";
import { outcomeFromCall } from "../module/outcomes.ts";
import {
  type InputClock,
  type TimedOut,
  type TimedRecordAdapter,
  untilAborted,
  withInputTimeout,
} from "../shared/input-timeout.ts";
import type { Outcome, RecordAdapter, Side, TrialInput } from "../types.ts";

/** What the in-process adapter needs. */
export interface FunctionAdapterOptions {
  side: Side;
  call: ComponentFunction;
  /** Per-input timeout for async functions; 0 means none. */
  timeoutMs: number;
}

/** Why: tests compare two in-memory functions without worker threads or files. */
export function createFunctionAdapter(options: FunctionAdapterOptions): RecordAdapter {
  let stopped = false;
  const adapter: TimedRecordAdapter = {
    async start() {},
    async run(input: TrialInput, clock: InputClock): Promise<Outcome | TimedOut> {
      if (stopped) throw new Error(`twinrun bug: ${options.side} adapter got an input after stop()`);
      const startedAt = performance.now();
      const signal = clock.start();
      const result = await untilAborted(callComponentFunction(options.call, input.text), signal);
      const durationMs = performance.now() - startedAt;
      if (result === "aborted") return { status: "timed-out", durationMs, stderr: "" };
      return outcomeFromCall(result, durationMs, "");
    },
    async stop() {
      stopped = true;
    },
  };
  return withInputTimeout(adapter, { timeoutMs: options.timeoutMs, awaited: "result" });
}
