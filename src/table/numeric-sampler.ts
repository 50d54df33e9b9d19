// One side of one column's numbers, in constant memory: exact count, mean, variance (Welford),
// min and max, plus a seeded uniform reservoir of the values for quantiles and PSI. Up to the
// reservoir's capacity the reservoir holds every value, so small tables get exact quantiles.
import { createRandom, type Random } from "../inputs/random.ts";
import type { NumericSummary } from "./types.ts";

/** Values kept per column and side; beyond it, quantiles and PSI come from a uniform sample. */
export const DISTRIBUTION_SAMPLE_SIZE = 100_000;

/** Why: distributions of million-row columns without holding a million values. */
export class NumericSampler {
  private count = 0;
  private mean = 0;
  private m2 = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  /** Grows by doubling up to `capacity`, so small columns stay small. */
  private reservoir = new Float64Array(64);
  private readonly capacity: number;
  private readonly random: Random;
  /** Algorithm L: the count at which the next value enters the full reservoir, and its weight. */
  private nextReplacement = 0;
  private weight = 0;

  constructor(seed: number, capacity = DISTRIBUTION_SAMPLE_SIZE) {
    this.capacity = capacity;
    this.random = createRandom(seed);
  }

  /** Adds one finite number (callers skip NaN and infinities). */
  add(value: number): void {
    this.count++;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (value - this.mean);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (this.count <= this.capacity) {
      if (this.count > this.reservoir.length) this.growReservoir();
      this.reservoir[this.count - 1] = value;
      if (this.count === this.capacity) this.planNextReplacement(true);
    } else if (this.count === this.nextReplacement) {
      this.reservoir[this.random.nextInt(this.capacity)] = value;
      this.planNextReplacement(false);
    }
  }

  /** True when the reservoir holds a sample rather than every value. */
  get sampled(): boolean {
    return this.count > this.capacity;
  }

  /** The kept values, sorted ascending (a copy). */
  sortedValues(): Float64Array {
    return this.reservoir.slice(0, Math.min(this.count, this.capacity)).sort();
  }

  /**
   * Why: a full reservoir takes ever fewer values; Algorithm L draws how many to skip instead of
   * drawing a random number for every value (a million-row column needs ~1,000× fewer draws).
   */
  private planNextReplacement(first: boolean): void {
    const k = this.capacity;
    // nextFloat() is in [0, 1); 1 − u is in (0, 1], so the logarithms stay finite.
    const draw = () => 1 - this.random.nextFloat();
    this.weight = first ? Math.exp(Math.log(draw()) / k) : this.weight * Math.exp(Math.log(draw()) / k);
    const skip = this.weight >= 1 ? 0 : Math.floor(Math.log(draw()) / Math.log(1 - this.weight));
    this.nextReplacement = this.count + skip + 1;
  }

  private growReservoir(): void {
    const grown = new Float64Array(Math.min(this.capacity, this.reservoir.length * 2));
    grown.set(this.reservoir);
    this.reservoir = grown;
  }

  /** Mean, population std, min, max and p1/p50/p99 (linear interpolation, as numpy's default). */
  summarize(sorted = this.sortedValues()): NumericSummary {
    if (this.count === 0)
      return {
        count: 0,
        mean: Number.NaN,
        std: Number.NaN,
        min: Number.NaN,
        max: Number.NaN,
        p1: Number.NaN,
        p50: Number.NaN,
        p99: Number.NaN,
      };
    return {
      count: this.count,
      mean: this.mean,
      std: Math.sqrt(this.m2 / this.count),
      min: this.min,
      max: this.max,
      p1: quantile(sorted, 0.01),
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
    };
  }
}

/** Why: the q-quantile of sorted values by linear interpolation between closest ranks. */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
