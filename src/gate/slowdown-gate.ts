// The slowdown gate: new slower than `max` times old, with 95% confidence, fails the run.

import type { ReportGate } from "../report/types.ts";
import { formatCompactNumber } from "../reporters/format.ts";
import type { Slowdown } from "../slowdown/slowdown.ts";

/** Why: a much slower refactor is a behaviour change; the gate says so on its own line. */
export function judgeSlowdown(
  max: number,
  measured: Slowdown | undefined,
): NonNullable<ReportGate["slowdown"]> {
  const limit = `max slowdown ${formatCompactNumber(max)}×`;
  if (measured?.threshold === undefined) {
    return { maxSlowdown: max, passed: true, line: `slowdown: no paired trial times to judge (${limit})` };
  }
  const { threshold } = measured;
  const figure = describeSlowdown(measured);
  const evidence = `${threshold.above} of ${threshold.above + threshold.below} trials above ${formatCompactNumber(max)}×, sign test p = ${formatPValue(threshold.pValue)}`;
  return threshold.slower
    ? {
        maxSlowdown: max,
        passed: false,
        line: `slowdown: new is ${figure}, beyond the ${limit} with 95% confidence (${evidence})`,
      }
    : {
        maxSlowdown: max,
        passed: true,
        line: `slowdown: new is ${figure}, within the ${limit} (${evidence})`,
      };
}

/** `4.01× old (95% CI 3.9×–4.1×, 196 trials)`. */
export function describeSlowdown(slowdown: Slowdown): string {
  const interval =
    slowdown.low === undefined || slowdown.high === undefined
      ? `too few trials for an interval`
      : `95% CI ${formatCompactNumber(slowdown.low)}×–${formatCompactNumber(slowdown.high)}×`;
  return `${formatCompactNumber(slowdown.ratio)}× old (${interval}, ${slowdown.trials} trials)`;
}

function formatPValue(p: number): string {
  return p < 0.001 ? p.toExponential(1) : p.toPrecision(2);
}
