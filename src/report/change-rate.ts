// What the sample can say about the whole source: the confidence interval of its change rate,
// exact for a uniform random sample of a finite population. Other strategies get no bound.
import type { SampleIdentity } from "../inputs/types.ts";
import {
  binomialLower,
  binomialUpper,
  hypergeometricLower,
  hypergeometricUpper,
  sampleSizeFor,
} from "../stats/exact-bounds.ts";
import type { ChangeRate } from "./types.ts";

export const CHANGE_RATE_CONFIDENCE = 0.95;

/** Trials of the uniform random part of the sample (cover: those not picked for a class), and what they showed. */
export interface RandomPartCounts {
  trials: number;
  changed: number;
  /** Trials twinrun could not judge: counted as changed for the high end of the interval. */
  inconclusive: number;
  /** Cover: the inputs picked for a class (not random), and how many of them changed. */
  picked: number;
  pickedChanged: number;
}

/** Why: counts what the run's trials showed, split into the random part and the cover picks. */
export class RandomPartCounter {
  private readonly picks: ReadonlySet<number>;
  private readonly counts: RandomPartCounts = {
    trials: 0,
    changed: 0,
    inconclusive: 0,
    picked: 0,
    pickedChanged: 0,
  };

  constructor(sample: SampleIdentity) {
    this.picks = new Set(sample.cover?.picks.map((pick) => pick.index) ?? []);
  }

  /** One judged trial: changed when some difference counts, inconclusive when twinrun could not judge it. */
  add(index: number, outcome: "same" | "changed" | "inconclusive"): void {
    if (this.picks.has(index)) {
      this.counts.picked += 1;
      if (outcome !== "same") this.counts.pickedChanged += 1;
      return;
    }
    this.counts.trials += 1;
    if (outcome === "changed") this.counts.changed += 1;
    else if (outcome === "inconclusive") this.counts.inconclusive += 1;
  }

  result(): RandomPartCounts {
    return { ...this.counts };
  }
}

/** The shards' counts summed, or undefined when some shard kept none. */
export function sumRandomPartCounts(
  rates: readonly (ChangeRate | undefined)[],
): RandomPartCounts | undefined {
  if (rates.some((rate) => rate?.sampled === undefined)) return undefined;
  const sum = (pick: (rate: ChangeRate) => number | undefined) =>
    rates.reduce((total, rate) => total + (pick(rate!) ?? 0), 0);
  return {
    trials: sum((rate) => rate.sampled),
    changed: sum((rate) => rate.changed),
    inconclusive: sum((rate) => rate.inconclusive),
    picked: sum((rate) => rate.picked),
    pickedChanged: sum((rate) => rate.pickedChanged),
  };
}

/** What decides whether a bound applies, besides the sample itself. */
export interface ChangeRateContext {
  kind: "records" | "tables";
  complete: boolean;
  sharded: boolean;
  /** Rule out rates from this one (a fraction) on: the sample size that would take. */
  targetRate?: number;
}

/**
 * Why: "equivalent" on 500 of 2,000 inputs and on 500 of 20 million are different claims; the
 * report states which rate the sample rules out. With 0 (or all) changed the bound is
 * one-sided at 95%; otherwise the interval is two-sided with 2.5% in each tail. Cover samples
 * speak through their random part: the class picks were all observed, so the interval for the
 * whole source adds their changed count to the random part's bound on the other inputs.
 */
export function describeChangeRate(
  sample: SampleIdentity,
  counts: RandomPartCounts | undefined,
  context: ChangeRateContext,
): ChangeRate {
  const reason = whyNoBound(sample, counts, context);
  const target = targetOf(context.targetRate, sample, counts);
  // The counts stay in the report even without a bound: merging shards sums them.
  const observedCounts =
    counts === undefined
      ? {}
      : {
          sampled: counts.trials,
          changed: counts.changed,
          ...(counts.inconclusive > 0 && { inconclusive: counts.inconclusive }),
          ...(counts.picked > 0 && { picked: counts.picked, pickedChanged: counts.pickedChanged }),
        };
  if (reason !== undefined || counts === undefined) {
    return {
      applies: false,
      reason: reason ?? "the run kept no counts for its random part",
      confidence: CHANGE_RATE_CONFIDENCE,
      ...observedCounts,
      ...target,
    };
  }
  const population = knownPopulation(sample);
  const rest = population === undefined ? undefined : population - counts.picked;
  const observed = counts.changed;
  const observedHigh = Math.min(counts.trials, counts.changed + counts.inconclusive);
  const oneSided = observed === 0 || observedHigh === counts.trials;
  const alpha = oneSided ? 1 - CHANGE_RATE_CONFIDENCE : (1 - CHANGE_RATE_CONFIDENCE) / 2;
  const common = { applies: true, confidence: CHANGE_RATE_CONFIDENCE, ...observedCounts };
  if (rest === undefined || population === undefined) {
    const low = observed === 0 ? 0 : binomialLower(observed, counts.trials, alpha);
    const high = observedHigh === counts.trials ? 1 : binomialUpper(observedHigh, counts.trials, alpha);
    return {
      ...common,
      method: "binomial",
      assumption:
        "the source's size is unknown: the bound assumes it is far larger than the sample (binomial)",
      low,
      high,
      ...target,
    };
  }
  const method = counts.trials === rest ? "census" : "hypergeometric";
  const lowRest = observed === 0 ? 0 : hypergeometricLower(observed, rest, counts.trials, alpha);
  const highRest =
    observedHigh === counts.trials && counts.trials === rest
      ? observedHigh
      : hypergeometricUpper(observedHigh, rest, counts.trials, alpha);
  const lowCount = counts.pickedChanged + lowRest;
  const highCount = counts.pickedChanged + highRest;
  return {
    ...common,
    method,
    population,
    low: lowCount / population,
    high: highCount / population,
    lowCount,
    highCount,
    ...target,
  };
}

function whyNoBound(
  sample: SampleIdentity,
  counts: RandomPartCounts | undefined,
  context: ChangeRateContext,
): string | undefined {
  if (context.kind === "tables") return "trials are table rows, not inputs sampled from the source";
  if (!context.complete)
    return "the run was interrupted, so its trials are the first inputs, not a random sample";
  if (context.sharded)
    return "a shard holds part of the sample; merge the shards (twinrun merge) for the bound";
  switch (sample.strategy) {
    case "first":
      return "the sample is the first inputs of the source, not a random sample";
    case "stratified":
      return "a stratified sample is not uniform over the source";
    case "replay":
      return "a replay runs the inputs a report named, not a random sample";
    case "random":
    case "all":
      break;
    case "cover":
      if (sample.cover === undefined) return "the cover sample does not say which inputs were random";
      break;
  }
  if (counts === undefined || counts.trials === 0) return "no input was sampled at random";
  return undefined;
}

/** The source's size, when the identity knows it (always, for files and in-memory inputs). */
function knownPopulation(sample: SampleIdentity): number | undefined {
  return Number.isSafeInteger(sample.totalRecords) && sample.totalRecords >= sample.size
    ? sample.totalRecords
    : undefined;
}

function targetOf(
  rate: number | undefined,
  sample: SampleIdentity,
  counts: RandomPartCounts | undefined,
): { target?: ChangeRate["target"] } {
  if (rate === undefined) return {};
  const population = knownPopulation(sample);
  const rest = population === undefined ? undefined : population - (counts?.picked ?? 0);
  return {
    target: {
      rate,
      sampleSize: sampleSizeFor(rate, 1 - CHANGE_RATE_CONFIDENCE, rest),
    },
  };
}
