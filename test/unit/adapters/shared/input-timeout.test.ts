// The per-input timeout decorator: the limit, the message and what the adapter reported.
import { describe, expect, it } from "vitest";
import {
  type InputClock,
  type TimedOut,
  type TimedRecordAdapter,
  withInputTimeout,
} from "../../../../adapters/shared/input-timeout.ts";
import type { Outcome, TrialInput } from "../../../../adapters/types.ts";

const INPUT: TrialInput = { index: 0, text: "{}" };

// A component that never answers: it waits for the clock's signal, then reports what it printed.
function hangingAdapter(extraMs = 0): TimedRecordAdapter & { signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  return {
    signals,
    async start() {},
    async stop() {},
    run(_input: TrialInput, clock: InputClock): Promise<Outcome | TimedOut> {
      const signal = clock.start(extraMs);
      signals.push(signal);
      return new Promise((resolve) => {
        signal.addEventListener("abort", () =>
          resolve({ status: "timed-out", durationMs: 12, stderr: "loading model…" }),
        );
      });
    },
  };
}

describe("withInputTimeout", () => {
  it("turns a stopped input into a timeout failure naming the limit and keeping the stderr", async () => {
    const adapter = withInputTimeout(hangingAdapter(), { timeoutMs: 20, awaited: "output" });
    expect(await adapter.run(INPUT)).toEqual({
      status: "failure",
      failure: { kind: "timeout", message: "no output within 20 ms", stderr: "loading model…" },
      durationMs: 12,
    });
  });

  it("names the limit with the adapter's extra allowance (a cold worker)", async () => {
    const adapter = withInputTimeout(hangingAdapter(15), { timeoutMs: 10, awaited: "result" });
    const outcome = await adapter.run(INPUT);
    expect(outcome.status === "failure" && outcome.failure.message).toBe("no result within 25 ms");
  });

  it("passes an answer through unchanged and never aborts without a timeout", async () => {
    const signals: AbortSignal[] = [];
    const answer: Outcome = { status: "ok", text: "1", durationMs: 3 };
    const adapter = withInputTimeout(
      {
        async start() {},
        async stop() {},
        async run(_input, clock) {
          signals.push(clock.start(1000));
          return answer;
        },
      },
      { timeoutMs: 0, awaited: "response" },
    );
    expect(await adapter.run(INPUT)).toBe(answer);
    expect(signals[0]?.aborted).toBe(false);
  });
});
