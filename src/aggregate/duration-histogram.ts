// Percentiles of durations in constant memory: a log-scale histogram with 2% wide buckets,
// so p50/p95 stay within 2% of the truth however many trials run.

const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);
const MIN_MS = 0.001;
const BUCKETS = Math.ceil(Math.log(1e8 / MIN_MS) / LOG_GROWTH) + 1;

export class DurationHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  private count = 0;
  totalMs = 0;

  /** Records one duration in milliseconds. */
  add(durationMs: number): void {
    const value = Math.max(durationMs, MIN_MS);
    const bucket = Math.min(BUCKETS - 1, Math.floor(Math.log(value / MIN_MS) / LOG_GROWTH));
    this.counts[bucket]++;
    this.count++;
    this.totalMs += durationMs;
  }

  /** The q-quantile (0..1) in milliseconds, rounded to 0.01 ms; 0 when empty. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      seen += this.counts[bucket];
      if (seen >= rank) {
        const upper = MIN_MS * GROWTH ** (bucket + 0.5);
        return Math.round(upper * 100) / 100;
      }
    }
    return 0;
  }
}
