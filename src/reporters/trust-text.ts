// The report's trust sections in words every reporter shares: what the sample rules out about the
// whole source, which paths are old's own noise, and how much slower new is.
import type { NoisyPath } from "../calibrate/types.ts";
import { describeSlowdown } from "../gate/slowdown-gate.ts";
import type { ChangeRate, Report } from "../report/types.ts";
import { formatCompactNumber, formatCount, formatKinds, formatPercent, formatRatio } from "./format.ts";

/**
 * Why: `0 of 500 sampled inputs changed: with 95% confidence at most 10 of the 2,000 inputs
 * (0.5%) change`. Undefined for reports without a change rate (tables, older reports).
 */
export function describeChangeRate(report: Report): string | undefined {
  const rate = report.summary.changeRate;
  if (rate === undefined || report.kind !== "records") return undefined;
  if (!rate.applies)
    return `No bound on the source's change rate: ${rate.reason ?? "the sample is not random"}.`;
  const percent = (value: number | undefined) => formatPercent(100 * (value ?? 0));
  const confidence = `${Math.round(rate.confidence * 100)}%`;
  const sampled = rate.sampled ?? 0;
  const changed = rate.changed ?? 0;
  const picked =
    rate.picked !== undefined && rate.picked > 0
      ? ` at random (besides ${formatCount(rate.picked)} picked for value classes, ${rate.pickedChanged ?? 0} changed)`
      : "";
  const observed = `${formatCount(changed)} of ${formatCount(sampled)} inputs sampled${picked} changed`;
  const unjudged = rate.inconclusive
    ? ` (${rate.inconclusive} not judged, counted as changed for the upper end)`
    : "";
  if (rate.method === "census") {
    const exact =
      rate.lowCount === rate.highCount
        ? `${formatCount(rate.lowCount ?? 0)} of the ${formatCount(rate.population ?? 0)} inputs (${percent(rate.low)}) change`
        : `${formatCount(rate.lowCount ?? 0)} to ${formatCount(rate.highCount ?? 0)} of the ${formatCount(rate.population ?? 0)} inputs change`;
    return `Every input ran: ${exact}${unjudged}.`;
  }
  if (rate.method === "binomial") {
    const range =
      changed === 0 ? `at most ${percent(rate.high)}` : `${percent(rate.low)}–${percent(rate.high)}`;
    return `${observed}${unjudged}: with ${confidence} confidence ${range} of the inputs change (${rate.assumption}).`;
  }
  const population = formatCount(rate.population ?? 0);
  const range =
    changed === 0 && (rate.lowCount ?? 0) === (rate.pickedChanged ?? 0)
      ? `at most ${formatCount(rate.highCount ?? 0)} of the ${population} inputs (${percent(rate.high)})`
      : `${formatCount(rate.lowCount ?? 0)} to ${formatCount(rate.highCount ?? 0)} of the ${population} inputs (${percent(rate.low)}–${percent(rate.high)})`;
  return `${observed}${unjudged}: with ${confidence} confidence ${range} change.`;
}

/** Why: `--target-rate 0.1%` says how large a clean random sample would rule that rate out. */
export function describeTarget(rate: ChangeRate | undefined): string | undefined {
  if (rate?.target === undefined) return undefined;
  const sampled = rate.sampled === undefined ? "" : ` (this run: ${formatCount(rate.sampled)})`;
  return `Ruling out a change rate of ${formatPercent(rate.target.rate * 100)} at 95% confidence takes ${formatCount(rate.target.sampleSize)} random inputs with no change among them${sampled}.`;
}

/** One noisy path as a row: path, old-vs-old rate, kinds, largest differences, what the run did, the rule. */
export interface NoisyPathRow {
  path: string;
  oldVsOld: string;
  kinds: string;
  maxAbs: string;
  maxRel: string;
  run: string;
  rule: string;
}

/** Why: the noise is shown, not hidden: every noisy path with its figures and the rule to make it explicit. */
export function listNoisyPathRows(report: Report): NoisyPathRow[] {
  if (report.calibration === undefined) return [];
  return report.calibration.paths.map((noisy) => ({
    path: noisy.path,
    oldVsOld: formatRatio(noisy.differed, noisy.compared),
    kinds: formatKinds(noisy.kinds),
    maxAbs: noisy.maxAbs === undefined ? "" : formatCompactNumber(Number(noisy.maxAbs)),
    maxRel: noisy.maxRel === undefined ? "" : formatCompactNumber(Number(noisy.maxRel)),
    run: describeRun(noisy),
    rule: noisy.flag ?? "",
  }));
}

function describeRun(noisy: NoisyPath): string {
  const { run } = noisy;
  const parts = [`noise ${run.noise}`];
  if (run.beyond > 0) parts.push(`beyond ${run.beyond}`);
  if (run.rateBeyond) parts.push(`rate ${formatRatio(run.differed, run.compared)} beyond calibration`);
  return parts.join(" · ");
}

/** `old ran twice on 50 inputs: 3 noisy paths; 200 trials differed only by that noise (counted as same)`. */
export function describeCalibration(report: Report): string | undefined {
  if (report.calibration === undefined) return undefined;
  const { calibration } = report;
  const tables = report.kind === "tables";
  const paths = calibration.paths.length;
  const noisy =
    paths === 0
      ? "no noisy path: old is deterministic with itself"
      : `${paths} noisy ${tables ? "column" : "path"}${paths === 1 ? "" : "s"}`;
  const noiseTrials =
    calibration.noiseTrials > 0
      ? `; ${formatCount(calibration.noiseTrials)} ${tables ? "row pair(s)" : "trial(s)"} differed only within that noise and count as same`
      : "";
  const ran = tables
    ? `old ran twice on ${calibration.indices.length === 0 ? "the sample's " : ""}${formatCount(calibration.trials)} records, its two tables compared`
    : `old ran twice on ${formatCount(calibration.trials)} inputs`;
  return `Calibration: ${ran}: ${noisy}${noiseTrials}. A difference on a noisy ${tables ? "column" : "path"} counts when of a new kind, beyond ${calibration.margin}× old's own largest, or significantly more frequent (Fisher exact, p < ${calibration.level}).`;
}

/** The title over the noisy paths (a table's are columns), for every reporter. */
export function noisyPathsTitle(unit: "inputs" | "rows"): string {
  return `Noisy ${unit === "rows" ? "columns" : "paths"} (old differs from itself here)`;
}

/** `new 4.01× old (95% CI 3.9×–4.1×, 196 trials)`, for the time row. */
export function describeSlowdownShort(report: Report): string | undefined {
  const slowdown = report.timing.slowdown;
  return slowdown === undefined ? undefined : `new ${describeSlowdown(slowdown)}`;
}
