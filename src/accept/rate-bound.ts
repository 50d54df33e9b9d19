// An accepted rate as a confidence bound: `twinrun accept` stores the upper end of the change
// rate's interval, and a later run exceeds it only when its own counts show, with confidence,
// a higher rate. So a rerun of the same code on a larger sample, another seed or one shard passes,
// while a change that spread to many more inputs fails.
import type { SampleIdentity } from "../inputs/types.ts";
import { CHANGE_RATE_CONFIDENCE } from "../report/change-rate.ts";
import type { ChangeRate } from "../report/types.ts";
import {
  binomialLower,
  binomialUpper,
  hypergeometricLower,
  hypergeometricUpper,
} from "../stats/exact-bounds.ts";

/**
 * What a run's trials are a sample of: random (a uniform sample of `population` inputs, when
 * known, beside `picked` cover picks chosen on purpose), or not.
 */
export interface RateBasis {
  random: boolean;
  population?: number;
  picked?: number;
}

/** A basis that allows no inference: tables, non-random strategies, interrupted runs. */
export const POINT_BASIS: RateBasis = { random: false };

/**
 * Why: the gate judges a maxRate entry from what the run is a sample of. A shard is treated as
 * random: it is every n-th input of a uniform sample, so its counts speak for the source too.
 * A cover sample is random apart from its class picks, which the bounds set aside.
 */
export function rateBasisOf(
  sample: SampleIdentity,
  context: { kind: "records" | "tables"; complete: boolean },
): RateBasis {
  const random =
    sample.strategy === "random" ||
    sample.strategy === "all" ||
    (sample.strategy === "cover" && sample.cover !== undefined);
  if (context.kind === "tables" || !context.complete || !random) return POINT_BASIS;
  const kept = new Set(sample.indices);
  const picked = sample.cover?.picks.filter((pick) => kept.has(pick.index)).length ?? 0;
  const population =
    Number.isSafeInteger(sample.totalRecords) && sample.totalRecords >= sample.size
      ? sample.totalRecords
      : undefined;
  return { random: true, ...(population !== undefined && { population }), ...(picked > 0 && { picked }) };
}

/**
 * Why: `count` trials of `trials` matched an entry whose rate is at most `maxRatePercent`. On a
 * random basis it is beyond only when the one-sided 95% lower bound of the source's rate is above
 * the limit (exact: hypergeometric for a known size, else Clopper–Pearson); otherwise the point
 * rate is compared. Cover picks may all be among the matched trials, so only the matches beyond
 * them count, against the random part.
 */
export function isBeyondRateBound(
  count: number,
  trials: number,
  maxRatePercent: number,
  basis: RateBasis,
): boolean {
  if (count === 0 || trials === 0) return false;
  const limit = maxRatePercent / 100;
  const slack = 1e-12;
  if (!basis.random) return count / trials > limit * (1 + slack) + slack;
  const alpha = 1 - CHANGE_RATE_CONFIDENCE;
  const picked = Math.min(basis.picked ?? 0, trials);
  const randomTrials = trials - picked;
  const randomCount = Math.max(0, count - picked);
  if (randomCount === 0) return false;
  const { population } = basis;
  const low =
    population === undefined || trials > population
      ? binomialLower(randomCount, randomTrials, alpha)
      : hypergeometricLower(randomCount, population - picked, randomTrials, alpha) / population;
  return low > limit * (1 + slack) + slack;
}

/** The change rate's interval for one path, as `twinrun accept` writes it. */
export interface PathRateInterval {
  low: number;
  high: number;
  population?: number;
  confidence: number;
}

/**
 * Why: the interval of one path's rate, computed as the report's summary.changeRate is (two-sided
 * 95%, one-sided at 0 or all changed), when that bound applies; undefined otherwise (shards, tables,
 * non-random strategies). Of a cover sample only the path's count is known, not how many of its
 * changes were class picks, so the interval takes the widest reading: at the high end every pick
 * that could have changed did (and the rest were random), at the low end the picks took the most.
 */
export function pathRateInterval(
  changed: number,
  trials: number,
  changeRate: ChangeRate | undefined,
): PathRateInterval | undefined {
  const picked = changeRate?.picked ?? 0;
  if (
    changeRate?.applies !== true ||
    changeRate.sampled === undefined ||
    changeRate.sampled + picked !== trials
  )
    return undefined;
  const { confidence, population } = changeRate;
  const randomTrials = trials - picked;
  const highRandom = Math.min(changed, randomTrials);
  const lowRandom = Math.max(0, changed - picked);
  const oneSided = lowRandom === 0 || highRandom === randomTrials;
  const alpha = oneSided ? 1 - confidence : (1 - confidence) / 2;
  if (population === undefined) {
    return {
      low: lowRandom === 0 ? 0 : binomialLower(lowRandom, randomTrials, alpha),
      high: highRandom === randomTrials ? 1 : binomialUpper(highRandom, randomTrials, alpha),
      confidence,
    };
  }
  const rest = population - picked;
  const pickedHigh = Math.min(changed, picked);
  if (randomTrials >= rest) {
    return { low: changed / population, high: changed / population, population, confidence };
  }
  const lowCount = lowRandom === 0 ? 0 : hypergeometricLower(lowRandom, rest, randomTrials, alpha);
  const highCount = pickedHigh + hypergeometricUpper(highRandom, rest, randomTrials, alpha);
  return { low: lowCount / population, high: Math.min(1, highCount / population), population, confidence };
}
