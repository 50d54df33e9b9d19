// `twinrun/vitest`: `await expect(twin({ old, new, inputs })).toBeEquivalent()`. Importing this
// module registers the matcher; its failure message is the terminal report's changed-paths table
// and first differing input, without colours.
import { expect } from "vitest";
import { describeChange, describeNoChange, isEquivalent } from "./api/describe-change.ts";
import { runTwin } from "./api/run-twin.ts";
import type { TwinOptions } from "./api/types.ts";
import type { Report } from "./report/types.ts";

export type { TwinComponent, TwinFunction, TwinOptions } from "./api/types.ts";

/** Why: the matcher's subject — runs old and new (functions in this process, specs as configured) and returns the report. */
export function twin(options: TwinOptions): Promise<Report> {
  return runTwin(options);
}

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: must match vitest's own declaration of Matchers.
  interface Matchers<T = any> {
    /** Passes when the twin run's gate passes (by default: no input changed). Await it. */
    toBeEquivalent(): Promise<void>;
  }
}

expect.extend({
  async toBeEquivalent(received: unknown) {
    const report = await received;
    if (!isReport(report)) {
      return {
        pass: false,
        message: () =>
          `toBeEquivalent expects twin({ old, new, inputs }) (a twinrun report), got ${report === null ? "null" : typeof report}`,
      };
    }
    const pass = isEquivalent(report);
    return { pass, message: () => (pass ? describeNoChange(report) : describeChange(report)) };
  },
});

function isReport(value: unknown): value is Report {
  return value !== null && typeof value === "object" && (value as { tool?: unknown }).tool === "twinrun";
}
