import { describe, expect, it } from "vitest";
import { createProgress, formatProgressLine } from "../../../src/reporters/progress.ts";

function makeStream(isTTY: boolean, columns = 120) {
  const writes: string[] = [];
  return {
    writes,
    stream: {
      isTTY,
      columns,
      write: (chunk: string | Uint8Array) => {
        writes.push(String(chunk));
        return true;
      },
    },
  };
}

function makeClock() {
  let nowMs = 0;
  return { now: () => nowMs, advance: (ms: number) => (nowMs += ms) };
}

describe("createProgress", () => {
  it("draws nothing during the first second", () => {
    const { stream, writes } = makeStream(true);
    const clock = makeClock();
    const progress = createProgress(stream, 100, { now: clock.now });
    clock.advance(900);
    progress.tick(10, 0, 0);
    progress.finish();
    expect(writes).toEqual([]);
  });

  it("rewrites one line with \\r after the first second and clears it on finish", () => {
    const { stream, writes } = makeStream(true);
    const clock = makeClock();
    const progress = createProgress(stream, 10000, { now: clock.now });
    clock.advance(2000);
    progress.tick(1624, 3, 0);
    expect(writes).toEqual(["\rtwinrun: 1624/10000 trials · 3 changed · 0 failures · 812/s"]);
    progress.finish();
    expect(writes[1]).toMatch(/^\r +\r$/);
    expect(writes[1].length).toBe(writes[0].length + 1);
    progress.finish();
    progress.tick(2000, 3, 0);
    expect(writes).toHaveLength(2);
  });

  it("throttles redraws to about ten per second", () => {
    const { stream, writes } = makeStream(true);
    const clock = makeClock();
    const progress = createProgress(stream, 1000, { now: clock.now });
    clock.advance(1001);
    for (let done = 1; done <= 100; done++) {
      progress.tick(done, 0, 0);
      clock.advance(10);
    }
    // 100 ticks over 1 s: one draw per 100 ms.
    expect(writes.length).toBeGreaterThanOrEqual(9);
    expect(writes.length).toBeLessThanOrEqual(11);
  });

  it("pads over a longer previous line", () => {
    const { stream, writes } = makeStream(true);
    const clock = makeClock();
    const progress = createProgress(stream, 100, { now: clock.now });
    clock.advance(1001);
    progress.tick(5, 12345, 2);
    clock.advance(200);
    progress.tick(6, 1, 2);
    expect(writes[1]).toBe("\rtwinrun: 6/100 trials · 1 changed · 2 failures · 5/s    ");
    expect(writes[1].length).toBe(writes[0].length);
  });

  it("fits the line to a narrow terminal so \\r can rewrite it", () => {
    const { stream, writes } = makeStream(true, 30);
    const clock = makeClock();
    const progress = createProgress(stream, 100, { now: clock.now });
    clock.advance(1500);
    progress.tick(5, 0, 0);
    expect(writes[0].length - 1).toBeLessThan(30);
  });

  it("is a no-op when the stream is not a terminal", () => {
    const { stream, writes } = makeStream(false);
    const clock = makeClock();
    const progress = createProgress(stream, 100, { now: clock.now });
    clock.advance(5000);
    progress.tick(50, 1, 1);
    progress.finish();
    expect(writes).toEqual([]);
  });
});

describe("formatProgressLine", () => {
  it("says failure in the singular for one failure", () => {
    expect(formatProgressLine({ done: 3, total: 9, changed: 0, failures: 1, elapsedMs: 1500 })).toBe(
      "twinrun: 3/9 trials · 0 changed · 1 failure · 2/s",
    );
  });
});
