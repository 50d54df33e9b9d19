// Thresholds people would write: of all numbers that cut the data in the same place, the
// roundest (`income > 100000`, not `income > 99873`).

/** The roundest r with lo ≤ r < hi (lo < hi): a multiple of the largest power of ten that fits. */
export function roundestAbove(lo: number, hi: number): number {
  if (!(lo < hi)) return lo;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return lo;
  if (lo <= 0 && 0 < hi) return 0;
  const span = Math.max(Math.abs(lo), Math.abs(hi));
  for (let exponent = Math.ceil(Math.log10(span)) + 1; exponent >= -15; exponent--) {
    const step = 10 ** exponent;
    const candidate = clean(Math.ceil(lo / step) * step);
    if (candidate >= lo && candidate < hi) return candidate;
  }
  return lo;
}

/** The roundest r with lo < r ≤ hi (lo < hi). */
export function roundestBelow(lo: number, hi: number): number {
  return -roundestAbove(-hi, -lo);
}

/** Drops float noise from a multiple of a power of ten (0.30000000000000004 → 0.3). */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}
