// Proportional allocation of a sample across strata, with largest-remainder rounding.

/**
 * Why: the stratified strategy needs per-stratum sizes that sum to exactly `size`, follow the
 * strata's shares, and (when size ≥ the number of strata) leave no stratum out.
 * counts[i] is stratum i's record count (strata in first-seen order, which breaks ties).
 * When size ≥ the total, every record is taken.
 */
export function allocateStrata(counts: readonly number[], size: number): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (size >= total) return counts.slice();
  const bigSize = BigInt(size);
  const bigTotal = BigInt(total);
  const allocation = counts.map((count) => Number((bigSize * BigInt(count)) / bigTotal));
  const remainders = counts.map((count) => (bigSize * BigInt(count)) % bigTotal);

  let missing = size - allocation.reduce((sum, n) => sum + n, 0);
  const byRemainder = counts
    .map((_, i) => i)
    .sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : a - b));
  for (const i of byRemainder) {
    if (missing === 0) break;
    allocation[i] += 1;
    missing -= 1;
  }

  if (size >= counts.length) giveEveryStratumOne(allocation, counts, total, size);
  return allocation;
}

// Moves one slot at a time from the most over-served stratum (largest allocation − exact quota,
// among those holding ≥ 2) to each stratum that got none. A donor always exists: the others hold
// `size` ≥ number of strata slots between them.
function giveEveryStratumOne(
  allocation: number[],
  counts: readonly number[],
  total: number,
  size: number,
): void {
  for (let empty = 0; empty < allocation.length; empty += 1) {
    if (allocation[empty] > 0 || counts[empty] === 0) continue;
    let donor = -1;
    let donorExcess = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < allocation.length; i += 1) {
      if (allocation[i] < 2) continue;
      const excess = allocation[i] - (size * counts[i]) / total;
      if (excess > donorExcess) {
        donor = i;
        donorExcess = excess;
      }
    }
    if (donor === -1) return;
    allocation[donor] -= 1;
    allocation[empty] = 1;
  }
}
