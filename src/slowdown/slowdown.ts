// The slowdown of new against old, from paired trial times: each trial's ratio new/old, their
// median, and a distribution-free confidence interval (the sign test's order statistics). The
// ratios live in a 1%-wide log-scale histogram, so memory is constant however many trials run.
import { binomialCdf } from "../stats/exact-bounds.ts";

export const SLOWDOWN_CONFIDENCE = 0.95;

const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
/** Ratios are kept between 1/10,000 and 10,000; beyond that they count at the edge. */
const LOG_RANGE = Math.log(1e4);
const HALF = Math.ceil(LOG_RANGE / LOG_GROWTH);

/** What the report states: the median ratio and its interval, from `trials` pairs (warm-up left out). */
export interface Slowdown {
  ratio: number;
  /** The 95% interval; absent when too few trials for one (fewer than 6). */
  low?: number;
  high?: number;
  confidence: number;
  trials: number;
  /** Trials left out at the start: each worker's first input pays for its start-up. */
  warmUp: number;
  /** With a gate threshold: trials where new took more, and less, than threshold × old. */
  threshold?: { max: number; above: number; below: number; pValue: number; slower: boolean };
  /**
   * The ratios' histogram, sparse: [k, trials] pairs for the bins around 1.01^k, ascending k; so
   * shard reports combine into exactly the figure one run would state (absent in older reports).
   */
  bins?: [number, number][];
}

/** Why: paired ratios cancel what both sides share (the input's size, the machine's load). */
export class SlowdownTracker {
  private readonly counts = new Uint32Array(2 * HALF + 1);
  private count = 0;
  private seen = 0;
  private above = 0;
  private below = 0;

  constructor(
    private readonly warmUp: number,
    private readonly max?: number,
  ) {}

  /** One trial's durations, in input order. */
  add(oldMs: number, newMs: number): void {
    this.seen++;
    if (this.seen <= this.warmUp) return;
    if (!(oldMs > 0) || !(newMs > 0)) return;
    const logRatio = Math.max(-LOG_RANGE, Math.min(LOG_RANGE, Math.log(newMs / oldMs)));
    this.counts[HALF + Math.round(logRatio / LOG_GROWTH)]++;
    this.count++;
    if (this.max !== undefined) {
      if (newMs > this.max * oldMs) this.above++;
      else if (newMs < this.max * oldMs) this.below++;
    }
  }

  /**
   * Why: shards time their own pairs; summing their bins and threshold counts gives the slowdown
   * one run over all their trials would state. Undefined when no shard has a slowdown, or when
   * one lacks the bins (an older report): then no figure can be combined honestly.
   */
  static combine(parts: readonly (Slowdown | undefined)[], max?: number): Slowdown | undefined {
    const present = parts.filter((part): part is Slowdown => part !== undefined);
    if (present.length === 0 || present.some((part) => part.bins === undefined)) return undefined;
    const tracker = new SlowdownTracker(0, max);
    for (const part of present) {
      for (const [k, trials] of part.bins ?? []) {
        tracker.counts[HALF + Math.max(-HALF, Math.min(HALF, k))] += trials;
        tracker.count += trials;
      }
      tracker.above += part.threshold?.above ?? 0;
      tracker.below += part.threshold?.below ?? 0;
    }
    const combined = tracker.result();
    if (combined === undefined) return undefined;
    const warmUp = present.reduce((total, part) => total + part.warmUp, 0);
    return { ...combined, warmUp };
  }

  /** The slowdown so far; undefined before any paired trial. */
  result(): Slowdown | undefined {
    if (this.count === 0) return undefined;
    const n = this.count;
    const k = orderStatisticForInterval(n, (1 - SLOWDOWN_CONFIDENCE) / 2);
    const interval = k === 0 ? {} : { low: this.valueAt(k), high: this.valueAt(n - k + 1) };
    return {
      ratio:
        n % 2 === 1 ? this.valueAt((n + 1) / 2) : Math.sqrt(this.valueAt(n / 2) * this.valueAt(n / 2 + 1)),
      ...interval,
      confidence: SLOWDOWN_CONFIDENCE,
      trials: n,
      warmUp: Math.min(this.warmUp, this.seen),
      ...(this.max !== undefined && { threshold: judgeThreshold(this.max, this.above, this.below) }),
      bins: this.sparseBins(),
    };
  }

  private sparseBins(): [number, number][] {
    const bins: [number, number][] = [];
    for (let bin = 0; bin < this.counts.length; bin++) {
      if (this.counts[bin] > 0) bins.push([bin - HALF, this.counts[bin]]);
    }
    return bins;
  }

  /** The r-th smallest ratio (1-based), as its bin's centre. */
  private valueAt(rank: number): number {
    let cumulative = 0;
    for (let bin = 0; bin < this.counts.length; bin++) {
      cumulative += this.counts[bin];
      if (cumulative >= rank) return round(Math.exp((bin - HALF) * LOG_GROWTH));
    }
    return round(Math.exp(HALF * LOG_GROWTH));
  }
}

/**
 * Why: "slower than x times with confidence" is a one-sided sign test on the pairs: under
 * "new takes at most x times old" a trial is above x at most half the time, so many more above
 * than below is evidence. Ties (exactly x times) say nothing and are left out.
 */
export function judgeThreshold(
  max: number,
  above: number,
  below: number,
): NonNullable<Slowdown["threshold"]> {
  const informative = above + below;
  // P(X >= above) for X ~ Bin(n, 1/2) is P(X <= n - above), exact in the far tail too.
  const pValue = informative === 0 ? 1 : binomialCdf(informative - above, informative, 0.5);
  return { max, above, below, pValue, slower: pValue < 1 - SLOWDOWN_CONFIDENCE };
}

/** The largest k with P(Bin(n, 1/2) < k) ≤ tail: [x(k), x(n-k+1)] then covers the median; 0 when none does. */
export function orderStatisticForInterval(n: number, tail: number): number {
  let k = 0;
  while (k + 1 <= n / 2 && binomialCdf(k, n, 0.5) <= tail) k++;
  return k;
}

function round(value: number): number {
  return Number(value.toPrecision(3));
}
